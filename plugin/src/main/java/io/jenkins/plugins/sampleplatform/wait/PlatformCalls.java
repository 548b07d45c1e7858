package io.jenkins.plugins.sampleplatform.wait;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.api.CallBudget;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.config.SamplePlatformConfiguration;
import io.jenkins.plugins.sampleplatform.db.DatabaseRunLookup;
import io.jenkins.plugins.sampleplatform.db.DatabaseSettings;
import io.jenkins.plugins.sampleplatform.db.DatabaseSummarySource;
import io.jenkins.plugins.sampleplatform.publish.SummaryOptions;
import io.jenkins.plugins.sampleplatform.publish.SummarySources;
import io.jenkins.plugins.sampleplatform.runs.RunLookup;
import io.jenkins.plugins.sampleplatform.runs.RunTrigger;
import io.jenkins.plugins.sampleplatform.summary.SummarySource;

/**
 * Where a build's calls go: the platform's API (its token read from the build's credentials once) or DB mode's
 * database. A call on the API is made either blocking (the freestyle wait, on the build's own thread) or for one
 * {@link CallBudget}, without blocking: a spent rate-limit window, a 429 or a back-off then ends the call with a
 * {@link io.jenkins.plugins.sampleplatform.defer.Deferred} instead of a sleeping thread, and the same call is made
 * again with the same budget later. The database is always blocking (bounded by the pool it runs on).
 */
public final class PlatformCalls {

    private final @CheckForNull SamplePlatformClient api;
    private final @CheckForNull DatabaseRunLookup databaseRuns;
    private final @CheckForNull SummarySource databaseSummaries;

    private PlatformCalls(
            @CheckForNull SamplePlatformClient api,
            @CheckForNull DatabaseRunLookup databaseRuns,
            @CheckForNull SummarySource databaseSummaries) {
        this.api = api;
        this.databaseRuns = databaseRuns;
        this.databaseSummaries = databaseSummaries;
    }

    /** The source the options name (else the configuration's default). */
    public static PlatformCalls of(
            Run<?, ?> run, TaskListener listener, SummaryOptions options, SamplePlatformConfiguration config)
            throws AbortException {
        if (SummarySources.source(options, config) == SummaryOptions.Source.DATABASE) {
            DatabaseSettings settings = SummarySources.databaseSettings(run, config);
            return new PlatformCalls(null, new DatabaseRunLookup(settings), new DatabaseSummarySource(settings));
        }
        return new PlatformCalls(SummarySources.api(run, listener, options, config), null, null);
    }

    /** @throws AbortException in DB mode: runs are started through the API only */
    static PlatformCalls forTrigger(
            Run<?, ?> run, TaskListener listener, SummaryOptions options, SamplePlatformConfiguration config)
            throws AbortException {
        // Said before anything else: DB mode's own settings (JDBC URL, credentials) are beside the point here.
        if (SummarySources.source(options, config) == SummaryOptions.Source.DATABASE) {
            throw new AbortException(Messages.Runs_TriggerNeedsApi());
        }
        return new PlatformCalls(SummarySources.api(run, listener, options, config), null, null);
    }

    /** A new logical call's budget; {@code null} in DB mode, where nothing is deferred. */
    @CheckForNull
    CallBudget newCall() {
        return api == null ? null : api.newCall();
    }

    /** Finds and polls runs: blocking when {@code call} is {@code null}. */
    public RunLookup runs(@CheckForNull CallBudget call) {
        return api == null ? databaseRuns : client(call).runs();
    }

    RunTrigger trigger(@CheckForNull CallBudget call) throws AbortException {
        if (api == null) {
            throw new AbortException(Messages.Runs_TriggerNeedsApi());
        }
        return client(call).runs();
    }

    /** Summaries and failure lists. */
    SummarySource summaries(@CheckForNull CallBudget call) {
        return api == null ? databaseSummaries : client(call);
    }

    /** The build was aborted: a deferred call will not be made again, so it gives up its place in line. */
    void abandon(@CheckForNull CallBudget call) {
        if (api != null && call != null) {
            api.abandon(call);
        }
    }

    private SamplePlatformClient client(@CheckForNull CallBudget call) {
        return call == null ? api : api.deferring(call);
    }
}
