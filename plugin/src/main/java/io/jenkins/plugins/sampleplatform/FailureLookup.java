package io.jenkins.plugins.sampleplatform;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.db.DatabaseSummarySource;
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
 * {@link FailureReports}; this class only picks the source.
 */
final class FailureLookup {

    /** What a source that cannot list failures says (every source of this project can). */
    static final String NO_FAILURE_SOURCE = "this source cannot list the failing samples";

    private FailureLookup() {}

    /** The failures to show, or {@code null} when the options leave them out. */
    static @CheckForNull FailureReport lookUp(
            SummaryOptions options, SummarySource source, RunSummary summary, @CheckForNull URI site)
            throws InterruptedException {
        if (!options.failures) {
            return null;
        }
        return FailureReports.lookUp(
                failureSource(source), summary, FailureFields.PIPELINE_LIMIT, site, NO_FAILURE_SOURCE);
    }

    private static @CheckForNull FailureSource failureSource(SummarySource source) {
        if (source instanceof SamplePlatformClient client) {
            return client.failures();
        }
        if (source instanceof DatabaseSummarySource database) {
            return database.failures();
        }
        return source instanceof FailureSource failures ? failures : null;
    }
}
