package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.FailureSource;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.net.URI;

/**
 * Looks up the failing samples to show beside a summary, the same way for the command line and the plugin:
 * nothing is asked for when the summary counts no failed and no missing-output sample (a clean run costs no
 * request), and a list that cannot be had becomes a report saying why; it never changes the verdict.
 */
public final class FailureReports {

    private FailureReports() {}

    /**
     * The failures of {@code summary}'s run.
     *
     * @param source      where to list them
     * @param summary     the run's summary, which says whether there is anything to list
     * @param limit       the most entries to list, at least 0
     * @param site        the platform's web site for links, or {@code null}
     * @return the report; {@link FailureList#NONE} when the summary counts no failing sample
     * @throws InterruptedException when the calling thread is interrupted (an aborted build, Ctrl-C)
     */
    public static FailureReport lookUp(FailureSource source, RunSummary summary, int limit, URI site)
            throws InterruptedException {
        int missing = summary.missingOutputCount() == null ? 0 : summary.missingOutputCount();
        if (summary.failCount() == 0 && missing == 0) {
            return FailureReport.listed(FailureList.NONE, site);
        }
        try {
            return FailureReport.listed(source.failures(summary.runId(), limit), site);
        } catch (SummaryException e) {
            return FailureReport.unavailable(e.getMessage(), site);
        }
    }
}
