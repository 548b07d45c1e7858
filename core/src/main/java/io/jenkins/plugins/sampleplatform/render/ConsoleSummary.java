package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.verdict.Verdict;
import java.util.Locale;

/**
 * Renders a {@link SummaryReport} as a plain-text block for the build log and the terminal.
 *
 * <p>Example:
 * <pre>
 * Sample Platform run 42 (status fail)
 *   10 samples: 7 passed, 2 failed, 1 without output, 0 skipped
 *   Errors:       3
 *   Duration:     1 min 2 s
 *   Triggered by: ci-bot
 *   Verdict:      FAILURE
 *     - 1 sample produced no output
 *     - 2 samples failed (threshold 0)
 *   Run page:     https://sampleplatform.ccextractor.org/test/42
 * </pre>
 * No colours or other escape sequences; server text is kept on its line (see {@link PlainText}).
 * Each line ends with {@code \n}, the last one too.
 */
public final class ConsoleSummary {

    private ConsoleSummary() {}

    /** Renders the report. */
    public static String render(SummaryReport report) {
        RunSummary s = report.summary();
        Verdict verdict = report.verdict();
        StringBuilder out = new StringBuilder(512);
        out.append("Sample Platform run ")
                .append(s.runId())
                .append(" (")
                .append(
                        s.status() == null
                                ? "status not reported"
                                : "status " + PlainText.oneLine(s.status().wireValue()))
                .append(")\n");
        out.append("  ").append(new SampleBreakdown(s).describe()).append('\n');
        line(out, "Errors:", s.errorCount() == null ? "not reported" : String.valueOf(s.errorCount()));
        line(out, "Duration:", Durations.format(s.durationMs()));
        if (s.triggeredBy() != null) {
            line(out, "Triggered by:", PlainText.oneLine(s.triggeredBy()));
        }
        line(out, "Verdict:", verdict.result().name() + (verdict.reasons().isEmpty() ? " (no problems found)" : ""));
        for (String reason : verdict.reasons()) {
            out.append("    - ").append(PlainText.oneLine(reason)).append('\n');
        }
        if (report.runPage() != null) {
            line(out, "Run page:", report.runPage().toASCIIString());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append("  ")
                .append(String.format(Locale.ROOT, "%-13s ", label))
                .append(value)
                .append('\n');
    }
}
