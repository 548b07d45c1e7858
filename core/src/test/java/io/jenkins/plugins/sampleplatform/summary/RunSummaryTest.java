package io.jenkins.plugins.sampleplatform.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunSummaryTest {

    @Test
    void keepsOptionalFieldsAbsentRatherThanZero() {
        RunSummary s = new RunSummary(42, null, 10, 8, 2, null, null, null, null, null);
        assertThat(s.skippedCount()).isNull();
        assertThat(s.missingOutputCount()).isNull();
        assertThat(s.status()).isNull();
    }

    @Test
    void rejectsNegativeCountsNamingTheField() {
        assertThatThrownBy(() -> new RunSummary(1, RunStatus.PASS, 1, -1, 0, 0, 0, 0, 5L, null))
                .hasMessageContaining("pass_count");
        assertThatThrownBy(() -> new RunSummary(1, RunStatus.PASS, 1, 1, 0, 0, -2, 0, 5L, null))
                .hasMessageContaining("missing_output_count");
        assertThatThrownBy(() -> new RunSummary(1, RunStatus.PASS, 1, 1, 0, 0, 0, 0, -5L, null))
                .hasMessageContaining("duration_ms");
    }

    @Test
    void rejectsInvalidRunIdAndOverlongTriggeredBy() {
        assertThatThrownBy(() -> new RunSummary(0, null, 0, 0, 0, null, null, null, null, null))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> new RunSummary(1, null, 0, 0, 0, null, null, null, null, "x".repeat(101)))
                .hasMessageContaining("triggered_by");
        assertThat(new RunSummary(1, null, 0, 0, 0, null, null, null, null, "x".repeat(100)).triggeredBy())
                .hasSize(100);
    }

    @Test
    void statusReadsOnlyKnownWireValues() {
        assertThat(RunStatus.fromWire("canceled")).isEqualTo(RunStatus.CANCELED);
        assertThat(RunStatus.RUNNING.isFinished()).isFalse();
        assertThat(RunStatus.FAIL.isFinished()).isTrue();
        assertThatThrownBy(() -> RunStatus.fromWire("PASS"))
                .hasMessageContaining("'PASS'")
                .hasMessageContaining("pass");
        assertThatThrownBy(() -> RunStatus.fromWire(null)).hasMessageContaining("status");
    }
}
