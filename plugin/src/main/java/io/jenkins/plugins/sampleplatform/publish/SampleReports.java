package io.jenkins.plugins.sampleplatform.publish;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.config.SamplePlatformConfiguration;
import io.jenkins.plugins.sampleplatform.render.FailureReport;
import io.jenkins.plugins.sampleplatform.render.JUnitXml;
import io.jenkins.plugins.sampleplatform.render.MarkdownFailures;
import io.jenkins.plugins.sampleplatform.render.MarkdownSummary;
import io.jenkins.plugins.sampleplatform.render.PlatformLinks;
import io.jenkins.plugins.sampleplatform.render.SummaryReport;
import io.jenkins.plugins.sampleplatform.results.RunResults;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import io.jenkins.plugins.sampleplatform.summary.SummarySource;
import io.jenkins.plugins.sampleplatform.wait.PlatformCalls;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import jenkins.model.Jenkins;

/**
 * The samples where CI users already look (issue 19): {@code testReport} adds every sample to the build's test
 * report, {@code publishChecks} publishes the verdict as a check. Both are optional integrations ({@link
 * TestReportSink}, {@link ChecksSink}); without their plugin one line says so. Neither changes the build result,
 * and nothing here is fatal: a listing that cannot be had is said in the log. The listing blocks the calling
 * thread (a blocking source, as the freestyle action's), also for the steps' non-blocking calls.
 */
public final class SampleReports {

    private static final String PREFIX = "[Sample Platform] ";
    /** Failing samples that become annotations of the check. */
    static final int ANNOTATIONS = 50;

    private SampleReports() {}

    /** The check's name: {@code Sample Platform (<platform>)}. */
    public static String checkName(@CheckForNull String platform) {
        return "Sample Platform (" + (platform == null || platform.isBlank() ? "unknown" : platform) + ")";
    }

    /**
     * After a summary was published: the test report and the check, as the options ask; {@code note} puts what the
     * change did against the first reference run first in each failing sample's message.
     */
    static void publish(
            Run<?, ?> run,
            TaskListener listener,
            SummaryOptions options,
            SummaryReport report,
            @CheckForNull FailureReport failures,
            @CheckForNull URI site,
            JUnitXml.SampleNote note)
            throws IOException, InterruptedException {
        if (!options.testReport && !options.publishChecks) {
            return;
        }
        RunSummary summary = report.summary();
        String platform = platform(run, listener, options, summary.runId());
        if (options.testReport) {
            addTestReport(run, listener, options, summary, platform, site, note);
        }
        if (options.publishChecks) {
            String markdown =
                    MarkdownSummary.render(report) + MarkdownFailures.render(failures, summary.runId(), ANNOTATIONS);
            publishCheck(
                    run,
                    listener,
                    new ChecksSink.Check(
                            checkName(platform),
                            report.verdict().result(),
                            unstableIsFailure(options),
                            "Run " + summary.runId() + ": " + report.verdict().result(),
                            markdown,
                            failures,
                            summary.runId(),
                            buildUrl(run)));
        }
    }

    /** While a waited run is queued or running: the check in progress (once; updated when the run is judged). */
    public static void inProgress(
            Run<?, ?> run, TaskListener listener, SummaryOptions options, int runId, @CheckForNull String platform)
            throws IOException, InterruptedException {
        if (!options.publishChecks) {
            return;
        }
        String known = platform != null ? platform : platform(run, listener, options, runId);
        publishCheck(
                run,
                listener,
                new ChecksSink.Check(
                        checkName(known),
                        null,
                        unstableIsFailure(options),
                        "Waiting for run " + runId,
                        "Run " + runId + " is queued or running on the Sample Platform.",
                        null,
                        runId,
                        buildUrl(run)));
    }

    private static void addTestReport(
            Run<?, ?> run,
            TaskListener listener,
            SummaryOptions options,
            RunSummary summary,
            @CheckForNull String platform,
            @CheckForNull URI site,
            JUnitXml.SampleNote note)
            throws IOException, InterruptedException {
        TestReportSink sink = TestReportSink.find();
        if (sink == null) {
            listener.getLogger().println(PREFIX + Messages.Reports_NoJUnit());
            return;
        }
        boolean withNotRun = summary.skippedCount() == null || summary.skippedCount() > 0;
        RunResults results;
        try {
            // A blocking source, as the freestyle action's: the listing is ceil(n/100) requests, each through the
            // token's gate; a deferring one would drop the report on its first wait (see notes: left to do).
            SummarySource source = SummarySources.forRun(run, listener, options, SamplePlatformConfiguration.get());
            results = source.results().results(summary.runId(), withNotRun);
        } catch (SummaryException e) {
            listener.getLogger().println(PREFIX + Messages.Reports_NoListing(summary.runId(), e.getMessage()));
            return;
        }
        listener.getLogger()
                .println(PREFIX
                        + Messages.Reports_Listed(
                                results.samples().size(),
                                summary.runId(),
                                results.cost().describe()));
        String xml = JUnitXml.render(results, new JUnitXml.Options(platform, new PlatformLinks(site), note));
        listener.getLogger().println(PREFIX + sink.add(run, xml, listener));
    }

    private static void publishCheck(Run<?, ?> run, TaskListener listener, ChecksSink.Check check) {
        ChecksSink sink = ChecksSink.find();
        if (sink == null) {
            listener.getLogger().println(PREFIX + Messages.Reports_NoChecks());
            return;
        }
        listener.getLogger().println(PREFIX + sink.publish(run, check, listener));
    }

    /** The run's platform from the run endpoint or table (one request or statement); {@code null} when unknown. */
    private static @CheckForNull String platform(
            Run<?, ?> run, TaskListener listener, SummaryOptions options, int runId) throws InterruptedException {
        try {
            return PlatformCalls.of(run, listener, options, SamplePlatformConfiguration.get())
                    .runs(null) // blocking: one request or statement
                    .run(runId)
                    .platform();
        } catch (SummaryException | AbortException e) {
            return null;
        }
    }

    private static boolean unstableIsFailure(SummaryOptions options) throws AbortException {
        String value = options.checksUnstableConclusion;
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "NEUTRAL" -> false;
            case "FAILURE" -> true;
            default -> throw new AbortException(PREFIX + Messages.Reports_BadConclusion(value));
        };
    }

    private static @CheckForNull String buildUrl(Run<?, ?> run) {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        String root = jenkins == null ? null : jenkins.getRootUrl();
        return root == null ? null : root + run.getUrl();
    }
}
