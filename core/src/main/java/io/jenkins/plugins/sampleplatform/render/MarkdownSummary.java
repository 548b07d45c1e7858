package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.verdict.BuildResult;
import io.jenkins.plugins.sampleplatform.verdict.Verdict;
import io.jenkins.plugins.sampleplatform.verdict.Wording;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link SummaryReport} as Markdown (CommonMark, with a GitHub table) for pull-request comments.
 *
 * <p>Nothing from the server is taken as Markdown or HTML: {@code triggered_by} is shown as inline code
 * (so it cannot become a link, an @-mention or markup), reasons and status are backslash-escaped
 * ({@link MarkdownEscape}), and the link is written with an angle-bracket destination built from the
 * run page's ASCII form, which can hold neither {@code <}, {@code >} nor a line break.
 */
public final class MarkdownSummary {

    private MarkdownSummary() {}

    /** Renders the report; ends with a line break. */
    public static String render(SummaryReport report) {
        RunSummary s = report.summary();
        Verdict verdict = report.verdict();
        SampleBreakdown breakdown = new SampleBreakdown(s);
        StringBuilder out = new StringBuilder(1024);

        out.append("### ")
                .append(symbol(verdict.result()))
                .append(" Sample Platform run ")
                .append(s.runId())
                .append(": ")
                .append(verdict.result().name())
                .append("\n\n");

        List<String> facts = new ArrayList<>();
        facts.add(
                s.status() == null
                        ? "Status not reported"
                        : "Status **" + MarkdownEscape.text(s.status().wireValue()) + "**");
        facts.add(Wording.samples(s.totalSamples()));
        facts.add("duration " + Durations.format(s.durationMs()));
        if (s.triggeredBy() != null) {
            facts.add("triggered by " + MarkdownEscape.code(s.triggeredBy()));
        }
        out.append(String.join(" \u00b7 ", facts)).append("\n\n");

        table(out, s, breakdown);

        if (verdict.reasons().isEmpty()) {
            out.append("No problems found.\n");
        } else {
            for (String reason : verdict.reasons()) {
                out.append("- ").append(MarkdownEscape.text(reason)).append('\n');
            }
        }
        if (report.runPage() != null) {
            out.append("\n[Open run ")
                    .append(s.runId())
                    .append(" on the Sample Platform](<")
                    .append(report.runPage().toASCIIString())
                    .append(">)\n");
        }
        return out.toString();
    }

    private static void table(StringBuilder out, RunSummary s, SampleBreakdown breakdown) {
        List<String> headers = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        for (SampleBreakdown.Part part : breakdown.parts()) {
            headers.add(part.outcome().label());
            cells.add(
                    part.reported()
                            ? part.count() + " (" + MarkdownEscape.text(breakdown.share(part.count())) + ")"
                            : "not reported");
        }
        headers.add("Errors");
        cells.add(s.errorCount() == null ? "not reported" : String.valueOf(s.errorCount()));
        out.append("| ").append(String.join(" | ", headers)).append(" |\n");
        out.append("|").append("---:|".repeat(headers.size())).append('\n');
        out.append("| ").append(String.join(" | ", cells)).append(" |\n\n");
    }

    /** A symbol beside the result's name, never instead of it. */
    private static String symbol(BuildResult result) {
        return switch (result) {
            case SUCCESS -> "\u2705";
            case UNSTABLE -> "\u26a0\ufe0f";
            case FAILURE -> "\u274c";
            case NOT_BUILT -> "\u23f3";
            case ABORTED -> "\u23f9\ufe0f";
        };
    }
}
