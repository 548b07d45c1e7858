package io.jenkins.plugins.sampleplatform.render;

/** Renders a {@link SummaryReport} as plain text block for the build log and the terminal. */
public final class ConsoleSummary {

    private ConsoleSummary() {
    }

    /** Renders the report. */
    public static String render(SummaryReport report) {
        throw new UnsupportedOperationException("issue 5");
    }
}
