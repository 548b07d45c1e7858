package io.jenkins.plugins.sampleplatform.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.api.ApiException;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a wait says when it ends: what is known, with times in UTC to the second. */
class WaitHonestyTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private static RunInfo run(RunStatus status) {
        return new RunInfo(302, status, "linux", "commit", "CCExtractor/ccextractor", null);
    }

    private static ApiException.TransportFailure unreachable() {
        return new ApiException.TransportFailure("Could not reach the Sample Platform: connecting timed out.", null);
    }

    @Test
    void aTimeoutAfterFailedPollsSaysWhenTheStatusWasLastSeenAndWhyThePollsSinceFailed() {
        RunWaiter waiter = RunWaiter.forRun(302, T0, Duration.ofMinutes(4), PollSchedule.DEFAULT);
        waiter.observed(T0.plusSeconds(10), run(RunStatus.QUEUED));
        waiter.pollFailed(T0.plusSeconds(60), unreachable());
        waiter.pollFailed(T0.plusSeconds(120), unreachable());
        waiter.pollFailed(T0.plusSeconds(180), unreachable());

        WaitStep end = waiter.pollFailed(T0.plusSeconds(253), unreachable());

        assertThat(end.kind()).isEqualTo(WaitStep.Kind.TIMED_OUT);
        assertThat(end.failure().getMessage())
                .isEqualTo("Gave up waiting for run 302 after 4 min 13 s: it was last seen queued at"
                        + " 2026-11-30T10:00:10Z (4 min 3 s ago), and the 3 polls since then failed (Could not reach"
                        + " the Sample Platform: connecting timed out.).");
        assertThat(((WaitTimedOut) end.failure()).lastStatus()).isEqualTo(RunStatus.QUEUED);
    }

    @Test
    void aSuccessfulPollForgetsEarlierFailures() {
        RunWaiter waiter = RunWaiter.forRun(302, T0, Duration.ofSeconds(30), PollSchedule.DEFAULT);
        waiter.observed(T0, run(RunStatus.QUEUED));
        waiter.pollFailed(T0.plusSeconds(10), unreachable());
        waiter.observed(T0.plusSeconds(20), run(RunStatus.RUNNING));

        WaitStep end = waiter.observed(T0.plusSeconds(30), run(RunStatus.RUNNING));

        assertThat(end.failure().getMessage())
                .isEqualTo("Run 302 is still running after waiting 30 s; it has not finished.");
    }

    @Test
    void aRunNeverReadIsNotCalledStillAnything() {
        RunWaiter waiter = RunWaiter.forRun(302, T0, Duration.ofSeconds(30), PollSchedule.DEFAULT);
        waiter.pollFailed(T0, unreachable());

        WaitStep end = waiter.pollFailed(T0.plusSeconds(30), unreachable());

        assertThat(end.kind()).isEqualTo(WaitStep.Kind.TIMED_OUT);
        assertThat(end.failure().getMessage())
                .isEqualTo("Run 302 could not be read within 30 s: the poll failed (Could not reach the Sample"
                        + " Platform: connecting timed out.).");
    }

    @Test
    void statusChangesShowTheirTimeInWholeSecondsUtc() {
        RunWaiter waiter = RunWaiter.forRun(302, T0, Duration.ofHours(1), PollSchedule.DEFAULT);
        Instant first = T0.plusNanos(123_456_789);
        Instant later = T0.plusSeconds(10).plusNanos(987_654_321);

        assertThat(waiter.observed(first, run(RunStatus.QUEUED)).news())
                .containsExactly("Run 302 is queued (2026-11-30T10:00:00Z).");
        assertThat(waiter.observed(later, run(RunStatus.RUNNING)).news())
                .containsExactly("Run 302: queued -> running (2026-11-30T10:00:10Z).");
    }
}
