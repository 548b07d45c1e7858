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
     * in the log, on the panel and in what it returns. A list that cannot be had is said, never fatal.
     */
    public static PublishedSummary publishWithFailures(Run<?, ?> run, TaskListener listener, SummaryOptions options)
            throws IOException, InterruptedException {
        SamplePlatformConfiguration config = SamplePlatformConfiguration.get();
        int runId = parseRunId(options.runId);
        VerdictPolicy policy;
        try {
            policy = options.policy();
        } catch (IllegalArgumentException e) {
            throw new AbortException(PREFIX + e.getMessage());
        }
        SummarySource source = SummarySources.forRun(run, listener, options, config);
        listener.getLogger().println(PREFIX + Messages.Publisher_Fetching(runId, source.describe()));

        RunSummary summary;
        try {
            summary = source.fetch(runId);
        } catch (SummaryException e) {
            throw new AbortException(
                    PREFIX + Messages.Publisher_NoSummary(runId, e.getMessage()) + JenkinsAdvice.forFailure(e));
        }
        ComparisonLookup.Outcome compared = ComparisonLookup.compare(run, options, source, config, runId);
        Verdict verdict = policy.evaluate(summary, compared.report());
        if (compared.failure() != null) {
            String references = String.join(", ", options.compareWith);
            listener.getLogger()
                    .println(PREFIX + Messages.Publisher_NoComparison(runId, references, compared.failure()));
            List<String> reasons = new ArrayList<>(verdict.reasons());
            reasons.add(Messages.Publisher_NoComparisonVerdict(references));
            verdict = new Verdict(verdict.result(), reasons);
        }
        SummaryReport report = new SummaryReport(summary, verdict, runPage(options, config, runId));
        FailureReport failures = FailureLookup.lookUp(options, source, summary, site(options, config));
        listener.getLogger().print(ConsoleSummary.render(report));
        listener.getLogger().println(ConsoleFailures.render(failures, runId, ConsoleFailures.LOG_DEFAULT));
        URI site = site(options, config);
        ComparisonView view = compared.report() == null
                ? null
                : new ComparisonView(compared.report(), site == null ? PlatformLinks.none() : new PlatformLinks(site));
        if (view != null) {
            listener.getLogger().print(ConsoleComparisons.render(view));
        }
        StoredComparison comparison = StoredComparison.of(options.compareWith, compared.report(), site);
        SummaryAction.attach(run, report, failures, comparison);
        SummaryHistory.record(run, report, comparison);

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
