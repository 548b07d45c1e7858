package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.SampleFailure;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The failing samples as plain text, printed after {@link ConsoleSummary}'s block. Example:
 * <pre>
 *   Failing samples: 12 failing samples (2 without output, 10 failed)
 *     - No output: regression test 3, sample 1003 "clip.ts"; exit code 1, expected 0; categories: DVB
 *       https://sampleplatform.ccextractor.org/regression/test/3/view
 *     - Failed: regression test 9, sample 1009 "b.ts"; exit code 0 as expected; differing outputs: 5d4c.srt
 *       https://sampleplatform.ccextractor.org/regression/test/9/view
 *     ... and 10 more: https://sampleplatform.ccextractor.org/test/42
 * </pre>
 * Server text is kept on its line ({@link PlainText}) and cut to a readable length; no colours.
 */
public final class ConsoleFailures {

    /** How many the build log lists. */
    public static final int LOG_DEFAULT = 10;

    private ConsoleFailures() {}

    /**
     * Renders up to {@code max} failures of run {@code runId}; empty when there is nothing to show.
     *
     * @param failures the failures, or {@code null} (not asked for): empty text
     */
    public static String render(FailureReport failures, int runId, int max) {
        if (failures == null || !failures.worthShowing() || max < 0) {
            return "";
        }
        StringBuilder out = new StringBuilder(1024);
        if (failures.list() == null) {
            out.append("  Failing samples: not listed: ")
                    .append(PlainText.oneLine(failures.unavailable()))
                    .append('\n');
            return out.toString();
        }
        FailureList list = failures.list();
        out.append("  Failing samples: ").append(FailureWording.totals(list)).append('\n');
        int shown = Math.min(max, list.entries().size());
        for (SampleFailure failure : list.entries().subList(0, shown)) {
            out.append("    - ").append(line(failure)).append('\n');
            URI page = failures.regressionTestPage(failure.regressionTestId());
            if (page != null) {
                out.append("      ").append(page.toASCIIString()).append('\n');
            }
        }
        int more = list.total() - shown;
        if (more > 0) {
            out.append("    ... and ").append(more).append(" more");
            URI run = failures.runPage(runId);
            if (run != null) {
                out.append(" on the platform: ").append(run.toASCIIString());
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String line(SampleFailure failure) {
        StringBuilder line = new StringBuilder(160);
        line.append(FailureWording.status(failure.status()))
                .append(": regression test ")
                .append(failure.regressionTestId());
        if (failure.sampleId() != null) {
            line.append(", sample ").append(failure.sampleId());
        }
        if (failure.sampleName() != null) {
            line.append(" \"")
                    .append(PlainText.oneLine(FailureWording.clip(failure.sampleName())))
                    .append('"');
        }
        line.append("; ").append(FailureWording.exitCode(failure));
        if (!failure.outputs().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (FailedOutput output : failure.outputs()) {
                names.add(PlainText.oneLine(FailureWording.clip(output.filename())));
            }
            line.append("; differing outputs: ").append(String.join(", ", names));
        }
        if (!failure.categories().isEmpty()) {
            List<String> names = new ArrayList<>();
            failure.categories().forEach(c -> names.add(PlainText.oneLine(FailureWording.clip(c))));
            line.append("; categories: ").append(String.join(", ", names));
        }
        return line.toString();
    }
}
