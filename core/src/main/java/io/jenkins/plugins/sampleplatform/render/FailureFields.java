package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.failures.SampleFailure;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The failing samples as plain values for the Pipeline step's map and the command line's JSON:
 * {@code failures}, a list of maps with the API's field names plus links, and {@code failures_total}; or,
 * when the list could not be had, {@code failures} and {@code failures_total} {@code null} and
 * {@code failures_error} saying why.
 *
 * <p>Only {@code LinkedHashMap}, {@code ArrayList}, {@code String}, {@code Integer} and {@code null}, so the
 * values are safe in a sandboxed Pipeline and in its saved program state.
 */
public final class FailureFields {

    /** The most entries the Pipeline step returns. */
    public static final int PIPELINE_LIMIT = 100;

    private FailureFields() {}

    /**
     * Adds {@code failures} (at most {@code max} entries) and {@code failures_total} to {@code map}; nothing when
     * {@code failures} is {@code null} (not asked for).
     */
    public static void addTo(Map<String, Object> map, FailureReport failures, int runId, int max) {
        if (failures == null) {
            return;
        }
        if (failures.list() == null) {
            map.put("failures", null);
            map.put("failures_total", null);
            map.put("failures_error", failures.unavailable());
            return;
        }
        List<Object> entries = new ArrayList<>();
        for (SampleFailure failure : failures.list()
                .entries()
                .subList(0, Math.min(Math.max(0, max), failures.list().entries().size()))) {
            entries.add(entry(failures, runId, failure));
        }
        map.put("failures", entries);
        map.put("failures_total", failures.list().total());
    }

    private static Map<String, Object> entry(FailureReport failures, int runId, SampleFailure failure) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("regression_test_id", failure.regressionTestId());
        entry.put("sample_id", failure.sampleId());
        entry.put("sample_name", failure.sampleName());
        entry.put("status", failure.status().wireValue());
        entry.put("exit_code", failure.exitCode());
        entry.put("expected_rc", failure.expectedRc());
        entry.put("categories", new ArrayList<>(failure.categories()));
        List<Object> outputs = new ArrayList<>();
        for (FailedOutput output : failure.outputs()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("output_id", output.outputId());
            o.put("filename", output.filename());
            o.put("diff_url", text(failures.diffPage(runId, failure.regressionTestId(), output.outputId())));
            outputs.add(o);
        }
        entry.put("outputs", outputs);
        entry.put("regression_test_url", text(failures.regressionTestPage(failure.regressionTestId())));
        entry.put("run_url", text(failures.runPage(runId)));
        return entry;
    }

    private static String text(URI uri) {
        return uri == null ? null : uri.toASCIIString();
    }
}
