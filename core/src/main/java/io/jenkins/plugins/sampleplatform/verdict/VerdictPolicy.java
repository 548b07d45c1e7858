package io.jenkins.plugins.sampleplatform.verdict;

import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a run summary into a {@link Verdict}. Immutable; build one with {@link #builder()}.
 *
 * <p>Each condition below gives its own result; the verdict is the worst of them, and its reasons are
 * listed worst first (conditions of equal result in the order below). No condition: SUCCESS, no reasons.
 * Failed samples or samples without output within their threshold are listed too, with the result SUCCESS
 * ("2 samples without output, within the threshold of 2"): tolerated, not absent.
 * <ol>
 *   <li>The run's {@code status}, when the server sends it:
 *     <ul>
 *       <li>{@code queued}, {@code running}: "run N has not finished (status running)" gives
 *           {@link #unfinishedResult()} (default NOT_BUILT, Jenkins' value for "no result yet"). It can
 *           never be SUCCESS: a run that has not finished has not passed.</li>
 *       <li>{@code canceled} gives {@link #canceledResult()} (default FAILURE). On the platform
 *           {@code canceled} covers a user's cancel <em>and</em> infrastructure failures, and the
 *           summary cannot tell them apart; ABORTED would present a broken test machine as a
 *           deliberate stop (and many notifiers stay silent on ABORTED), so FAILURE is the default,
 *           and ABORTED can be chosen by those who only ever cancel by hand.</li>
 *       <li>{@code error} (the run finished without any result) and {@code incomplete} give
 *           {@link #runErrorResult()} (default FAILURE): nothing, or not everything, was tested.</li>
 *       <li>{@code pass}, {@code fail}, or no status at all (the reference server sends none): judged
 *           on the counts alone.</li>
 *     </ul></li>
 *   <li>More than {@link #missingOutputThreshold()} samples without output gives
 *       {@link #missingOutputResult()} (default FAILURE: a crash, not a regression).</li>
 *   <li>More than {@link #failThreshold()} failed samples gives {@link #failResult()} (default
 *       UNSTABLE, as failing tests do in the JUnit plugin).</li>
 *   <li>A {@code missing_output_count} the server did not send is never read as 0: it gives
 *       {@link #unreportedMissingOutputResult()} (default UNSTABLE: the check for crashes could not be
 *       made, which is not evidence of a crash, but neither is it a clean pass; set it to SUCCESS for a
 *       server that never reports the count, and the reason is still listed).</li>
 *   <li>Counts that contradict each other or the status give {@link #inconsistentCountsResult()}
 *       (default UNSTABLE, never SUCCESS): the passed, failed, no-output and skipped counts adding up to
 *       more than {@code total_samples} (or to fewer, when all four are reported), {@code pass} with a
 *       failed or output-less sample, {@code fail} with neither. A person should look, but the counts
 *       themselves are still judged by the rules above.</li>
 * </ol>
 * The count rules apply to unfinished and canceled runs too: the counts reported so far are evidence.
 *
 * <p>With {@link #verdictOn()} {@link VerdictBasis#CHANGES} and a comparison report,
 * {@link #evaluate(RunSummary, ComparisonReport)} replaces rules 2 to 4 by what the run changed against the
 * first available reference ({@link ChangeFindings}); rules 1 and 5 stay. Without any reference run it gives
 * the verdict above and a reason line saying why.
 */
public final class VerdictPolicy implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int failThreshold;
    private final BuildResult failResult;
    private final int missingOutputThreshold;
    private final BuildResult missingOutputResult;
    private final BuildResult unreportedMissingOutputResult;
    private final BuildResult unfinishedResult;
    private final BuildResult canceledResult;
    private final BuildResult runErrorResult;
    private final BuildResult inconsistentCountsResult;
    private final VerdictBasis verdictOn;
    private final BuildResult changedFailureResult;

    private VerdictPolicy(Builder builder) {
        this.failThreshold = builder.failThreshold;
        this.failResult = builder.failResult;
        this.missingOutputThreshold = builder.missingOutputThreshold;
        this.missingOutputResult = builder.missingOutputResult;
        this.unreportedMissingOutputResult = builder.unreportedMissingOutputResult;
        this.unfinishedResult = builder.unfinishedResult;
        this.canceledResult = builder.canceledResult;
        this.runErrorResult = builder.runErrorResult;
        this.inconsistentCountsResult = builder.inconsistentCountsResult;
        this.verdictOn = builder.verdictOn;
        this.changedFailureResult = builder.changedFailureResult;
    }

    /** The default policy. */
    public static VerdictPolicy defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy's values. */
    public Builder toBuilder() {
        return builder()
                .failThreshold(failThreshold)
                .failResult(failResult)
                .missingOutputThreshold(missingOutputThreshold)
                .missingOutputResult(missingOutputResult)
                .unreportedMissingOutputResult(unreportedMissingOutputResult)
                .unfinishedResult(unfinishedResult)
                .canceledResult(canceledResult)
                .runErrorResult(runErrorResult)
                .inconsistentCountsResult(inconsistentCountsResult)
                .verdictOn(verdictOn)
                .changedFailureResult(changedFailureResult);
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

    /** The result when the server did not report {@code missing_output_count} (default UNSTABLE). */
    public BuildResult unreportedMissingOutputResult() {
        return unreportedMissingOutputResult;
    }

    /** The result for a run still {@code queued} or {@code running} (default NOT_BUILT; never SUCCESS). */
    public BuildResult unfinishedResult() {
        return unfinishedResult;
    }

    /** The result for a {@code canceled} run (default FAILURE; never SUCCESS). */
    public BuildResult canceledResult() {
        return canceledResult;
    }

    /** The result for a run with status {@code error} or {@code incomplete} (default FAILURE; never SUCCESS). */
    public BuildResult runErrorResult() {
        return runErrorResult;
    }

    /** The result for counts that contradict each other or the status (default UNSTABLE; never SUCCESS). */
    public BuildResult inconsistentCountsResult() {
        return inconsistentCountsResult;
    }

    /** What the counts are taken from: the run alone (default) or what it changed against a reference. */
    public VerdictBasis verdictOn() {
        return verdictOn;
    }

    /**
     * With {@link VerdictBasis#CHANGES}: the result when more samples fail differently from the reference than
     * {@link #failThreshold()} tolerates (default UNSTABLE).
     */
    public BuildResult changedFailureResult() {
        return changedFailureResult;
    }

    /**
     * Judges a summary and, with {@link VerdictBasis#CHANGES}, its comparison with references: see
     * {@link ChangeFindings}. With {@link VerdictBasis#ABSOLUTE}, or without a report, exactly
     * {@link #evaluate(RunSummary)}.
     *
     * @param summary the run summary
     * @param report  the run compared with its references, or {@code null}
     */
    public Verdict evaluate(RunSummary summary, ComparisonReport report) {
        if (verdictOn == VerdictBasis.ABSOLUTE || report == null) {
            return evaluate(summary);
        }
        Objects.requireNonNull(summary, "summary");
        Optional<Comparison> reference = report.firstAvailable();
        if (reference.isEmpty()) {
            Verdict absolute = evaluate(summary);
            List<String> reasons = new ArrayList<>(absolute.reasons());
            reasons.add(ChangeFindings.noReference(report));
            return new Verdict(absolute.result(), reasons);
        }
        List<Finding> findings = new ArrayList<>();
        statusFinding(summary, findings);
        ChangeFindings.add(this, reference.get(), findings);
        for (String contradiction : CountConsistency.contradictions(summary)) {
            findings.add(new Finding(inconsistentCountsResult, contradiction));
        }
        return verdictOf(findings);
    }

    /**
     * Judges a summary.
     *
     * @param summary the run summary
     * @return the worst result of the conditions found, and one reason per condition, worst first
     */
    public Verdict evaluate(RunSummary summary) {
        Objects.requireNonNull(summary, "summary");
        List<Finding> findings = new ArrayList<>();
        statusFinding(summary, findings);
        missingOutputFinding(summary, findings);
        if (summary.failCount() > failThreshold) {
            findings.add(new Finding(
                    failResult, Wording.samples(summary.failCount()) + " failed (threshold " + failThreshold + ")"));
        } else if (summary.failCount() > 0) {
            findings.add(new Finding(BuildResult.SUCCESS, tolerated(summary.failCount(), " failed", failThreshold)));
        }
        if (summary.missingOutputCount() == null) {
            findings.add(new Finding(
                    unreportedMissingOutputResult,
                    "missing_output_count was not reported, so samples without output could not be checked"));
        }
        for (String contradiction : CountConsistency.contradictions(summary)) {
            findings.add(new Finding(inconsistentCountsResult, contradiction));
        }
        return verdictOf(findings);
    }

    private static Verdict verdictOf(List<Finding> findings) {
        // A stable sort keeps conditions of equal result in the documented order.
        findings.sort(Comparator.comparing(Finding::result).reversed());
        BuildResult result = BuildResult.SUCCESS;
        for (Finding finding : findings) {
            result = result.worst(finding.result());
        }
        return new Verdict(result, findings.stream().map(Finding::reason).toList());
    }

    private void statusFinding(RunSummary summary, List<Finding> findings) {
        RunStatus status = summary.status();
        if (status == null) {
            return;
        }
        String run = "run " + summary.runId();
        switch (status) {
            case QUEUED, RUNNING ->
                findings.add(
                        new Finding(unfinishedResult, run + " has not finished (status " + status.wireValue() + ")"));
            case CANCELED ->
                findings.add(
                        new Finding(canceledResult, run + " was canceled (by a user or by an infrastructure failure)"));
            case ERROR ->
                findings.add(new Finding(runErrorResult, run + " ended in error without results (status error)"));
            case INCOMPLETE -> findings.add(new Finding(runErrorResult, run + " is incomplete (status incomplete)"));
            case PASS, FAIL -> {
                // judged on the counts
            }
        }
    }

    private void missingOutputFinding(RunSummary summary, List<Finding> findings) {
        Integer missing = summary.missingOutputCount();
        if (missing != null && missing > missingOutputThreshold) {
            String threshold = missingOutputThreshold == 0 ? "" : " (threshold " + missingOutputThreshold + ")";
            findings.add(
                    new Finding(missingOutputResult, Wording.samples(missing) + " produced no output" + threshold));
        } else if (missing != null && missing > 0) {
            findings.add(
                    new Finding(BuildResult.SUCCESS, tolerated(missing, " without output", missingOutputThreshold)));
        }
    }

    /**
     * A condition within its threshold: listed, so that a SUCCESS of a run with failures says what it let
     * through rather than "no problems found".
     */
    private static String tolerated(int count, String what, int threshold) {
        return Wording.samples(count) + what + ", within the threshold of " + threshold;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerdictPolicy that
                && failThreshold == that.failThreshold
                && failResult == that.failResult
                && missingOutputThreshold == that.missingOutputThreshold
                && missingOutputResult == that.missingOutputResult
                && unreportedMissingOutputResult == that.unreportedMissingOutputResult
                && unfinishedResult == that.unfinishedResult
                && canceledResult == that.canceledResult
                && runErrorResult == that.runErrorResult
                && inconsistentCountsResult == that.inconsistentCountsResult
                && verdictOn == that.verdictOn
                && changedFailureResult == that.changedFailureResult;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                failThreshold,
                failResult,
                missingOutputThreshold,
                missingOutputResult,
                unreportedMissingOutputResult,
                unfinishedResult,
                canceledResult,
                runErrorResult,
                inconsistentCountsResult,
                verdictOn,
                changedFailureResult);
    }

    @Override
    public String toString() {
        return "VerdictPolicy[failThreshold=" + failThreshold + ", failResult=" + failResult
                + ", missingOutputThreshold=" + missingOutputThreshold + ", missingOutputResult=" + missingOutputResult
                + ", unreportedMissingOutputResult=" + unreportedMissingOutputResult
                + ", unfinishedResult=" + unfinishedResult + ", canceledResult=" + canceledResult
                + ", runErrorResult=" + runErrorResult + ", inconsistentCountsResult=" + inconsistentCountsResult
                + ", verdictOn=" + verdictOn + ", changedFailureResult=" + changedFailureResult + "]";
    }

    /** Builds a {@link VerdictPolicy}; starts from the defaults. */
    public static final class Builder {
        private int failThreshold = 0;
        private BuildResult failResult = BuildResult.UNSTABLE;
        private int missingOutputThreshold = 0;
        private BuildResult missingOutputResult = BuildResult.FAILURE;
        private BuildResult unreportedMissingOutputResult = BuildResult.UNSTABLE;
        private BuildResult unfinishedResult = BuildResult.NOT_BUILT;
        private BuildResult canceledResult = BuildResult.FAILURE;
        private BuildResult runErrorResult = BuildResult.FAILURE;
        private BuildResult inconsistentCountsResult = BuildResult.UNSTABLE;
        private VerdictBasis verdictOn = VerdictBasis.ABSOLUTE;
        private BuildResult changedFailureResult = BuildResult.UNSTABLE;

        private Builder() {}

        /** Judge the run alone (default) or what it changed against the first available reference. */
        public Builder verdictOn(VerdictBasis basis) {
            this.verdictOn = Objects.requireNonNull(basis, "verdictOn");
            return this;
        }

        /** With {@link VerdictBasis#CHANGES}: the result for samples failing differently from the reference. */
        public Builder changedFailureResult(BuildResult result) {
            this.changedFailureResult = Objects.requireNonNull(result, "changedFailureResult");
            return this;
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

        /** The result when the server did not report {@code missing_output_count}; SUCCESS keeps only the note. */
        public Builder unreportedMissingOutputResult(BuildResult result) {
            this.unreportedMissingOutputResult = Objects.requireNonNull(result, "unreportedMissingOutputResult");
            return this;
        }

        /** The result for a run still queued or running; anything but SUCCESS. */
        public Builder unfinishedResult(BuildResult result) {
            this.unfinishedResult =
                    requireNotSuccess("unfinishedResult", result, "a run that has not finished has not passed");
            return this;
        }

        /** The result for a canceled run; anything but SUCCESS. */
        public Builder canceledResult(BuildResult result) {
            this.canceledResult = requireNotSuccess("canceledResult", result, "a canceled run has not passed");
            return this;
        }

        /** The result for a run with status error or incomplete; anything but SUCCESS. */
        public Builder runErrorResult(BuildResult result) {
            this.runErrorResult =
                    requireNotSuccess("runErrorResult", result, "a run that ended in error has not passed");
            return this;
        }

        /** The result for contradictory counts; anything but SUCCESS. */
        public Builder inconsistentCountsResult(BuildResult result) {
            this.inconsistentCountsResult = requireNotSuccess(
                    "inconsistentCountsResult", result, "contradictory counts cannot be trusted to show a pass");
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

        private static BuildResult requireNotSuccess(String name, BuildResult result, String why) {
            Objects.requireNonNull(result, name);
            if (result == BuildResult.SUCCESS) {
                throw new IllegalArgumentException(name + " cannot be SUCCESS: " + why);
            }
            return result;
        }
    }
}
