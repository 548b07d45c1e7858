package io.jenkins.plugins.sampleplatform.compare;

import java.io.Serializable;
import java.util.Objects;

/**
 * One entry of a test's {@link Signature}: an output and the hash the run produced for it (a result file
 * whose {@code got} is set). Output id {@value #DUMMY_OUTPUT_ID} with {@code got} {@value #DUMMY_GOT} is the
 * platform's stand-in for a test without any result file that expected a non-ignored output.
 *
 * @param outputId the {@code regression_test_output} id, or {@value #DUMMY_OUTPUT_ID}
 * @param got      the produced hash ({@code test_result_file.got}), never {@code null}
 */
public record ProducedOutput(int outputId, String got) implements Comparable<ProducedOutput>, Serializable {

    private static final long serialVersionUID = 1L;

    /** The output id of the platform's dummy file (and of the sentinel result row). */
    public static final int DUMMY_OUTPUT_ID = -1;
    /** The produced hash of the platform's dummy file. */
    public static final String DUMMY_GOT = "error";

    public ProducedOutput {
        Objects.requireNonNull(got, "got");
    }

    /** The platform's dummy file: a test that expected output and has no result file at all. */
    public static ProducedOutput dummy() {
        return new ProducedOutput(DUMMY_OUTPUT_ID, DUMMY_GOT);
    }

    /** Whether this is a real output with a diff on the platform (not the dummy or the sentinel row). */
    public boolean hasDiff() {
        return outputId > 0;
    }

    /** Python's tuple order, which the platform sorts signatures by: output id, then the hash by code point. */
    @Override
    public int compareTo(ProducedOutput other) {
        int byId = Integer.compare(outputId, other.outputId);
        return byId != 0 ? byId : compareCodePoints(got, other.got);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
