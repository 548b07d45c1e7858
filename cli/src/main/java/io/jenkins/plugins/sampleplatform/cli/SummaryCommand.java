package io.jenkins.plugins.sampleplatform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.render.ConsoleSummary;
import io.jenkins.plugins.sampleplatform.render.HtmlPanel;
import io.jenkins.plugins.sampleplatform.render.MarkdownSummary;
import io.jenkins.plugins.sampleplatform.render.SummaryFields;
import io.jenkins.plugins.sampleplatform.render.SummaryReport;
import io.jenkins.plugins.sampleplatform.summary.InvalidRunIdException;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import io.jenkins.plugins.sampleplatform.summary.SummarySource;
import io.jenkins.plugins.sampleplatform.verdict.Verdict;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sampleplatform summary --run N}: fetch or compute a run's summary, print it, exit with its verdict. */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = "Prints a run's summary and exits with its verdict.",
        footer = {
            "",
            ExitCodes.TABLE,
            "",
            "The API token comes from --token-file or SAMPLEPLATFORM_TOKEN, never from an argument;",
            "the database password from --db-password-file or SAMPLEPLATFORM_DB_PASSWORD."
        })
final class SummaryCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        text,
        json,
        html,
        markdown
    }

    @Spec
    CommandSpec spec;

    @Option(
            names = "--run",
            required = true,
            paramLabel = "N",
            description = "The platform's run id (1 to 2147483647).")
    String run;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    SourceOptions source = new SourceOptions();

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "The platform's API URL (default: ${DEFAULT-VALUE}); "
                    + "with --jdbc it only gives the run's link.",
            defaultValue = BaseUrl.PUBLIC_INSTANCE)
    String url;

    @Mixin
    ApiOptions api;

    @Mixin
    VerdictOptions verdict;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text, json, html or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--verbose", description = "On errors, also print the stack trace (never secrets).")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        int runId;
        try {
            runId = RunIds.parse(run);
        } catch (InvalidRunIdException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SummarySource summarySource;
        try {
            summarySource = Sources.open(source, url, api, err);
        } catch (UsageException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        RunSummary summary;
        try {
            summary = summarySource.fetch(runId);
        } catch (SummaryException e) {
            err.println(CliSecrets.scrubber()
                    .scrub("sampleplatform: could not get the summary of run " + runId + ": " + e.getMessage()
                            + CliAdvice.forFailure(e)));
            if (verbose) {
                err.print(CliSecrets.scrubber().stackTrace(e));
            }
            err.flush();
            return ExitCodes.NO_SUMMARY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("sampleplatform: interrupted");
            return ExitCodes.INTERRUPTED;
        }
        Verdict judged;
        try {
            judged = verdict.policy().evaluate(summary);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SummaryReport report = new SummaryReport(summary, judged, runPage(runId));
        out.print(render(report));
        out.flush();
        return ExitCodes.of(judged.result());
    }

    /** The run's page: on the API's site; in DB mode only when --url was given; none for the demo. */
    private URI runPage(int runId) {
        boolean urlGiven = spec.commandLine().getParseResult().hasMatchedOption("--url");
        if (source.demo != null || (source.database != null && !urlGiven)) {
            return null;
        }
        return BaseUrl.parse(url).runPage(runId);
    }

    private String render(SummaryReport report) {
        return switch (format) {
            case text -> ConsoleSummary.render(report) + System.lineSeparator();
            case html -> HtmlPanel.standalone(report) + System.lineSeparator();
            case markdown -> MarkdownSummary.render(report) + System.lineSeparator();
            case json -> json(report);
        };
    }

    private static String json(SummaryReport report) {
        try {
            return new ObjectMapper().writeValueAsString(SummaryFields.toMap(report)) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
