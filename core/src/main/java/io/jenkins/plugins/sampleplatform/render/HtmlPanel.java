package io.jenkins.plugins.sampleplatform.render;

/** Renders a {@link SummaryReport} as HTML fragment for the build page; every server value escaped. */
public final class HtmlPanel {

    private HtmlPanel() {
    }

    /** Renders the report. */
    public static String render(SummaryReport report) {
        throw new UnsupportedOperationException("issue 5");
    }
}
