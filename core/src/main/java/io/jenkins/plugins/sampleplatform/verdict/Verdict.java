package io.jenkins.plugins.sampleplatform.verdict;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of applying a {@link VerdictPolicy} to a run summary.
 *
 * @param result  the build result the run deserves
 * @param reasons one line a person understands for each condition that made the result worse than
 *                {@link BuildResult#SUCCESS}, in order of severity; empty for a clean pass
 */
public record Verdict(BuildResult result, List<String> reasons) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Verdict {
        Objects.requireNonNull(result, "result");
        reasons = List.copyOf(reasons);
    }

    /** The result to give a build that already has {@code current}: the worse of the two. */
    public BuildResult applyTo(BuildResult current) {
        return current == null ? result : current.worst(result);
    }
}
