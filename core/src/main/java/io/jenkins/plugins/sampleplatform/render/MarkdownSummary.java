package io.jenkins.plugins.sampleplatform.render;

/** Renders a {@link SummaryReport} as Markdown for pull-request comments. */
public final class MarkdownSummary {

    private MarkdownSummary() {
    }

    /** Renders the report. */
    public static String render(SummaryReport report) {
        throw new UnsupportedOperationException("issue 5");
    }
}
