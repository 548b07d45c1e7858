package io.jenkins.plugins.sampleplatform.publish;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.sampleplatform.defer.Deferred;
import io.jenkins.plugins.sampleplatform.failures.FailureSource;
import io.jenkins.plugins.sampleplatform.render.FailureFields;
import io.jenkins.plugins.sampleplatform.render.FailureReport;
import io.jenkins.plugins.sampleplatform.render.FailureReports;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.summary.SummarySource;
import java.net.URI;

/**
 * The failing samples a build shows beside its summary, from the same source as the summary: at most
 * {@value FailureFields#PIPELINE_LIMIT} (2 API requests), and only when the summary counts failed or
 * missing-output samples and the step's {@code failures} option is on. The lookup itself is core's
 * {@link FailureReports}.
 */
final class FailureLookup {

    private FailureLookup() {}

    /**
     * The failures to show, or {@code null} when the options leave them out.
     *
     * @throws Deferred when a non-blocking source deferred the listing: look up again (same call) later, rather
     *     than show "unavailable" for a list that only has to wait for the rate limit's window
     */
    static @CheckForNull FailureReport lookUp(
            SummaryOptions options, SummarySource source, RunSummary summary, @CheckForNull URI site)
            throws InterruptedException, Deferred {
        if (!options.failures) {
            return null;
        }
        FailureSource listings = source.failures();
        Deferred[] deferred = new Deferred[1];
        FailureSource watched = (runId, limit) -> {
            try {
                return listings.failures(runId, limit);
            } catch (Deferred deferral) {
                deferred[0] = deferral;
                throw deferral;
            }
        };
        FailureReport report = FailureReports.lookUp(watched, summary, FailureFields.PIPELINE_LIMIT, site);
        if (deferred[0] != null) {
            throw deferred[0];
        }
        return report;
    }
}
