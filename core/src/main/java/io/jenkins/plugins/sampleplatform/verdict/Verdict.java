package io.jenkins.plugins.sampleplatform.verdict;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of applying a {@link VerdictPolicy} to a run summary.
 *
 * @param result  the build result the run deserves
 * @param reasons one line a person understands for each condition the policy found, worst result first;
 *                empty exactly for a clean pass. A condition whose configured result is
 *                {@link BuildResult#SUCCESS} (for example tolerated, unreported missing outputs) is still
 *                listed, so a person can see what was not checked
 */
public record Verdict(BuildResult result, List<String> reasons) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Verdict {
        Objects.requireNonNull(result, "result");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
    }

    /** The result to give a build that already has {@code current}: the worse of the two. */
    public BuildResult applyTo(BuildResult current) {
        return current == null ? result : current.worst(result);
    }
}
