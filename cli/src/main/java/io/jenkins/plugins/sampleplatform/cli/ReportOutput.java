package io.jenkins.plugins.sampleplatform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.sampleplatform.render.ConsoleSummary;
import io.jenkins.plugins.sampleplatform.render.HtmlPanel;
import io.jenkins.plugins.sampleplatform.render.MarkdownSummary;
import io.jenkins.plugins.sampleplatform.render.SummaryFields;
import io.jenkins.plugins.sampleplatform.render.SummaryReport;
import java.util.LinkedHashMap;
import java.util.Map;

/** A report in the format asked for; JSON adds {@code waited_ms} after a wait. */
final class ReportOutput {

    private ReportOutput() {}

    /** @param waitedMillis how long the command waited, or {@code null} when it did not wait */
    static String render(SummaryReport report, SummaryCommand.Format format, Long waitedMillis) {
        return switch (format) {
            case text -> ConsoleSummary.render(report) + System.lineSeparator();
            case html -> HtmlPanel.standalone(report) + System.lineSeparator();
            case markdown -> MarkdownSummary.render(report) + System.lineSeparator();
            case json -> {
                Map<String, Object> fields = new LinkedHashMap<>(SummaryFields.toMap(report));
                if (waitedMillis != null) {
                    fields.put("waited_ms", waitedMillis);
                }
                yield json(fields);
            }
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
