package io.jenkins.plugins.sampleplatform;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.db.DatabaseRunLookup;
import io.jenkins.plugins.sampleplatform.runs.RunLookup;
import io.jenkins.plugins.sampleplatform.runs.RunTrigger;
import io.jenkins.plugins.sampleplatform.summary.SummarySource;

/**
 * Builds the core {@link RunLookup} (find, poll) and {@link RunTrigger} (start, cancel) a build asked for, with
 * the same source, URL and credentials as its summary: the API's run endpoints, or DB mode's tables.
 */
final class RunSources {

    private RunSources() {}

    static RunLookup lookup(
            Run<?, ?> run, TaskListener listener, SummaryOptions options, SamplePlatformConfiguration config)
            throws AbortException {
        SummarySource source = SummarySources.forRun(run, listener, options, config);
        if (source instanceof SamplePlatformClient client) {
            return client.runs();
        }
        return new DatabaseRunLookup(SummarySources.databaseSettings(run, config));
    }

    /** @throws AbortException in DB mode: runs are started through the API only */
    static RunTrigger trigger(
            Run<?, ?> run, TaskListener listener, SummaryOptions options, SamplePlatformConfiguration config)
            throws AbortException {
        SummaryOptions.Source source;
        try {
            source = SummaryOptions.Source.parse(options.source);
            if (source == null) {
                source = SummaryOptions.Source.parse(config.getDefaultSource());
            }
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        // Said before anything else: DB mode's own settings (JDBC URL, credentials) are beside the point here.
        if (source == SummaryOptions.Source.DATABASE) {
            throw new AbortException(Messages.Runs_TriggerNeedsApi());
        }
        if (SummarySources.forRun(run, listener, options, config) instanceof SamplePlatformClient client) {
            return client.runs();
        }
        throw new AbortException(Messages.Runs_TriggerNeedsApi());
    }
}
