package io.jenkins.plugins.sampleplatform.compare;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The judged run compared with every reference, in the order given: what the renderers, the JSON and the
 * verdict policy read.
 *
 * @param current     the judged run's states
 * @param comparisons one per reference, in the order given
 * @param excerpts    diff excerpts of the first broken or changed outputs (API mode); may be empty
 * @param diffNote    why there are no excerpts when there are none (e.g. "DB mode: the diffs are on the
 *                    platform"), or {@code null}
 */
public record ComparisonReport(
        RunState current, List<Comparison> comparisons, List<DiffExcerpt> excerpts, String diffNote)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public ComparisonReport {
        Objects.requireNonNull(current, "current");
        comparisons = List.copyOf(comparisons);
        excerpts = List.copyOf(excerpts);
    }

    public int runId() {
        return current.runId();
    }

    /**
     * The first reference with a run, not the same run as an earlier one: the one the verdict on change and
     * the closing sentence use (the platform's comment picks it the same way).
     */
    public Optional<Comparison> firstAvailable() {
        return comparisons.stream().filter(Comparison::available).findFirst();
    }

    /** The same report with diff excerpts. */
    public ComparisonReport withExcerpts(List<DiffExcerpt> newExcerpts, String newDiffNote) {
        return new ComparisonReport(current, comparisons, newExcerpts, newDiffNote);
    }

    /** The excerpt of one output, if there is one. */
    public Optional<DiffExcerpt> excerpt(int regressionTestId, int outputId) {
        return excerpts.stream()
                .filter(e -> e.regressionTestId() == regressionTestId && e.outputId() == outputId)
                .findFirst();
    }
}
