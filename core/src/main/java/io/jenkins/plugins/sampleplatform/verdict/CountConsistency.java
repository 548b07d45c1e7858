package io.jenkins.plugins.sampleplatform.verdict;

import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds counts in a summary that contradict each other or the run's status.
 *
 * <p>On the platform every sample with a result is exactly one of passed, failed or missing output, and
 * {@code skipped_count = max(0, total_samples - results)}; so the four counts add up to
 * {@code total_samples}, or to more only when the run has results for samples outside its selection
 * and none skipped. {@code pass} means every result passed; {@code fail} means at least one did not.
 * Only checks whose inputs were all reported are made: an unreported count never makes a contradiction.
 */
final class CountConsistency {

    private CountConsistency() {}

    /** One line per contradiction found, empty when the counts agree. */
    static List<String> contradictions(RunSummary s) {
        List<String> found = new ArrayList<>();
        sumAgainstTotal(s, found);
        statusAgainstCounts(s, found);
        return found;
    }

    private static void sumAgainstTotal(RunSummary s, List<String> found) {
        long sum = (long) s.passCount() + s.failCount();
        StringBuilder terms = new StringBuilder("passed + failed");
        if (s.missingOutputCount() != null) {
            sum += s.missingOutputCount();
            terms.append(" + no output");
        }
        if (s.skippedCount() != null) {
            sum += s.skippedCount();
            terms.append(" + skipped");
        }
        boolean allReported = s.missingOutputCount() != null && s.skippedCount() != null;
        if (sum > s.totalSamples()) {
            found.add("counts do not add up: " + terms + " = " + sum + ", more than the "
                    + Wording.samples(s.totalSamples()) + " in the run");
        } else if (allReported && sum < s.totalSamples()) {
            found.add("counts do not add up: " + terms + " = " + sum + ", fewer than the "
                    + Wording.samples(s.totalSamples()) + " in the run");
        }
    }

    private static void statusAgainstCounts(RunSummary s, List<String> found) {
        int missing = s.missingOutputCount() == null ? 0 : s.missingOutputCount();
        if (s.status() == RunStatus.PASS && (s.failCount() > 0 || missing > 0)) {
            List<String> bad = new ArrayList<>();
            if (s.failCount() > 0) {
                bad.add(Wording.samples(s.failCount()) + " failed");
            }
            if (missing > 0) {
                bad.add(Wording.samples(missing) + " produced no output");
            }
            found.add("status is pass, but " + String.join(" and ", bad));
        } else if (s.status() == RunStatus.FAIL
                && s.failCount() == 0
                && s.missingOutputCount() != null
                && missing == 0) {
            found.add("status is fail, but no sample failed or lacked output");
        }
    }
}
