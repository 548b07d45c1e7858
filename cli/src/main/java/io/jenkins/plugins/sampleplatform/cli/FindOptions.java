package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.runs.RunQuery;
import picocli.CommandLine.Option;

/** {@code --commit SHA [--platform P] [--repository OWNER/NAME] [--test-type commit|pr]}: which run a commit names. */
final class FindOptions {

    @Option(
            names = "--commit",
            paramLabel = "SHA",
            description = "Instead of --run: the newest run of this commit (all 40 hexadecimal digits).")
    String commit;

    @Option(names = "--platform", paramLabel = "OS", description = "With --commit: linux or windows.")
    String platform;

    @Option(
            names = "--repository",
            paramLabel = "OWNER/NAME",
            description = "With --commit: the repository, e.g. CCExtractor/ccextractor.")
    String repository;

    @Option(names = "--test-type", paramLabel = "TYPE", description = "With --commit: commit or pr runs only.")
    String testType;

    /** The find criteria; {@code null} without --commit. */
    RunQuery query() throws UsageException {
        if (commit == null) {
            if (platform != null || repository != null || testType != null) {
                throw new UsageException("--platform, --repository and --test-type go with --commit.");
            }
            return null;
        }
        try {
            return RunQuery.of(commit, platform, repository, testType);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
