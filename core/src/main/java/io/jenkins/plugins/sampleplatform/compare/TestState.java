package io.jenkins.plugins.sampleplatform.compare;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * How one regression test behaved in one run, as the platform's {@code build_state} sees it, plus what a
 * reader needs to recognise the test.
 *
 * <p>Only tests linked to at least one category have a state (the platform leaves the others out
 * everywhere). {@code passed} follows the comparison's own rules, not the summary's: a test that never ran
 * fails with the {@linkplain Signature#dummy() dummy signature} when it expects a non-ignored output, and a
 * test that has some outputs and lacks others does not fail on that alone.
 *
 * @param regressionTestId the regression test, at least 1
 * @param sampleId         the media sample's id, or {@code null} when the source does not know it
 * @param sampleName       the sample's original file name, or {@code null}
 * @param categories       the test's category names, by name as the platform orders them; never empty for a
 *                         state a source produced, may be empty in hand-made states
 * @param passed           the platform's {@code not error}
 * @param signature        the produced hashes, or {@link Signature#unknown()}
 * @param status           the summary's status of the test in this run ({@link ResultStatus#NOT_RUN} without a
 *                         result row)
 */
public record TestState(
        int regressionTestId,
        Integer sampleId,
        String sampleName,
        List<String> categories,
        boolean passed,
        Signature signature,
        ResultStatus status)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public TestState {
        if (regressionTestId < 1) {
            throw new IllegalArgumentException("regression_test_id must be at least 1, was " + regressionTestId);
        }
        categories = List.copyOf(categories);
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(status, "status");
    }

    /** A state with only what the comparison reads (tests and generators). */
    public static TestState of(int regressionTestId, boolean passed, Signature signature) {
        return new TestState(
                regressionTestId,
                null,
                null,
                List.of(),
                passed,
                signature,
                passed ? ResultStatus.PASS : ResultStatus.FAIL);
    }
}
