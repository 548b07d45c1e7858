package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.SampleFailure;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The failing samples as a Markdown table, printed after {@link MarkdownSummary}. Server text is
 * backslash-escaped ({@link MarkdownEscape#text}, which also escapes the cell separator {@code |}); links
 * use angle-bracket destinations built from the site's ASCII form and numbers only.
 */
public final class MarkdownFailures {

    private MarkdownFailures() {}

    /** Renders up to {@code max} failures of run {@code runId}; empty when there is nothing to show. */
    public static String render(FailureReport failures, int runId, int max) {
        if (failures == null || !failures.worthShowing() || max < 0) {
            return "";
        }
        StringBuilder out = new StringBuilder(2048);
        out.append("\n#### Failing samples\n\n");
        if (failures.list() == null) {
            out.append("Not listed: ")
                    .append(MarkdownEscape.text(failures.unavailable()))
                    .append('\n');
            return out.toString();
        }
        FailureList list = failures.list();
        out.append(MarkdownEscape.text(FailureWording.totals(list))).append("\n\n");
        int shown = Math.min(max, list.entries().size());
        if (shown > 0) {
            out.append("| Status | Regression test | Sample | Exit code | Categories | Differing outputs |\n");
            out.append("|---|---:|---|---|---|---|\n");
            for (SampleFailure failure : list.entries().subList(0, shown)) {
                row(out, failures, runId, failure);
            }
        }
        int more = list.total() - shown;
        if (more > 0) {
            out.append("\nand ").append(more).append(" more");
            URI run = failures.runPage(runId);
            if (run != null) {
                out.append(" [on the platform](<").append(run.toASCIIString()).append(">)");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void row(StringBuilder out, FailureReport failures, int runId, SampleFailure failure) {
        List<String> cells = new ArrayList<>();
        cells.add(FailureWording.status(failure.status()));
        cells.add(link(failures.regressionTestPage(failure.regressionTestId()), "#" + failure.regressionTestId()));
        String sample =
                failure.sampleName() == null ? "" : MarkdownEscape.text(FailureWording.clip(failure.sampleName()));
        if (failure.sampleId() != null) {
            sample = (sample + " (sample " + failure.sampleId() + ")").strip();
        }
        cells.add(sample.isEmpty() ? "unknown" : sample);
        cells.add(MarkdownEscape.text(FailureWording.exitCode(failure)));
        cells.add(MarkdownEscape.text(String.join(
                ", ", failure.categories().stream().map(FailureWording::clip).toList())));
        List<String> outputs = new ArrayList<>();
        for (FailedOutput output : failure.outputs()) {
            outputs.add(link(
                    failures.diffPage(runId, failure.regressionTestId(), output.outputId()),
                    FailureWording.clip(output.filename())));
        }
        cells.add(String.join(", ", outputs));
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String link(URI target, String text) {
        String shown = MarkdownEscape.text(text);
        return target == null ? shown : "[" + shown + "](<" + target.toASCIIString() + ">)";
    }
}
