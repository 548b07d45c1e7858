package io.jenkins.plugins.sampleplatform.verdict;

import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The verdict on change ({@link VerdictBasis#CHANGES}), against the first available reference:
 * <ul>
 *   <li>samples broken here that lack output (missing output, or never ran) beyond
 *       {@link VerdictPolicy#missingOutputThreshold()} give {@link VerdictPolicy#missingOutputResult()};</li>
 *   <li>the other samples broken here beyond {@link VerdictPolicy#failThreshold()} give
 *       {@link VerdictPolicy#failResult()};</li>
 *   <li>samples failing differently beyond {@link VerdictPolicy#failThreshold()} give
 *       {@link VerdictPolicy#changedFailureResult()};</li>
 *   <li>samples failing in both where the output hashes could not be read are listed (SUCCESS): whether their
 *       output changed was not checked.</li>
 * </ul>
 * Changes within their threshold are listed (SUCCESS). Identical failures and fixes never worsen the result.
 */
final class ChangeFindings {

    private ChangeFindings() {}

    static void add(VerdictPolicy policy, Comparison reference, List<Finding> findings) {
        String against = against(reference);
        List<TestState> broken = reference.tests(TestVerdict.BROKEN_HERE);
        long brokenMissing =
                broken.stream().filter(t -> t.status().lacksOutput()).count();
        long brokenFailed = broken.size() - brokenMissing;
        if (brokenMissing > policy.missingOutputThreshold()) {
            findings.add(new Finding(
                    policy.missingOutputResult(),
                    Wording.samples(brokenMissing) + " broken here produced no output, " + against
                            + threshold(policy.missingOutputThreshold())));
        } else if (brokenMissing > 0) {
            findings.add(tolerated(
                    Wording.samples(brokenMissing) + " broken here produced no output, " + against,
                    policy.missingOutputThreshold()));
        }
        if (brokenFailed > policy.failThreshold()) {
            findings.add(new Finding(
                    policy.failResult(),
                    Wording.samples(brokenFailed) + " broken here, " + against + threshold(policy.failThreshold())));
        } else if (brokenFailed > 0) {
            findings.add(tolerated(Wording.samples(brokenFailed) + " broken here, " + against, policy.failThreshold()));
        }
        int changed = reference.count(TestVerdict.FAILING_DIFFERENTLY);
        if (changed > policy.failThreshold()) {
            findings.add(new Finding(
                    policy.changedFailureResult(),
                    Wording.samples(changed) + " failing differently, " + against + threshold(policy.failThreshold())));
        } else if (changed > 0) {
            findings.add(
                    tolerated(Wording.samples(changed) + " failing differently, " + against, policy.failThreshold()));
        }
        int unknown = reference.count(TestVerdict.FAILING_IN_BOTH);
        if (unknown > 0) {
            findings.add(new Finding(
                    BuildResult.SUCCESS,
                    Wording.samples(unknown) + " " + TestVerdict.FAILING_IN_BOTH.label() + ", " + against
                            + ": whether their output changed was not checked"));
        }
    }

    /** The reason line of a verdict on change that found no reference run. */
    static String noReference(ComparisonReport report) {
        if (report.comparisons().isEmpty()) {
            return "verdict on changes: no reference was given, so every failure was judged";
        }
        String tried =
                report.comparisons().stream().map(c -> c.reference().text()).collect(Collectors.joining(", "));
        return "verdict on changes: no reference run found (" + tried + "), so every failure was judged";
    }

    private static String against(Comparison reference) {
        return "compared with " + reference.reference().label() + " (run "
                + reference.run().runId() + ")";
    }

    /**
     * A change within its threshold: listed, so that a SUCCESS of a run that changed something says what it let
     * through rather than "no problems found" (as {@link VerdictPolicy#evaluate} does for the absolute counts).
     */
    private static Finding tolerated(String what, int threshold) {
        return new Finding(BuildResult.SUCCESS, what + ", within the threshold of " + threshold);
    }

    private static String threshold(int threshold) {
        return threshold == 0 ? "" : " (threshold " + threshold + ")";
    }
}
