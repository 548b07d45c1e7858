package io.jenkins.plugins.sampleplatform.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailureListTest {

    private static SampleFailure failure(int id, SampleStatus status) {
        return new SampleFailure(id, 10 + id, "s" + id + ".ts", status, 1, 0, List.of("DVB"), List.of());
    }

    @Test
    void countsListedAndUnlisted() {
        FailureList list =
                new FailureList(List.of(failure(3, SampleStatus.MISSING_OUTPUT), failure(1, SampleStatus.FAIL)), 4, 7);

        assertThat(list.total()).isEqualTo(11);
        assertThat(list.unlisted()).isEqualTo(9);
        assertThat(FailureList.NONE.total()).isZero();
    }

    @Test
    void refusesMoreEntriesThanTheTotals() {
        assertThatThrownBy(() -> new FailureList(List.of(failure(1, SampleStatus.FAIL)), 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("totals");
        assertThatThrownBy(() -> new FailureList(List.of(), -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailureIsNeverAPassAndKnowsItsExitCode() {
        assertThatThrownBy(() -> failure(1, SampleStatus.PASS)).hasMessageContaining("passed");
        assertThatThrownBy(() -> failure(0, SampleStatus.FAIL)).hasMessageContaining("regression_test_id");
        assertThat(failure(1, SampleStatus.FAIL).exitCodeDiffers()).isTrue();
        assertThat(new SampleFailure(1, null, null, SampleStatus.FAIL, null, 0, List.of(), List.of()).exitCodeDiffers())
                .isFalse();
        assertThat(SampleStatus.fromWire("missing_output")).isEqualTo(SampleStatus.MISSING_OUTPUT);
        assertThatThrownBy(() -> SampleStatus.fromWire("not_started")).hasMessageContaining("not_started");
    }
}
