package io.jenkins.plugins.sampleplatform.verdict;

/**
 * A build result on Jenkins' scale, without Jenkins types. Declared from best to worst in the same
 * order as {@code hudson.model.Result}, so {@link #worst} matches {@code Run.setResult}'s rule.
 */
public enum BuildResult {
    SUCCESS,
    UNSTABLE,
    FAILURE,
    NOT_BUILT,
    ABORTED;

    /** The worse of this result and {@code other}; a result is only ever made worse, never better. */
    public BuildResult worst(BuildResult other) {
        return other != null && other.compareTo(this) > 0 ? other : this;
    }

    /** Whether this result is strictly worse than {@code other}. */
    public boolean isWorseThan(BuildResult other) {
        return compareTo(other) > 0;
    }
}
