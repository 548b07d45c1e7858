package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.RunComparer;
import io.jenkins.plugins.sampleplatform.db.DatabaseComparisonSource;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.util.List;

/** The comparison that goes with the summary source: the same database, or the same API client. */
final class ComparisonSources {

    private ComparisonSources() {}

    /** Compares a run with its references; the comparison of one opened source. */
    interface Comparer {
        ComparisonReport compare(int runId, List<Reference> references) throws SummaryException, InterruptedException;
    }

    /**
     * A comparer over the opened source: API mode reads output hashes (a token without {@code results:read}
     * gets "fails in both" instead of identical/different) and, unless {@code diffExcerpts} is off, the first
     * lines of the platform's diffs of the first broken or changed outputs.
     */
    static Comparer open(Sources.Opened opened, boolean diffExcerpts) {
        if (opened.summaries() instanceof SamplePlatformClient client) {
            RunComparer comparer = new RunComparer(client.states(true), client.references());
            return (runId, references) -> {
                ComparisonReport report = comparer.compare(runId, references);
                return diffExcerpts ? client.diffExcerpts().addTo(report) : report;
            };
        }
        DatabaseComparisonSource source = new DatabaseComparisonSource(opened.database());
        return new RunComparer(source, source)::compare;
    }
}
