package io.jenkins.plugins.sampleplatform.failures;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One sample of a run that failed or produced no output: an item of {@code GET /runs/{id}/samples} with
 * status {@code fail} or {@code missing_output}, or the same row as DB mode computes it.
 *
 * @param regressionTestId the regression test (a media sample can have several)
 * @param sampleId         the media sample's id, or {@code null}
 * @param sampleName       the sample's original file name, or {@code null}
 * @param status           {@link SampleStatus#FAIL} or {@link SampleStatus#MISSING_OUTPUT}
 * @param exitCode         the exit code the run recorded, or {@code null}
 * @param expectedRc       the exit code the regression test expects, or {@code null}
 * @param categories       the regression test's category names, in the platform's order; may be empty
 * @param outputs          the outputs whose file differed from the baseline; may be empty (a sample that
 *                         only crashed, or whose outputs are missing)
 */
public record SampleFailure(
        int regressionTestId,
        Integer sampleId,
        String sampleName,
        SampleStatus status,
        Integer exitCode,
        Integer expectedRc,
        List<String> categories,
        List<FailedOutput> outputs)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public SampleFailure {
        if (regressionTestId < 1) {
            throw new IllegalArgumentException("regression_test_id must be at least 1, was " + regressionTestId);
        }
        Objects.requireNonNull(status, "status");
        if (status == SampleStatus.PASS) {
            throw new IllegalArgumentException("a sample that passed is not a failure");
        }
        categories = List.copyOf(categories);
        outputs = List.copyOf(outputs);
    }

    /** Whether the sample's exit code differed from the expected one (both known). */
    public boolean exitCodeDiffers() {
        return exitCode != null && expectedRc != null && !exitCode.equals(expectedRc);
    }
}
