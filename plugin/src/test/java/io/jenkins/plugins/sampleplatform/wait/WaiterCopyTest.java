package io.jenkins.plugins.sampleplatform.wait;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.runs.PollSchedule;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.runs.RunWaiter;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A poll works on a copy of the saved waiter: the saved one changes only when the copy is published (issue 20). */
class WaiterCopyTest {

    private static final Instant START = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void pollingTheCopyLeavesTheSavedWaiterAsItWas() {
        RunWaiter saved = RunWaiter.forRun(42, START, Duration.ofMinutes(30), PollSchedule.DEFAULT);

        RunWaiter copy = WaiterCopy.of(saved);
        copy.observed(
                START.plusSeconds(10),
                new RunInfo(42, RunStatus.RUNNING, "linux", "commit", "CCExtractor/ccextractor", "0".repeat(40)));

        assertThat(saved.lastStatus())
                .as("the saved state, until the copy is published")
                .isNull();
        assertThat(copy.lastStatus()).isEqualTo(RunStatus.RUNNING);
        assertThat(copy.runId()).isEqualTo(saved.runId());
        assertThat(copy.deadline()).isEqualTo(saved.deadline()).isEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(copy.waited(START.plusSeconds(10))).isEqualTo(Duration.ofSeconds(10));
    }
}
