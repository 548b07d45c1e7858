package io.jenkins.plugins.sampleplatform.verdict;

import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.util.Objects;

/**
 * Turns a run summary into a {@link Verdict}. Immutable; build one with {@link #builder()}.
 *
 * <p>Defaults follow how Jenkins users think: any failed sample makes the build
 * {@link BuildResult#UNSTABLE} (as failing tests do in the JUnit plugin); any missing output makes it
 * {@link BuildResult#FAILURE} (a crash, not a regression).
 */
public final class VerdictPolicy {

    private final int failThreshold;
    private final BuildResult failResult;
    private final int missingOutputThreshold;
    private final BuildResult missingOutputResult;

    private VerdictPolicy(Builder builder) {
        this.failThreshold = builder.failThreshold;
        this.failResult = builder.failResult;
        this.missingOutputThreshold = builder.missingOutputThreshold;
        this.missingOutputResult = builder.missingOutputResult;
    }

    /** The default policy. */
    public static VerdictPolicy defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Failed samples tolerated before {@link #failResult()} applies (default 0). */
    public int failThreshold() {
        return failThreshold;
    }

    /** The result when more samples failed than tolerated (default UNSTABLE). */
    public BuildResult failResult() {
        return failResult;
    }

    /** Samples without output tolerated before {@link #missingOutputResult()} applies (default 0). */
    public int missingOutputThreshold() {
        return missingOutputThreshold;
    }

    /** The result when more samples had no output than tolerated (default FAILURE). */
    public BuildResult missingOutputResult() {
        return missingOutputResult;
    }

    /**
     * Judges a summary.
     *
     * @param summary the run summary
     * @return the result and its reasons
     */
    public Verdict evaluate(RunSummary summary) {
        throw new UnsupportedOperationException("issue 5");
    }

    /** Builds a {@link VerdictPolicy}; starts from the defaults. */
    public static final class Builder {
        private int failThreshold = 0;
        private BuildResult failResult = BuildResult.UNSTABLE;
        private int missingOutputThreshold = 0;
        private BuildResult missingOutputResult = BuildResult.FAILURE;

        private Builder() {
        }

        /** Tolerate up to {@code n} failed samples; {@code n >= 0}. */
        public Builder failThreshold(int n) {
            this.failThreshold = requireNonNegative("failThreshold", n);
            return this;
        }

        /** The result when more samples failed than tolerated. */
        public Builder failResult(BuildResult result) {
            this.failResult = Objects.requireNonNull(result, "failResult");
            return this;
        }

        /** Tolerate up to {@code n} samples without output; {@code n >= 0}. */
        public Builder missingOutputThreshold(int n) {
            this.missingOutputThreshold = requireNonNegative("missingOutputThreshold", n);
            return this;
        }

        /** The result when more samples had no output than tolerated. */
        public Builder missingOutputResult(BuildResult result) {
            this.missingOutputResult = Objects.requireNonNull(result, "missingOutputResult");
            return this;
        }

        public VerdictPolicy build() {
            return new VerdictPolicy(this);
        }

        private static int requireNonNegative(String name, int n) {
            if (n < 0) {
                throw new IllegalArgumentException(name + " must be at least 0, was " + n);
            }
            return n;
        }
    }
}
