package io.jenkins.plugins.sampleplatform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.sampleplatform.render.ComparisonFields;
import io.jenkins.plugins.sampleplatform.render.ComparisonView;
import io.jenkins.plugins.sampleplatform.render.ConsoleComparisons;
import io.jenkins.plugins.sampleplatform.render.ConsoleFailures;
import io.jenkins.plugins.sampleplatform.render.ConsoleSummary;
import io.jenkins.plugins.sampleplatform.render.FailureFields;
import io.jenkins.plugins.sampleplatform.render.FailureReport;
import io.jenkins.plugins.sampleplatform.render.HtmlPage;
import io.jenkins.plugins.sampleplatform.render.HtmlPanel;
import io.jenkins.plugins.sampleplatform.render.MarkdownComparisons;
import io.jenkins.plugins.sampleplatform.render.MarkdownFailures;
import io.jenkins.plugins.sampleplatform.render.MarkdownSummary;
import io.jenkins.plugins.sampleplatform.render.SummaryFields;
import io.jenkins.plugins.sampleplatform.render.SummaryReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A report in the format asked for, with its failing samples (up to the limit; none when {@code null}); JSON
 * adds {@code waited_ms} after a wait.
 */
final class ReportOutput {

    private ReportOutput() {}

    /** @param waitedMillis how long the command waited, or {@code null} when it did not wait */
    static String render(SummaryReport report, SummaryCommand.Format format, Long waitedMillis) {
        return render(report, null, 0, format, waitedMillis);
    }

    /**
     * @param failures     the failing samples, or {@code null} when left out
     * @param limit        the most failing samples to print
     * @param waitedMillis how long the command waited, or {@code null} when it did not wait
     */
    static String render(
            SummaryReport report, FailureReport failures, int limit, SummaryCommand.Format format, Long waitedMillis) {
        return render(report, failures, limit, null, format, waitedMillis);
    }

    /**
     * @param comparisons the run compared with references, or {@code null} when none was asked for (every
     *                    format shows them after the failing samples; JSON as {@code comparisons}, all tests)
     */
    static String render(
            SummaryReport report,
            FailureReport failures,
            int limit,
            ComparisonView comparisons,
            SummaryCommand.Format format,
            Long waitedMillis) {
        int runId = report.summary().runId();
        return switch (format) {
            case text ->
                ConsoleSummary.render(report)
                        + ConsoleFailures.render(failures, runId, limit)
                        + ConsoleComparisons.render(comparisons)
                        + System.lineSeparator();
            case html -> HtmlPanel.standalone(report, failures, comparisons) + System.lineSeparator();
            case html_page -> HtmlPage.render(report, failures, comparisons);
            case markdown ->
                MarkdownSummary.render(report)
                        + MarkdownFailures.render(failures, runId, limit)
                        + (comparisons == null ? "" : "\n" + MarkdownComparisons.render(comparisons))
                        + System.lineSeparator();
            case json -> {
                Map<String, Object> fields = new LinkedHashMap<>(SummaryFields.toMap(report));
                FailureFields.addTo(fields, failures, runId, limit);
                ComparisonFields.addTo(fields, comparisons, Integer.MAX_VALUE);
                if (waitedMillis != null) {
                    fields.put("waited_ms", waitedMillis);
                }
                yield json(fields);
            }
            case junit -> throw new IllegalArgumentException("JUnit XML is written by JUnitReport, from every sample");
        };
    }

    static String json(Map<String, Object> fields) {
        try {
            return new ObjectMapper().writeValueAsString(fields) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
