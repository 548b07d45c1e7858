package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The summary as a flat map with the API's field names plus {@code result} and {@code reasons}: the
 * value a Pipeline step returns and the object the command line prints as JSON.
 *
 * <p>Values are only {@code String}, {@code Integer}, {@code Long}, {@code List<String>} or
 * {@code null}, so the map is safe to hand to a sandboxed Pipeline and to serialize.
 */
public final class SummaryFields {

    private SummaryFields() {}

    /** The fields in the API's order, then {@code result} and {@code reasons}. */
    public static Map<String, Object> toMap(SummaryReport report) {
        RunSummary s = report.summary();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("run_id", s.runId());
        map.put("status", s.status() == null ? null : s.status().wireValue());
        map.put("total_samples", s.totalSamples());
        map.put("pass_count", s.passCount());
        map.put("fail_count", s.failCount());
        map.put("skipped_count", s.skippedCount());
        map.put("missing_output_count", s.missingOutputCount());
        map.put("error_count", s.errorCount());
        map.put("duration_ms", s.durationMs());
        map.put("triggered_by", s.triggeredBy());
        map.put("result", report.verdict().result().name());
        map.put(
                "reasons",
                Collections.unmodifiableList(new ArrayList<>(report.verdict().reasons())));
        return map;
    }
}
