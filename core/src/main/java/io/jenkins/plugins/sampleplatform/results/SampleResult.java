package io.jenkins.plugins.sampleplatform.results;

import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import java.io.Serializable;
import java.util.List;

/**
 * One selected sample (regression test) of a run and its result: an item of {@code GET /runs/{id}/samples},
 * or the same row as DB mode computes it; or a sample the run selected that has no result (never ran), which
 * the listing does not show.
 *
 * @param regressionTestId the regression test (a media sample can have several)
 * @param sampleId         the media sample's id, or {@code null} when unknown
 * @param sampleName       the sample's original file name, or {@code null} when unknown
 * @param status           the result's status, or {@code null}: the sample never ran
 * @param exitCode         the exit code the run recorded, or {@code null}
 * @param expectedRc       the exit code the regression test expects, or {@code null}
 * @param runtimeMs        the recorded runtime in milliseconds, or {@code null}
 * @param categories       the regression test's category names, in the platform's order; may be empty
 * @param differingOutputs the outputs whose file differed from the baseline (the API's {@code outputs[]}
 *                         entries with status {@code fail}); may be empty
 */
public record SampleResult(
        int regressionTestId,
        Integer sampleId,
        String sampleName,
        SampleStatus status,
        Integer exitCode,
        Integer expectedRc,
        Integer runtimeMs,
        List<String> categories,
        List<FailedOutput> differingOutputs)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public SampleResult {
        if (regressionTestId < 1) {
            throw new IllegalArgumentException("regression_test_id must be at least 1, was " + regressionTestId);
        }
        categories = List.copyOf(categories);
        differingOutputs = List.copyOf(differingOutputs);
        if (status == null && (exitCode != null || runtimeMs != null || !differingOutputs.isEmpty())) {
            throw new IllegalArgumentException("a sample that never ran has no exit code, runtime or outputs");
        }
    }

    /** A sample the run selected that has no result. */
    public static SampleResult notRun(
            int regressionTestId, Integer sampleId, String sampleName, List<String> categories) {
        return new SampleResult(regressionTestId, sampleId, sampleName, null, null, null, null, categories, List.of());
    }

    /** Whether the sample has a result in the run. */
    public boolean ran() {
        return status != null;
    }

    /** Whether the sample's exit code differed from the expected one (both known). */
    public boolean exitCodeDiffers() {
        return exitCode != null && expectedRc != null && !exitCode.equals(expectedRc);
    }
}
