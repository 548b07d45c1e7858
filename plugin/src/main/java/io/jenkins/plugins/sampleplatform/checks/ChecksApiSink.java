package io.jenkins.plugins.sampleplatform.checks;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksAnnotation;
import io.jenkins.plugins.checks.api.ChecksAnnotation.ChecksAnnotationLevel;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.jenkins.plugins.checks.api.TruncatedString;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.failures.SampleFailure;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.publish.ChecksSink;
import io.jenkins.plugins.sampleplatform.verdict.BuildResult;
import java.util.ArrayList;
import java.util.List;

/**
 * checks-api's side of {@code publishChecks: true}, loaded only when that plugin is installed: one check named
 * {@code Sample Platform (<platform>)}, in progress while a waited run is queued or running, then completed with
 * the verdict's conclusion; the summary is the Markdown report as a {@link TruncatedString} (each publisher cuts it
 * to its own limit, keeping the link to the build at the end), and up to 50 failing samples are annotations.
 */
@Extension(optional = true)
public class ChecksApiSink extends ChecksSink {

    /** Annotations per check, GitHub's limit per request. */
    static final int ANNOTATIONS = 50;

    @Override
    public String publish(Run<?, ?> run, Check check, TaskListener listener) {
        ChecksDetails.ChecksDetailsBuilder details = new ChecksDetails.ChecksDetailsBuilder().withName(check.name());
        if (check.buildUrl() != null) {
            details.withDetailsURL(check.buildUrl());
        }
        String link = check.buildUrl() == null ? "" : "\n\n[The whole report on Jenkins](" + check.buildUrl() + ")";
        ChecksOutput.ChecksOutputBuilder output = new ChecksOutput.ChecksOutputBuilder()
                .withTitle(check.title())
                .withSummary(new TruncatedString.Builder()
                        .withTruncationText("\n\u2026 cut to fit the check." + link)
                        .addText(check.markdown())
                        .addText(link)
                        .build());
        String state;
        if (check.result() == null) {
            details.withStatus(ChecksStatus.IN_PROGRESS);
            state = "in progress";
        } else {
            ChecksConclusion conclusion = conclusion(check.result(), check.unstableIsFailure());
            details.withStatus(ChecksStatus.COMPLETED).withConclusion(conclusion);
            output.withAnnotations(annotations(check));
            state = conclusion.name().toLowerCase(java.util.Locale.ROOT);
        }
        ChecksPublisherFactory.fromRun(run, listener)
                .publish(details.withOutput(output.build()).build());
        return Messages.Reports_ChecksPublished(check.name(), state);
    }

    /** SUCCESS success, UNSTABLE neutral or failure, FAILURE failure, NOT_BUILT action required, ABORTED canceled. */
    static ChecksConclusion conclusion(BuildResult result, boolean unstableIsFailure) {
        return switch (result) {
            case SUCCESS -> ChecksConclusion.SUCCESS;
            case UNSTABLE -> unstableIsFailure ? ChecksConclusion.FAILURE : ChecksConclusion.NEUTRAL;
            case FAILURE -> ChecksConclusion.FAILURE;
            case NOT_BUILT -> ChecksConclusion.ACTION_REQUIRED;
            case ABORTED -> ChecksConclusion.CANCELED;
        };
    }

    private static List<ChecksAnnotation> annotations(Check check) {
        List<ChecksAnnotation> annotations = new ArrayList<>();
        if (check.failures() == null || check.failures().list() == null) {
            return annotations;
        }
        for (SampleFailure failure : check.failures().list().entries()) {
            if (annotations.size() == ANNOTATIONS) {
                break;
            }
            String name = failure.sampleName() != null ? failure.sampleName() : "regression test";
            java.net.URI page = check.failures().regressionTestPage(failure.regressionTestId());
            annotations.add(new ChecksAnnotation.ChecksAnnotationBuilder()
                    .withPath("sampleplatform/regression-test-" + failure.regressionTestId())
                    .withLine(1)
                    .withAnnotationLevel(ChecksAnnotationLevel.FAILURE)
                    .withTitle(name + " #" + failure.regressionTestId())
                    .withMessage((failure.status() == SampleStatus.MISSING_OUTPUT ? "No output" : "Failed")
                            + exitCode(failure)
                            + (page == null ? "" : "\n" + page))
                    .build());
        }
        return annotations;
    }

    private static String exitCode(SampleFailure failure) {
        if (failure.exitCode() == null) {
            return "";
        }
        return failure.exitCodeDiffers()
                ? "; exit code " + failure.exitCode() + ", expected " + failure.expectedRc()
                : "; exit code " + failure.exitCode();
    }
}
