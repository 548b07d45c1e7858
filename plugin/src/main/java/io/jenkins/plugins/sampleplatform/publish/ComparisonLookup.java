package io.jenkins.plugins.sampleplatform.publish;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.ReferenceResolver;
import io.jenkins.plugins.sampleplatform.compare.RunComparer;
import io.jenkins.plugins.sampleplatform.compare.RunStateSource;
import io.jenkins.plugins.sampleplatform.db.DatabaseComparisonSource;
import io.jenkins.plugins.sampleplatform.db.DatabaseSummarySource;
import io.jenkins.plugins.sampleplatform.defer.Deferred;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import io.jenkins.plugins.sampleplatform.summary.SummarySource;
import java.util.List;

/**
 * The run compared with the references the build asked for ({@code compareWith}), from the same source as its
 * summary: API mode through the same client (token, gate, retries), with the first lines of the platform's
 * diffs unless {@code diffExcerpts} is off; DB mode through the same database settings. {@code previousBuild}
 * is answered here ({@link PreviousBuildReferences}); everything else is core's {@link RunComparer}.
 */
final class ComparisonLookup {

    private static final String DB_DIFF_NOTE = "DB mode: the diffs are on the platform.";

    private ComparisonLookup() {}

    /** What came of it: the report, or why there is none although references were asked for. */
    record Outcome(
            @CheckForNull ComparisonReport report,
            @CheckForNull String failure) {}

    /**
     * @return an empty outcome when no reference was asked for
     * @throws AbortException when a reference is not understood (a configuration error, said in one line)
     * @throws Deferred       from a non-blocking client: nothing is kept yet, compare again (same call) later
     */
    static Outcome compare(Run<?, ?> build, SummaryOptions options, SummarySource source, int runId)
            throws AbortException, InterruptedException, Deferred {
        List<Reference> references;
        try {
            references = options.references();
        } catch (IllegalArgumentException e) {
            throw new AbortException("[Sample Platform] " + e.getMessage());
        }
        if (references.isEmpty()) {
            return new Outcome(null, null);
        }
        try {
            if (source instanceof SamplePlatformClient client) {
                RunStateSource states = client.states(true);
                ReferenceResolver resolver = new PreviousBuildReferences(build, client.references());
                ComparisonReport report = new RunComparer(states, resolver).compare(runId, references);
                if (options.diffExcerpts) {
                    report = client.diffExcerpts().addTo(report);
                }
                return new Outcome(report, null);
            }
            if (!(source instanceof DatabaseSummarySource summaries)) {
                throw new IllegalStateException("no comparison from " + source.describe());
            }
            // The summary's own database settings: its credentials are not looked up a second time.
            DatabaseComparisonSource database = summaries.comparisons();
            ComparisonReport report =
                    new RunComparer(database, new PreviousBuildReferences(build, database)).compare(runId, references);
            return new Outcome(report.withExcerpts(List.of(), DB_DIFF_NOTE), null);
        } catch (Deferred deferral) {
            throw deferral; // not a failure: the rate limit's wait, taken on the timer
        } catch (SummaryException e) {
            return new Outcome(null, e.getMessage());
        }
    }
}
