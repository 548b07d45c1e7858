package io.jenkins.plugins.sampleplatform.publish;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.actions.StoredComparison;
import io.jenkins.plugins.sampleplatform.actions.SummaryAction;
import io.jenkins.plugins.sampleplatform.actions.SummaryHistory;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.config.SamplePlatformConfiguration;
import io.jenkins.plugins.sampleplatform.defer.Deferred;
import io.jenkins.plugins.sampleplatform.render.ComparisonNotes;
import io.jenkins.plugins.sampleplatform.render.ComparisonView;
import io.jenkins.plugins.sampleplatform.render.ConsoleComparisons;
import io.jenkins.plugins.sampleplatform.render.ConsoleFailures;
import io.jenkins.plugins.sampleplatform.render.ConsoleSummary;
import io.jenkins.plugins.sampleplatform.render.FailureReport;
import io.jenkins.plugins.sampleplatform.render.PlatformLinks;
import io.jenkins.plugins.sampleplatform.render.SummaryReport;
import io.jenkins.plugins.sampleplatform.summary.InvalidRunIdException;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import io.jenkins.plugins.sampleplatform.summary.SummarySource;
import io.jenkins.plugins.sampleplatform.verdict.Verdict;
import io.jenkins.plugins.sampleplatform.verdict.VerdictPolicy;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Pipeline step and the freestyle action both do: fetch the summary, judge it, print it,
 * attach it to the build and set the build result. Every failure to get a summary ends as an
 * {@link AbortException} (the build fails with one clear line, no stack trace).
 */
public final class SummaryPublisher {

    private static final String PREFIX = "[Sample Platform] ";

    private SummaryPublisher() {}

    /**
     * Publishes the summary of the run that {@code options.runId} names (already expanded).
     *
     * @return the report that was attached
     */
    public static SummaryReport publish(Run<?, ?> run, TaskListener listener, SummaryOptions options)
            throws IOException, InterruptedException {
        return publishWithFailures(run, listener, options).report();
    }

    /**
     * As {@link #publish}, and also lists the run's failing samples (unless {@code options.failures} is off)
     * in the log, on the panel and in what it returns. A list that cannot be had is said, never fatal. Blocking:
     * the freestyle action's, on the build's own thread.
     */
    public static PublishedSummary publishWithFailures(Run<?, ?> run, TaskListener listener, SummaryOptions options)
            throws IOException, InterruptedException {
        SamplePlatformConfiguration config = SamplePlatformConfiguration.get();
        int runId = parseRunId(options.runId);
        policy(options);
        SummarySource source = SummarySources.forRun(run, listener, options, config);
        try {
            RunSummary summary = fetch(listener, source, runId);
            return publish(run, listener, options, summary, source);
        } catch (Deferred deferral) {
            // A blocking source waits instead of deferring; this is a bug, said as one line all the same.
            throw new AbortException(PREFIX + deferral.describe());
        }
    }

    /**
     * The verdict policy of the options, checked before anything is fetched.
     *
     * @throws AbortException naming the option that is not valid
     */
    public static VerdictPolicy policy(SummaryOptions options) throws AbortException {
        try {
            return options.policy();
        } catch (IllegalArgumentException e) {
            throw new AbortException(PREFIX + e.getMessage());
        }
    }

    /**
     * Fetches the summary of {@code runId}.
     *
     * @throws Deferred       from a non-blocking source: nothing was had yet, fetch again (same call) later
     * @throws AbortException when there is no summary to be had, with the reason and what to do
     */
    public static RunSummary fetch(TaskListener listener, SummarySource source, int runId)
            throws AbortException, Deferred, InterruptedException {
        listener.getLogger().println(PREFIX + Messages.Publisher_Fetching(runId, source.describe()));
        try {
            return source.fetch(runId);
        } catch (Deferred deferral) {
            throw deferral;
        } catch (SummaryException e) {
            throw new AbortException(
                    PREFIX + Messages.Publisher_NoSummary(runId, e.getMessage()) + JenkinsAdvice.forFailure(e));
        }
    }

    /**
     * Judges a fetched summary, lists its failing samples from {@code failuresFrom} (unless the options leave them
     * out), prints both, keeps them with the build and sets the build result.
     *
     * @throws Deferred from a non-blocking source while listing the failures: publish again (same call) later;
     *     nothing was printed or kept yet
     */
    public static PublishedSummary publish(
            Run<?, ?> run,
            TaskListener listener,
            SummaryOptions options,
            RunSummary summary,
            SummarySource failuresFrom)
            throws IOException, InterruptedException, Deferred {
        SamplePlatformConfiguration config = SamplePlatformConfiguration.get();
        int runId = summary.runId();
        ComparisonLookup.Outcome compared = ComparisonLookup.compare(run, options, failuresFrom, runId);
        Verdict verdict = policy(options).evaluate(summary, compared.report());
        if (compared.failure() != null) {
            String references = String.join(", ", options.compareWith);
            listener.getLogger()
                    .println(PREFIX + Messages.Publisher_NoComparison(runId, references, compared.failure()));
            List<String> reasons = new ArrayList<>(verdict.reasons());
            reasons.add(Messages.Publisher_NoComparisonVerdict(references));
            verdict = new Verdict(verdict.result(), reasons);
        }
        SummaryReport report = new SummaryReport(summary, verdict, runPage(options, config, runId));
        URI site = site(options, config);
        FailureReport failures = FailureLookup.lookUp(options, failuresFrom, summary, site);
        listener.getLogger().print(ConsoleSummary.render(report));
        listener.getLogger().println(ConsoleFailures.render(failures, runId, ConsoleFailures.LOG_DEFAULT));
        ComparisonView view =
                compared.report() == null ? null : new ComparisonView(compared.report(), new PlatformLinks(site));
        if (view != null) {
            listener.getLogger().print(ConsoleComparisons.render(view));
        }
        StoredComparison comparison = StoredComparison.of(options.compareWith, compared.report(), site);
        if (SummaryAction.attach(run, report, failures, comparison)) {
            SummaryHistory.record(run, report, comparison);
        } else {
            listener.getLogger().println(PREFIX + Messages.Publisher_NotKept(runId, SummaryAction.MAX_PER_BUILD));
        }
        SampleReports.publish(run, listener, options, report, failures, site, ComparisonNotes.of(compared.report()));

        if (options.propagate) {
            Result result = ResultMapping.toJenkins(verdict.result());
            if (result.isWorseThan(Result.SUCCESS)) {
                listener.getLogger().println(PREFIX + Messages.Publisher_SettingResult(result));
                run.setResult(result);
            }
        }
        return new PublishedSummary(report, failures, view);
    }

    private static int parseRunId(String text) throws AbortException {
        try {
            return RunIds.parse(text);
        } catch (InvalidRunIdException e) {
            throw new AbortException(PREFIX + e.getMessage());
        }
    }

    /** The platform's web site for the failures' links, or none when the configured URL is not usable. */
    private static URI site(SummaryOptions options, SamplePlatformConfiguration config) {
        try {
            return SummarySources.baseUrl(options, config).site();
        } catch (AbortException e) {
            return null;
        }
    }

    /** The run's page on the platform, or none when the configured URL is not usable (DB mode needs none). */
    private static java.net.URI runPage(SummaryOptions options, SamplePlatformConfiguration config, int runId) {
        try {
            BaseUrl baseUrl = SummarySources.baseUrl(options, config);
            return baseUrl.runPage(runId);
        } catch (AbortException e) {
            return null;
        }
    }
}
