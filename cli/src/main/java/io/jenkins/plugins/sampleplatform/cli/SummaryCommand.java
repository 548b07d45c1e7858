package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.render.ComparisonNotes;
import io.jenkins.plugins.sampleplatform.render.ComparisonView;
import io.jenkins.plugins.sampleplatform.render.FailureReport;
import io.jenkins.plugins.sampleplatform.render.PlatformLinks;
import io.jenkins.plugins.sampleplatform.render.SummaryReport;
import io.jenkins.plugins.sampleplatform.runs.RunQuery;
import io.jenkins.plugins.sampleplatform.runs.WaitTimedOut;
import io.jenkins.plugins.sampleplatform.summary.InvalidRunIdException;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import io.jenkins.plugins.sampleplatform.verdict.Verdict;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sampleplatform summary --run N} (or {@code --commit SHA}, optionally {@code --wait}): fetch or compute a
 * run's summary, print it, exit with its verdict.
 */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = "Prints a run's summary and exits with its verdict.",
        footer = {"", ExitCodes.TABLE, "", ExitCodes.SECRETS})
final class SummaryCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        text,
        json,
        html,
        /** {@code --format html-page}: a complete HTML document ({@link FormatConverter}). */
        html_page,
        markdown,
        junit
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "N", description = "The platform's run id (1 to 2147483647); or --commit.")
    String run;

    @Mixin
    FindOptions find;

    @Mixin
    WaitOptions wait;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    SourceOptions source = new SourceOptions();

    @Option(
            names = "--url",
            paramLabel = "URL",
            description =
                    "The platform's API URL; with --jdbc it only gives the run's link. Default:%n" + "${DEFAULT-VALUE}",
            defaultValue = BaseUrl.PUBLIC_INSTANCE)
    String url;

    @Mixin
    ApiOptions api;

    @Mixin
    VerdictOptions verdict;

    @Mixin
    CompareOptions compare;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            converter = FormatConverter.class,
            description = "text, json, html (a fragment), html-page (a whole document), markdown or junit (JUnit XML"
                    + " of every sample; default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    FailuresOption failures;

    @Mixin
    JUnitOptions junit;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Integer givenRunId;
        RunQuery query;
        Sources.Opened opened;
        List<Reference> references;
        int failureLimit = failures.limit(format, spec);
        try {
            query = find.query();
            wait.checkUsage();
            junit.checkUsage();
            IdleOptions.refuse(
                    spec.commandLine().getParseResult(), wait.wait, source.demo != null, source.database != null);
            if ((run == null) == (query == null)) {
                throw new UsageException("Give exactly one of --run N and --commit SHA.");
            }
            givenRunId = run == null ? null : parseRunId(run);
            references = compare.references();
            opened = Sources.openAll(source, url, api, err);
        } catch (UsageException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        int runId = givenRunId != null ? givenRunId : 0;
        RunResolution.Resolved resolved;
        RunSummary summary;
        RunResolution.Tracker tracker = new RunResolution.Tracker(out, format);
        ComparisonReport comparison = null;
        try {
            ComparisonSources.Comparer comparer =
                    references.isEmpty() ? null : ComparisonSources.open(opened, !compare.noDiffExcerpts);
            resolved = RunResolution.resolve(givenRunId, query, wait, opened, err, tracker);
            runId = resolved.runId();
            summary = opened.summaries().fetch(runId);
            if (comparer != null) {
                comparison = comparer.compare(runId, references);
            }
        } catch (WaitTimedOut e) {
            RunResolution.say(err, e.getMessage());
            JsonOutcome.write(out, format, e.runId(), e.lastStatus(), JsonOutcome.TIMEOUT, e.getMessage());
            return ExitCodes.NOT_BUILT;
        } catch (SummaryException e) {
            String which = runId > 0 ? "the summary of run " + runId : "the run of " + query.describe();
            String line = "could not get " + which + ": " + e.getMessage() + CliAdvice.forFailure(e);
            RunResolution.say(err, line);
            if (verbose.on) {
                err.print(CliSecrets.scrubber().stackTrace(e));
            }
            err.flush();
            JsonOutcome.write(
                    out,
                    format,
                    tracker.runId(runId > 0 ? runId : null),
                    tracker.lastStatus(),
                    JsonOutcome.ERROR,
                    "Could not get " + which + ": " + e.getMessage() + CliAdvice.forFailure(e));
            return ExitCodes.NO_SUMMARY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("sampleplatform: interrupted");
            return ExitCodes.INTERRUPTED;
        }
        Verdict judged;
        try {
            judged = compare.policy(verdict.policy()).evaluate(summary, comparison);
        } catch (IllegalArgumentException | UsageException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SummaryReport report = new SummaryReport(summary, judged, runPage(runId));
        FailureReport failureReport;
        try {
            failureReport = FailureLister.list(opened.summaries(), summary, failureLimit, site());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("sampleplatform: interrupted");
            return ExitCodes.INTERRUPTED;
        }
        Integer junitFailed = JUnitReport.writeIfWanted(
                opened,
                summary,
                find.platform,
                site(),
                ComparisonNotes.of(comparison),
                format,
                junit,
                verbose.on,
                out,
                err);
        if (junitFailed != null) {
            return junitFailed;
        }
        if (format != Format.junit) {
            ComparisonView comparisons = comparison == null ? null : new ComparisonView(comparison, links());
            out.print(ReportOutput.render(
                    report,
                    failureReport,
                    failureLimit,
                    comparisons,
                    format,
                    wait.wait ? resolved.waitedMillis() : null));
        }
        out.flush();
        return ExitCodes.of(judged.result());
    }

    private int parseRunId(String text) throws UsageException {
        try {
            return RunIds.parse(text);
        } catch (InvalidRunIdException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The run's page: on the API's site; in DB mode only when --url was given; none for the demo. */
    private URI runPage(int runId) {
        return linksWanted() ? BaseUrl.parse(url).runPage(runId) : null;
    }

    /** The platform's web site for the failures' links, where the run page is linked too. */
    private URI site() {
        return linksWanted() ? BaseUrl.parse(url).site() : null;
    }

    /** The platform's pages for the comparisons' links, where the run page is linked too. */
    private PlatformLinks links() {
        return new PlatformLinks(site());
    }

    private boolean linksWanted() {
        boolean urlGiven = spec.commandLine().getParseResult().hasMatchedOption("--url");
        return source.demo == null && (source.database == null || urlGiven);
    }
}
