package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.verdict.BuildResult;
import io.jenkins.plugins.sampleplatform.verdict.Verdict;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryFieldsTest {

    @Test
    void usesTheApiFieldNamesPlusResultAndReasons() {
        RunSummary summary = new RunSummary(42, RunStatus.FAIL, 10, 7, 2, 0, 1, 3, 1234L, null);
        Verdict verdict = new Verdict(
                BuildResult.FAILURE, List.of("1 sample produced no output", "2 samples failed (threshold 0)"));
        Map<String, Object> map =
                SummaryFields.toMap(new SummaryReport(summary, verdict, URI.create("https://p.example/test/42")));

        assertThat(map)
                .containsOnlyKeys(
                        "run_id",
                        "status",
                        "total_samples",
                        "pass_count",
                        "fail_count",
                        "skipped_count",
                        "missing_output_count",
                        "error_count",
                        "duration_ms",
                        "triggered_by",
                        "result",
                        "reasons");
        assertThat(map.keySet()).startsWith("run_id", "status", "total_samples");
        assertThat(map)
                .containsEntry("run_id", 42)
                .containsEntry("status", "fail")
                .containsEntry("fail_count", 2)
                .containsEntry("missing_output_count", 1)
                .containsEntry("duration_ms", 1234L)
                .containsEntry("result", "FAILURE")
                .containsEntry("triggered_by", null);
        assertThat(map.get("reasons"))
                .asList()
                .containsExactly("1 sample produced no output", "2 samples failed (threshold 0)");
        assertThatThrownBy(() -> ((List<?>) map.get("reasons")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void reportsAbsentFieldsAsNull() {
        RunSummary summary = new RunSummary(1, null, 0, 0, 0, null, null, null, null, "ci-bot");
        Map<String, Object> map =
                SummaryFields.toMap(new SummaryReport(summary, new Verdict(BuildResult.SUCCESS, List.of()), null));
        assertThat(map)
                .containsEntry("status", null)
                .containsEntry("skipped_count", null)
                .containsEntry("triggered_by", "ci-bot");
    }

    @Test
    void reportRefusesNonHttpLinks() {
        RunSummary summary = new RunSummary(1, null, 0, 0, 0, null, null, null, null, null);
        Verdict verdict = new Verdict(BuildResult.SUCCESS, List.of());
        assertThatThrownBy(() -> new SummaryReport(summary, verdict, URI.create("javascript:alert(1)")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
