package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.render.FailureReport;
import io.jenkins.plugins.sampleplatform.render.JUnitXml;
import io.jenkins.plugins.sampleplatform.render.SummaryReport;
import io.jenkins.plugins.sampleplatform.runs.PollSchedule;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.runs.RunWaiter;
import io.jenkins.plugins.sampleplatform.runs.TriggerRequest;
import io.jenkins.plugins.sampleplatform.runs.WaitTimedOut;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import io.jenkins.plugins.sampleplatform.verdict.Verdict;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sampleplatform run --commit SHA --platform linux --repository OWNER/NAME [--wait]}: starts a run on the
 * platform ({@code POST /runs}, a token with runs:write), prints its id and link; with {@code --wait} waits and
 * judges it like {@code summary --wait}. API only.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Starts a run on the platform (token with runs:write and runs:read); with --wait, waits and"
                + " judges it.",
        footer = {
            "",
            ExitCodes.TABLE,
            "",
            "Starting a run:",
            "      Without --wait the command exits 0 once the platform accepted the run.",
            "      The request is never repeated blindly: after a lost answer the run is",
            "      looked up by commit first. The token needs runs:write to start the run",
            "      and runs:read to look it up."
        })
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--commit", required = true, paramLabel = "SHA", description = "The commit (40 hex digits).")
    String commit;

    @Option(names = "--platform", required = true, paramLabel = "OS", description = "linux or windows.")
    String platform;

    @Option(
            names = "--repository",
            required = true,
            paramLabel = "OWNER/NAME",
            description = "The repository, e.g. CCExtractor/ccextractor (as the platform spells it).")
    String repository;

    @Option(names = "--branch", paramLabel = "NAME", description = "The branch (default: the platform's, master).")
    String branch;

    @Option(names = "--pull-request", paramLabel = "N", description = "Run for this pull request (a pr run).")
    Integer pullRequest;

    @Option(
            names = "--tests",
            paramLabel = "IDS",
            split = ",",
            description = "Only these regression test ids, comma-separated (default: every active test).")
    List<Integer> tests;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "The platform's API URL. Default:%n${DEFAULT-VALUE}",
            defaultValue = BaseUrl.PUBLIC_INSTANCE)
    String url;

    @Mixin
    ApiOptions api;

    @Mixin
    WaitOptions wait;

    @Mixin
    VerdictOptions verdict;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            converter = FormatConverter.class,
            description = "text, json, html (a fragment), html-page (a whole document), markdown or junit (JUnit XML"
                    + " of every sample, with --wait; default: ${DEFAULT-VALUE}).")
    SummaryCommand.Format format;

    @Mixin
    FailuresOption failures;

    @Mixin
    JUnitOptions junit;

    @Mixin
    VerboseOption verbose;

    /** Only there to refuse DB mode with a clear line instead of "unknown option". */
    @Option(
            names = {"--jdbc", "--demo"},
            hidden = true,
            arity = "0..1",
            fallbackValue = "")
    String databaseMode;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        // Checked before anything is started: a usage error must not leave a run behind.
        int failureLimit = failures.limit(format, spec);
        TriggerRequest request;
        Sources.Opened opened;
        try {
            wait.checkUsage();
            junit.checkUsage();
            if (JUnitReport.wanted(format, junit) && !wait.wait) {
                throw new UsageException(
                        "--format junit and --junit need --wait: a run that was just started has" + " no results yet.");
            }
            if (databaseMode == null) {
                IdleOptions.refuse(spec.commandLine().getParseResult(), wait.wait, false, false);
            }
            if (databaseMode != null) {
                throw new UsageException("sampleplatform run starts runs through the platform's API only; DB mode"
                        + " (--jdbc, --demo) can find and wait for runs (summary --commit --wait) but never starts"
                        + " them.");
            }
            try {
                request = TriggerRequest.of(commit, platform, repository, branch, pullRequest, tests);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            // Starting runs is API only: the database is never written.
            opened = Sources.openAll(new SourceOptions(), url, api, err);
        } catch (UsageException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        BaseUrl baseUrl = BaseUrl.parse(url);
        RunInfo started = null;
        RunResolution.Resolved resolved;
        RunSummary summary;
        RunResolution.Tracker tracker = new RunResolution.Tracker(out, format);
        try {
            started = opened.trigger().trigger(request);
            RunResolution.say(
                    err,
                    "started run " + started.runId() + " (" + started.status().wireValue() + "): "
                            + baseUrl.runPage(started.runId()));
            if (!wait.wait) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("run_id", started.runId());
                fields.put("status", started.status().wireValue());
                fields.put("url", String.valueOf(baseUrl.runPage(started.runId())));
                out.print(
                        format == SummaryCommand.Format.json
                                ? ReportOutput.json(fields)
                                : started.runId() + System.lineSeparator());
                out.flush();
                return ExitCodes.SUCCESS;
            }
            RunWaiter waiter =
                    RunWaiter.forRun(started.runId(), Clock.systemUTC().instant(), wait.timeout, schedule());
            resolved = RunResolution.await(waiter, wait, opened.trigger(), opened, err, tracker);
            summary = opened.summaries().fetch(resolved.runId());
        } catch (WaitTimedOut e) {
            RunResolution.say(err, e.getMessage());
            JsonOutcome.write(out, format, e.runId(), e.lastStatus(), JsonOutcome.TIMEOUT, e.getMessage());
            return ExitCodes.NOT_BUILT;
        } catch (SummaryException e) {
            RunResolution.say(err, e.getMessage() + CliAdvice.forFailure(e));
            if (verbose.on) {
                err.print(CliSecrets.scrubber().stackTrace(e));
                err.flush();
            }
            JsonOutcome.write(
                    out,
                    format,
                    tracker.runId(started == null ? null : started.runId()),
                    tracker.lastStatus() != null ? tracker.lastStatus() : started == null ? null : started.status(),
                    JsonOutcome.ERROR,
                    e.getMessage() + CliAdvice.forFailure(e));
            return ExitCodes.NO_SUMMARY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            RunResolution.say(err, "interrupted");
            return ExitCodes.INTERRUPTED;
        }
        Verdict judged;
        try {
            judged = verdict.policy().evaluate(summary);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SummaryReport report = new SummaryReport(summary, judged, baseUrl.runPage(resolved.runId()));
        FailureReport failureReport;
        try {
            failureReport = FailureLister.list(opened.summaries(), summary, failureLimit, baseUrl.site());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            RunResolution.say(err, "interrupted");
            return ExitCodes.INTERRUPTED;
        }
        Integer junitFailed = JUnitReport.writeIfWanted(
                opened,
                summary,
                platform,
                baseUrl.site(),
                JUnitXml.SampleNote.NONE,
                format,
                junit,
                verbose.on,
                out,
                err);
        if (junitFailed != null) {
            return junitFailed;
        }
        if (format != SummaryCommand.Format.junit) {
            out.print(ReportOutput.render(report, failureReport, failureLimit, format, resolved.waitedMillis()));
        }
        out.flush();
        return ExitCodes.of(judged.result());
    }

    private PollSchedule schedule() {
        return wait.schedule();
    }
}
