package io.jenkins.plugins.sampleplatform.wait;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.config.SamplePlatformConfiguration;
import io.jenkins.plugins.sampleplatform.db.DatabaseRunLookup;
import io.jenkins.plugins.sampleplatform.publish.SummaryOptions;
import io.jenkins.plugins.sampleplatform.publish.SummarySources;
import io.jenkins.plugins.sampleplatform.runs.RunLookup;
import io.jenkins.plugins.sampleplatform.runs.RunTrigger;

/**
 * Builds the core {@link RunLookup} (find, poll) and {@link RunTrigger} (start, cancel) a build asked for, with
 * the same source, URL and credentials as its summary: the API's run endpoints, or DB mode's tables.
 */
public final class RunSources {

    private RunSources() {}

    public static RunLookup lookup(
            Run<?, ?> run, TaskListener listener, SummaryOptions options, SamplePlatformConfiguration config)
            throws AbortException {
        if (SummarySources.source(options, config) == SummaryOptions.Source.DATABASE) {
            return new DatabaseRunLookup(SummarySources.databaseSettings(run, config));
        }
        return SummarySources.api(run, listener, options, config).runs();
    }

    /** @throws AbortException in DB mode: runs are started through the API only */
    static RunTrigger trigger(
            Run<?, ?> run, TaskListener listener, SummaryOptions options, SamplePlatformConfiguration config)
            throws AbortException {
        // Said before anything else: DB mode's own settings (JDBC URL, credentials) are beside the point here.
        if (SummarySources.source(options, config) == SummaryOptions.Source.DATABASE) {
            throw new AbortException(Messages.Runs_TriggerNeedsApi());
        }
        return SummarySources.api(run, listener, options, config).runs();
    }
}
