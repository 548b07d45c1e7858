package io.jenkins.plugins.sampleplatform.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar as a separate process, the way a user or a CI job does. */
final class CliProcess {

    /** What the process printed and how it ended. */
    record Outcome(int exitCode, String stdout, String stderr) {}

    private static final Path JAR = Path.of(System.getProperty("sampleplatform.jar", "target/sampleplatform.jar"));

    private CliProcess() {}

    static Outcome run(Map<String, String> environment, String... args) throws Exception {
        Process process = start(environment, args);
        return finish(process, 60);
    }

    /** {@code sampleplatform summary ARGS}. */
    static Outcome summary(Map<String, String> environment, String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "summary";
        System.arraycopy(args, 0, all, 1, args.length);
        return run(environment, all);
    }

    static Process start(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return start(new ProcessBuilder(command), environment);
    }

    /** The packaged jar under test. */
    static Path jar() {
        return JAR.toAbsolutePath();
    }

    /** The repository's root: the jar is cli/target/sampleplatform.jar. */
    static Path repositoryRoot() {
        return JAR.toAbsolutePath().getParent().getParent().getParent();
    }

    /** Runs any command (such as the ./sampleplatform wrapper) in {@code directory}, with the same environment rules. */
    static Outcome runIn(Path directory, Map<String, String> environment, int timeoutSeconds, String... command)
            throws Exception {
        return finish(start(new ProcessBuilder(command).directory(directory.toFile()), environment), timeoutSeconds);
    }

    private static Process start(ProcessBuilder builder, Map<String, String> environment) throws IOException {
        builder.environment().remove("SAMPLEPLATFORM_TOKEN");
        builder.environment().remove("SAMPLEPLATFORM_DB_PASSWORD");
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return builder.start();
    }

    static Outcome finish(Process process, int timeoutSeconds) throws Exception {
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    "the command did not end within " + timeoutSeconds + " s; stderr so far: " + err.getNow(""));
        }
        return new Outcome(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
