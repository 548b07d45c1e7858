package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.render.JUnitXml;
import io.jenkins.plugins.sampleplatform.render.PlatformLinks;
import io.jenkins.plugins.sampleplatform.results.RunResults;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The JUnit XML report of {@code --format junit} and {@code --junit FILE}: lists every sample of the run from the
 * summary's source (opt-in, since it costs {@code ceil(n/100)} API requests; the samples that never ran only when
 * the summary counts skipped ones), renders it with core's {@link JUnitXml}, prints it or writes the file (whole
 * or not at all: written next to it, then moved), and with {@code --verbose} says what the listing cost.
 */
final class JUnitReport {

    private JUnitReport() {}

    /** Whether a JUnit report is asked for. */
    static boolean wanted(SummaryCommand.Format format, JUnitOptions options) {
        return format == SummaryCommand.Format.junit || options.file != null;
    }

    /**
     * Lists, renders and writes the report when one is asked for ({@link #wanted}).
     *
     * @param platform the run's platform when the command knows it (--platform with --commit), else {@code null}:
     *                 looked up (one more request)
     * @param site     the platform's web site for the links, or {@code null}
     * @param note     the comparison's word on each failing sample ({@link JUnitXml.SampleNote#NONE} without one)
     * @return {@code null} when done or not wanted; else the exit code ({@link ExitCodes#NO_SUMMARY},
     *         {@link ExitCodes#INTERRUPTED}), the reason printed
     */
    static Integer writeIfWanted(
            Sources.Opened opened,
            RunSummary summary,
            String platform,
            URI site,
            JUnitXml.SampleNote note,
            SummaryCommand.Format format,
            JUnitOptions options,
            boolean verbose,
            PrintWriter out,
            PrintWriter err) {
        if (!wanted(format, options)) {
            return null;
        }
        try {
            int runId = summary.runId();
            boolean withNotRun = summary.skippedCount() == null || summary.skippedCount() > 0;
            RunResults results;
            try {
                results = opened.summaries().results().results(runId, withNotRun);
            } catch (SummaryException e) {
                RunResolution.say(
                        err,
                        "could not list the samples of run " + runId + " for the JUnit report: " + e.getMessage()
                                + CliAdvice.forFailure(e));
                return ExitCodes.NO_SUMMARY;
            }
            String knownPlatform = platform != null ? platform : lookUpPlatform(opened, runId, verbose, err);
            if (verbose) {
                RunResolution.say(
                        err,
                        "JUnit report of run " + runId + ": "
                                + results.samples().size() + " samples, listed in "
                                + results.cost().describe() + ".");
            }
            String xml = JUnitXml.render(results, new JUnitXml.Options(knownPlatform, new PlatformLinks(site), note));
            if (options.file != null) {
                try {
                    writeWhole(options.file, xml);
                } catch (IOException e) {
                    RunResolution.say(
                            err, "could not write the JUnit report to " + options.file + ": " + e.getMessage());
                    return ExitCodes.NO_SUMMARY;
                }
            }
            if (format == SummaryCommand.Format.junit) {
                out.print(xml);
                out.flush();
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            RunResolution.say(err, "interrupted");
            return ExitCodes.INTERRUPTED;
        }
    }

    /** The run's platform for the test case class names; {@code null} (named "unknown") when it cannot be had. */
    private static String lookUpPlatform(Sources.Opened opened, int runId, boolean verbose, PrintWriter err)
            throws InterruptedException {
        try {
            RunInfo run = opened.runs().run(runId);
            if (verbose) {
                RunResolution.say(
                        err,
                        "the run's platform (" + run.platform() + ") for the JUnit report took one" + " more request.");
            }
            return run.platform();
        } catch (SummaryException e) {
            RunResolution.say(
                    err,
                    "the platform of run " + runId + " is not known (" + e.getMessage()
                            + "); the JUnit report calls it unknown.");
            return null;
        }
    }

    /** Writes next to the file, then moves it into place: a reader never sees half a report. */
    private static void writeWhole(Path file, String xml) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        Files.writeString(partial, xml, StandardCharsets.UTF_8);
        try {
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }
}
