package io.jenkins.plugins.sampleplatform.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --junit FILE}, shared by {@code summary} and {@code run}: also write the JUnit XML report to a file. */
final class JUnitOptions {

    @Option(
            names = "--junit",
            paramLabel = "FILE",
            description = "Also write every sample's result as JUnit XML to FILE (beside any --format; "
                    + "--format junit prints it instead). Lists all samples: ceil(n/100) API requests for n results"
                    + " (--verbose prints the count), 5 statements in DB mode.")
    Path file;

    /**
     * Checks the file can be written before anything is asked of the platform.
     *
     * @throws UsageException naming the problem
     */
    void checkUsage() throws UsageException {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new UsageException("--junit " + file + " is a directory; give a file name, e.g. "
                    + file.resolve("sampleplatform-junit.xml"));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException("--junit " + file + ": the directory " + parent + " does not exist.");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new UsageException("--junit " + file + " exists and cannot be written.");
        }
    }
}
