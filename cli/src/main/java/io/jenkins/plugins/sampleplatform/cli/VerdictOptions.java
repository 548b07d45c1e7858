package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.verdict.BuildResult;
import io.jenkins.plugins.sampleplatform.verdict.VerdictPolicy;
import picocli.CommandLine.Option;

/** The verdict policy's thresholds and results; unset options keep the policy's defaults. */
final class VerdictOptions {

    @Option(names = "--fail-threshold", paramLabel = "N", description = "Failed samples tolerated (default 0).")
    Integer failThreshold;

    @Option(
            names = "--fail-result",
            paramLabel = "RESULT",
            description = "Result when more samples fail (default UNSTABLE).")
    BuildResult failResult;

    @Option(
            names = "--missing-output-threshold",
            paramLabel = "N",
            description = "Samples without output tolerated (default 0).")
    Integer missingOutputThreshold;

    @Option(
            names = "--missing-output-result",
            paramLabel = "RESULT",
            description = "Result when more samples have no output (default FAILURE).")
    BuildResult missingOutputResult;

    @Option(
            names = "--unreported-missing-output-result",
            paramLabel = "RESULT",
            description = "Result when the server does not report missing outputs (default UNSTABLE).")
    BuildResult unreportedMissingOutputResult;

    @Option(
            names = "--unfinished-result",
            paramLabel = "RESULT",
            description = "Result for a queued or running run (default NOT_BUILT).")
    BuildResult unfinishedResult;

    @Option(
            names = "--canceled-result",
            paramLabel = "RESULT",
            description = "Result for a canceled run (default FAILURE).")
    BuildResult canceledResult;

    @Option(
            names = "--run-error-result",
            paramLabel = "RESULT",
            description = "Result for a run in status error or incomplete (default FAILURE).")
    BuildResult runErrorResult;

    @Option(
            names = "--inconsistent-counts-result",
            paramLabel = "RESULT",
            description = "Result when the counts contradict each other (default UNSTABLE).")
    BuildResult inconsistentCountsResult;

    /**
     * The policy these options describe.
     *
     * @throws IllegalArgumentException for a value the policy refuses (a negative threshold, SUCCESS where it is not allowed)
     */
    VerdictPolicy policy() {
        VerdictPolicy.Builder builder = VerdictPolicy.builder();
        if (failThreshold != null) {
            builder.failThreshold(failThreshold);
        }
        if (failResult != null) {
            builder.failResult(failResult);
        }
        if (missingOutputThreshold != null) {
            builder.missingOutputThreshold(missingOutputThreshold);
        }
        if (missingOutputResult != null) {
            builder.missingOutputResult(missingOutputResult);
        }
        if (unreportedMissingOutputResult != null) {
            builder.unreportedMissingOutputResult(unreportedMissingOutputResult);
        }
        if (unfinishedResult != null) {
            builder.unfinishedResult(unfinishedResult);
        }
        if (canceledResult != null) {
            builder.canceledResult(canceledResult);
        }
        if (runErrorResult != null) {
            builder.runErrorResult(runErrorResult);
        }
        if (inconsistentCountsResult != null) {
            builder.inconsistentCountsResult(inconsistentCountsResult);
        }
        return builder.build();
    }
}
