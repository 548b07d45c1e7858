package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.verdict.BuildResult;
import io.jenkins.plugins.sampleplatform.verdict.Verdict;
import java.util.Locale;

/**
 * Renders a {@link SummaryReport} as an HTML fragment for the build page; every server value escaped.
 *
 * <p>The fragment is one {@code <section class="sp-panel">}: a title with the run id and status, the
 * verdict, a stacked bar of the outcomes (inline SVG, see {@link StackedBar}), a table of the counts,
 * duration and who triggered the run, the reasons, and the link to the run's page. It is well-formed
 * XML, loads nothing (no scripts, fonts or images), runs no script and carries no inline style, so it
 * suits a page whose Content-Security-Policy forbids inline scripts and styles. Its looks come from
 * the style sheet {@link #stylesheet()} ({@code panel.css} on the class path), which the page links
 * (the Jenkins plugin) or {@link #standalone} inlines (the command line); without it the bar still
 * draws from SVG attributes. Colours follow Jenkins' theme variables, light or dark. Apart from server
 * text, the fragment is ASCII (other characters as references), whatever the page's encoding.
 *
 * <p>Every text from the server or from the verdict goes through {@link HtmlEscape}; the link is the
 * run page's ASCII form (an {@code http(s)} URL, as {@link SummaryReport} enforces), escaped too. Ids
 * in the fragment are derived from the run id, so panels of different runs can share a page.
 */
public final class HtmlPanel {

    private HtmlPanel() {}

    /** The class-path resource of the style sheet, {@code io/jenkins/plugins/sampleplatform/render/panel.css}. */
    public static final String STYLESHEET_RESOURCE = PanelStyle.RESOURCE;

    /** The style sheet of the panel and of {@link TrendChart}; contains no {@code <} or {@code &}. */
    public static String stylesheet() {
        return PanelStyle.css();
    }

    /**
     * The panel with its style sheet inlined before it, for a page of its own (the command line's
     * {@code --format html}), where nothing can link the style sheet.
     */
    public static String standalone(SummaryReport report) {
        return standalone(report, null);
    }

    /** {@link #standalone(SummaryReport)} with the failing samples' table ({@code null}: none). */
    public static String standalone(SummaryReport report, FailureReport failures) {
        return "<style>" + stylesheet() + "</style>\n" + render(report, failures);
    }

    /** Renders the report, without style sheet (see {@link #stylesheet()}). */
    public static String render(SummaryReport report) {
        return render(report, null);
    }

    /**
     * Renders the report with its failing samples (a table of up to 50, see {@link HtmlFailures}) after the
     * reasons; {@code failures} {@code null} renders the panel alone.
     */
    public static String render(SummaryReport report, FailureReport failures) {
        return render(report, failures, null);
    }

    /** {@link #standalone(SummaryReport, FailureReport)} with the comparisons ({@code null}: none). */
    public static String standalone(SummaryReport report, FailureReport failures, ComparisonView comparisons) {
        return "<style>" + stylesheet() + "</style>\n" + render(report, failures, comparisons);
    }

