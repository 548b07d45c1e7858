package io.jenkins.plugins.sampleplatform.render;

/**
 * The panel as a complete HTML document (doctype, charset, title, the style sheet inlined): a file that opens
 * well in any browser and can be archived as a CI artifact, where {@link HtmlPanel#standalone} is a fragment
 * for embedding. No script, nothing loaded from elsewhere.
 */
public final class HtmlPage {

    private HtmlPage() {}

    /** The page of {@code report} with its failing samples ({@code null}: none). */
    public static String render(SummaryReport report, FailureReport failures) {
        return render(report, failures, null);
    }

    /** {@link #render(SummaryReport, FailureReport)} with the comparisons ({@code null}: none). */
    public static String render(SummaryReport report, FailureReport failures, ComparisonView comparisons) {
        String title = "Sample Platform run " + report.summary().runId() + ": "
                + report.verdict().result().name();
        return "<!DOCTYPE html>\n"
                + "<html lang=\"en\">\n"
                + "<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + HtmlEscape.escape(title) + "</title>\n"
                + "<style>\n" + HtmlPanel.stylesheet() + "\n</style>\n"
                + "</head>\n"
                + "<body>\n"
                + HtmlPanel.render(report, failures, comparisons)
                + "</body>\n"
                + "</html>\n";
    }
}
