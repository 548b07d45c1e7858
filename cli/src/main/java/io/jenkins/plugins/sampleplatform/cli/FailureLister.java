package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.render.FailureReport;
import io.jenkins.plugins.sampleplatform.render.FailureReports;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.summary.SummarySource;
import java.net.URI;

/**
 * Lists a run's failing samples for {@code summary --failures N}: only when the summary counts failed or
 * missing-output samples (a clean run costs nothing), from the same source as the summary. A list that
 * cannot be had is a report saying why, never a changed verdict or exit code.
 */
final class FailureLister {

    private FailureLister() {}

    /**
     * The failures to show, or {@code null} when {@code limit} is 0 (left out).
     *
     * @param site the platform's web site for links, or {@code null}
     */
    static FailureReport list(SummarySource source, RunSummary summary, int limit, URI site)
            throws InterruptedException {
        if (limit == 0) {
            return null;
        }
        return FailureReports.lookUp(source.failures(), summary, limit, site);
    }
}