    /**
     * Renders the report, its failing samples and its "Compared with ..." sections ({@link HtmlComparisons});
     * {@code null} leaves either out.
     */
    public static String render(SummaryReport report, FailureReport failures, ComparisonView comparisons) {
        RunSummary s = report.summary();
        Verdict verdict = report.verdict();
        SampleBreakdown breakdown = new SampleBreakdown(s);
        String id = "sp-run-" + s.runId();
        StackedBar bar = new StackedBar(breakdown, id);
        String resultName = verdict.result().name().toLowerCase(Locale.ROOT);

        StringBuilder out = new StringBuilder(8192);
        out.append("<section class=\"sp-panel\" data-result=\"")
                .append(resultName)
                .append("\" aria-labelledby=\"")
                .append(id)
                .append("-title\">\n");
        out.append("<h3 class=\"sp-panel__title\" id=\"")
                .append(id)
                .append("-title\">Sample Platform run ")
                .append(s.runId())
                .append(" <span class=\"sp-panel__status\">(")
                .append(
                        s.status() == null
                                ? "status not reported"
                                : "status " + HtmlEscape.escape(s.status().wireValue()))
                .append(")</span></h3>\n");
        out.append("<p class=\"sp-panel__verdict\">Verdict: <span class=\"sp-badge sp-badge--")
                .append(resultName)
                .append("\"><span aria-hidden=\"true\">")
                .append(symbol(verdict.result()))
                .append("</span> ")
                .append(verdict.result().name())
                .append("</span></p>\n");
        out.append(bar.svg()).append('\n');
        counts(out, s, breakdown, bar);
        out.append("<p class=\"sp-panel__meta\">Duration: ")
                .append(HtmlEscape.escape(Durations.format(s.durationMs())));
        if (s.triggeredBy() != null) {
            out.append(" &#183; Triggered by: <span class=\"sp-panel__who\">")
                    .append(HtmlEscape.escape(s.triggeredBy()))
                    .append("</span>");
        }
        out.append("</p>\n");
        reasons(out, verdict);
        HtmlFailures.render(out, failures, s.runId(), id);
        HtmlComparisons.render(out, comparisons, id);
        if (report.runPage() != null) {
            out.append("<p class=\"sp-panel__link\"><a href=\"")
                    .append(HtmlEscape.escape(report.runPage().toASCIIString()))
                    .append("\" rel=\"noopener noreferrer\">Open run ")
                    .append(s.runId())
                    .append(" on the Sample Platform</a></p>\n");
        }
        out.append("</section>\n");
        return out.toString();
    }

    private static void counts(StringBuilder out, RunSummary s, SampleBreakdown breakdown, StackedBar bar) {
        out.append("<table class=\"sp-panel__counts\">\n<thead><tr><th scope=\"col\">Outcome</th>"
                + "<th scope=\"col\">Samples</th><th scope=\"col\">Share</th></tr></thead>\n<tbody>\n");
        for (SampleBreakdown.Part part : breakdown.parts()) {
            out.append("<tr data-outcome=\"")
                    .append(part.outcome().cssName())
                    .append("\"><th scope=\"row\">")
                    .append(bar.swatch(part.outcome()))
                    .append(part.outcome().label())
                    .append("</th>");
            if (part.reported()) {
                out.append("<td>")
                        .append(part.count())
                        .append("</td><td>")
                        .append(HtmlEscape.escape(breakdown.share(part.count())))
                        .append("</td>");
            } else {
                out.append("<td class=\"sp-panel__note\">not reported</td><td></td>");
            }
            out.append("</tr>\n");
        }
        out.append("<tr data-outcome=\"total\"><th scope=\"row\">Total</th><td>")
                .append(s.totalSamples())
                .append("</td><td></td></tr>\n");
        out.append("<tr data-outcome=\"errors\"><th scope=\"row\">Errors <span class=\"sp-panel__note\">"
                + "(items; a sample can have several)</span></th>");
        out.append(
                        s.errorCount() == null
                                ? "<td class=\"sp-panel__note\">not reported</td>"
                                : "<td>" + s.errorCount() + "</td>")
                .append("<td></td></tr>\n</tbody>\n</table>\n");
    }

    private static void reasons(StringBuilder out, Verdict verdict) {
        if (verdict.reasons().isEmpty()) {
            out.append("<p class=\"sp-panel__reasons-none\">No problems found.</p>\n");
            return;
        }
        out.append("<ul class=\"sp-panel__reasons\">\n");
        for (String reason : verdict.reasons()) {
            out.append("<li>").append(HtmlEscape.escape(reason)).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    /** A symbol beside the result's name (never instead of it), as a character reference. */
    private static String symbol(BuildResult result) {
        return switch (result) {
            case SUCCESS -> "&#10004;";
            case UNSTABLE -> "&#9888;";
            case FAILURE -> "&#10006;";
            case NOT_BUILT -> "&#9675;";
            case ABORTED -> "&#9632;";
        };
    }
}
