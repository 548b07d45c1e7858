package io.jenkins.plugins.sampleplatform.compare;

import java.io.Serializable;
import java.util.List;

/**
 * The first lines of the platform's unified diff of one output of the judged run (API mode with
 * {@code results:read}); shown collapsed under the test.
 *
 * @param regressionTestId the regression test
 * @param outputId         the output
 * @param lines            at most {@link #MAX_LINES} lines, without line ends
 * @param truncated        whether the diff has more lines than shown
 */
public record DiffExcerpt(int regressionTestId, int outputId, List<String> lines, boolean truncated)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most lines an excerpt keeps. */
    public static final int MAX_LINES = 20;

    /** The most outputs that get an excerpt (the first broken or changed ones). */
    public static final int MAX_EXCERPTS = 5;

    public DiffExcerpt {
        lines = List.copyOf(lines);
        if (lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("an excerpt keeps at most " + MAX_LINES + " lines, got " + lines.size());
        }
    }
}
