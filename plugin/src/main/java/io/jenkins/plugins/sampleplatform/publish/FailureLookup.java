package io.jenkins.plugins.sampleplatform.publish;

import edu.umd.cs.findbugs.annotations.CheckForNull;
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

    /** The failures to show, or {@code null} when the options leave them out. */
    static @CheckForNull FailureReport lookUp(
            SummaryOptions options, SummarySource source, RunSummary summary, @CheckForNull URI site)
            throws InterruptedException {
        if (!options.failures) {
            return null;
        }
        return FailureReports.lookUp(source.failures(), summary, FailureFields.PIPELINE_LIMIT, site);
    }
}
