package io.jenkins.plugins.sampleplatform.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.api.ApiException;
import io.jenkins.plugins.sampleplatform.defer.Deferred;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunWaiterTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private static RunInfo run(int id, RunStatus status) {
        return new RunInfo(id, status, "linux", "commit", "CCExtractor/ccextractor", SHA);
    }

    @Test
    void pollsUntilFinalWithGrowingIntervalsAndReportsEachChange() {
        RunWaiter waiter = RunWaiter.forRun(42, T0, Duration.ofHours(2), PollSchedule.DEFAULT);
        assertThat(waiter.start().pollAt()).isEqualTo(T0);

        WaitStep first = waiter.observed(T0, run(42, RunStatus.QUEUED));
        assertThat(first.kind()).isEqualTo(WaitStep.Kind.POLL);
        assertThat(first.pollAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(first.news()).containsExactly("Run 42 is queued (" + T0 + ").");

        WaitStep second = waiter.observed(T0.plusSeconds(10), run(42, RunStatus.QUEUED));
        assertThat(second.pollAt()).isEqualTo(T0.plusSeconds(25));
        assertThat(second.news()).isEmpty();

        WaitStep third = waiter.observed(T0.plusSeconds(25), run(42, RunStatus.RUNNING));
        assertThat(third.pollAt()).isEqualTo(T0.plusSeconds(25).plusMillis(22_500));
        assertThat(third.news()).singleElement().asString().contains("queued -> running");

        WaitStep done = waiter.observed(T0.plusSeconds(60), run(42, RunStatus.FAIL));
        assertThat(done.kind()).isEqualTo(WaitStep.Kind.FINISHED);
        assertThat(done.run().status()).isEqualTo(RunStatus.FAIL);
        assertThat(done.news()).singleElement().asString().contains("running -> fail");
        assertThat(waiter.waited(T0.plusSeconds(60))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theIntervalStopsGrowingAtTheLongest() {
        RunWaiter waiter = RunWaiter.forRun(1, T0, Duration.ofDays(1), PollSchedule.DEFAULT);
        Instant now = T0;
        Duration last = Duration.ZERO;
        for (int i = 0; i < 20; i++) {
            WaitStep step = waiter.observed(now, run(1, RunStatus.RUNNING));
            last = Duration.between(now, step.pollAt());
            now = step.pollAt();
        }
        assertThat(last).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theDeadlineInTheMiddleOfAWaitEndsItWithTheLastStatus() {
        RunWaiter waiter = RunWaiter.forRun(7, T0, Duration.ofSeconds(30), PollSchedule.DEFAULT);
        waiter.observed(T0, run(7, RunStatus.QUEUED));
        WaitStep second = waiter.observed(T0.plusSeconds(10), run(7, RunStatus.RUNNING));
        // The next poll is due at 25 s; the one after would be past the deadline, so it is clipped to it.
        WaitStep third = waiter.observed(second.pollAt(), run(7, RunStatus.RUNNING));
        assertThat(third.pollAt()).isEqualTo(T0.plusSeconds(30));
        WaitStep end = waiter.observed(T0.plusSeconds(30), run(7, RunStatus.RUNNING));
        assertThat(end.kind()).isEqualTo(WaitStep.Kind.TIMED_OUT);
        WaitTimedOut timedOut = (WaitTimedOut) end.failure();
        assertThat(timedOut.lastStatus()).isEqualTo(RunStatus.RUNNING);
        assertThat(timedOut.runId()).isEqualTo(7);
        assertThat(timedOut.getMessage()).isEqualTo("Run 7 is still running after waiting 30 s; it has not finished.");
    }

    @Test
    void aRunThatAppearsLateIsFoundThenWaitedFor() {
        RunQuery query = RunQuery.of(SHA.toUpperCase(), "Linux", null, null);
        RunWaiter waiter = RunWaiter.forQuery(query, T0, Duration.ofMinutes(10), PollSchedule.DEFAULT);
        WaitStep none = waiter.notFoundYet(T0);
        assertThat(none.kind()).isEqualTo(WaitStep.Kind.POLL);
        assertThat(none.news()).singleElement().asString().startsWith("No run for commit 01234567 on linux yet");
        assertThat(waiter.notFoundYet(T0.plusSeconds(10)).news()).isEmpty();
        WaitStep found = waiter.observed(T0.plusSeconds(25), run(99, RunStatus.QUEUED));
        assertThat(found.news()).containsExactly("Found run 99 for commit 01234567 on linux (queued).");
        assertThat(waiter.runId()).hasValue(99);
        assertThat(waiter.observed(T0.plusSeconds(50), run(99, RunStatus.PASS)).kind())
                .isEqualTo(WaitStep.Kind.FINISHED);
    }

    @Test
    void noRunAppearingBeforeTheDeadlineSaysSo() {
        RunWaiter waiter =
                RunWaiter.forQuery(RunQuery.of(SHA, null, null, null), T0, Duration.ofSeconds(5), PollSchedule.DEFAULT);
        waiter.notFoundYet(T0);
        WaitStep end = waiter.notFoundYet(T0.plusSeconds(5));
        assertThat(end.kind()).isEqualTo(WaitStep.Kind.TIMED_OUT);
        assertThat(((WaitTimedOut) end.failure()).lastStatus()).isNull();
        assertThat(end.failure().getMessage()).startsWith("No run for commit 01234567 appeared within 5 s.");
    }

    @Test
    void aRestartBackToQueuedKeepsWaiting() {
        RunWaiter waiter = RunWaiter.forRun(5, T0, Duration.ofHours(1), PollSchedule.DEFAULT);
        waiter.observed(T0, run(5, RunStatus.RUNNING));
        WaitStep back = waiter.observed(T0.plusSeconds(10), run(5, RunStatus.QUEUED));
        assertThat(back.kind()).isEqualTo(WaitStep.Kind.POLL);
        assertThat(back.news()).singleElement().asString().contains("running -> queued (restarted on the platform)");
    }

    @Test
    void transientFailuresArePolledAgainUpToALimitOthersEndTheWait() {
        RunWaiter waiter = RunWaiter.forRun(5, T0, Duration.ofHours(1), PollSchedule.DEFAULT);
        ApiException.TransportFailure reset = new ApiException.TransportFailure("connection reset", null);
        Instant now = T0;
        for (int i = 1; i < RunWaiter.MAX_FAILURES; i++) {
            WaitStep step = waiter.pollFailed(now, reset);
            assertThat(step.kind()).isEqualTo(WaitStep.Kind.POLL);
            assertThat(step.news()).singleElement().asString().contains("connection reset");
            now = step.pollAt();
        }
        assertThat(waiter.pollFailed(now, reset).kind()).isEqualTo(WaitStep.Kind.FAILED);

        RunWaiter other = RunWaiter.forRun(5, T0, Duration.ofHours(1), PollSchedule.DEFAULT);
        ApiException.Unauthorized revoked = new ApiException.Unauthorized("token revoked", null);
        WaitStep failed = other.pollFailed(T0, revoked);
        assertThat(failed.kind()).isEqualTo(WaitStep.Kind.FAILED);
        assertThat(failed.failure()).isSameAs(revoked);
    }

    @Test
    void aDeferredPollIsTheSamePollLaterNeitherAFailureNorAFasterInterval() {
        RunWaiter waiter = RunWaiter.forRun(9, T0, Duration.ofHours(1), PollSchedule.DEFAULT);
        WaitStep first = waiter.observed(T0, run(9, RunStatus.RUNNING));
        assertThat(first.pollAt()).isEqualTo(T0.plusSeconds(10));
        Instant due = first.pollAt();
        for (int i = 0; i < RunWaiter.MAX_FAILURES + 2; i++) {
            Deferred deferral =
                    new Deferred(due.plusSeconds(31), Duration.ofSeconds(31), Deferred.Reason.WINDOW_SPENT, null, 1);
            WaitStep deferred = waiter.deferred(due, deferral);
            assertThat(deferred.kind()).isEqualTo(WaitStep.Kind.POLL);
            assertThat(deferred.deferred()).isTrue();
            assertThat(deferred.pollAt()).isEqualTo(due.plusSeconds(31));
            assertThat(deferred.news())
                    .containsExactly("Poll deferred: rate-limit window spent, trying again in 31 s.");
            due = deferred.pollAt();
        }
        // Not counted as failures, and the interval did not grow while nothing was sent: 10 s, then 15 s.
        WaitStep next = waiter.observed(due, run(9, RunStatus.RUNNING));
        assertThat(next.deferred()).isFalse();
        assertThat(next.pollAt()).isEqualTo(due.plusSeconds(15));
    }

    @Test
    void aSuccessfulPollResetsTheFailureCount() {
        RunWaiter waiter = RunWaiter.forRun(5, T0, Duration.ofHours(1), PollSchedule.DEFAULT);
        ApiException.ServerError down = new ApiException.ServerError("HTTP 503", null);
        for (int i = 1; i < RunWaiter.MAX_FAILURES; i++) {
            waiter.pollFailed(T0, down);
        }
        waiter.observed(T0, run(5, RunStatus.RUNNING));
        assertThat(waiter.pollFailed(T0, down).kind()).isEqualTo(WaitStep.Kind.POLL);
    }

    @Test
    void theStateSurvivesSerializationAsAPipelineSavesIt() throws Exception {
        RunWaiter waiter = RunWaiter.forQuery(
                RunQuery.of(SHA, "windows", "CCExtractor/ccextractor", "pr"),
                T0,
                Duration.ofMinutes(30),
                PollSchedule.DEFAULT);
        waiter.observed(T0, run(12, RunStatus.RUNNING));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(waiter);
        }
        RunWaiter back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (RunWaiter) in.readObject();
        }
        assertThat(back.runId()).hasValue(12);
        assertThat(back.lastStatus()).isEqualTo(RunStatus.RUNNING);
        assertThat(back.deadline()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(back.query()).contains(RunQuery.of(SHA, "windows", "CCExtractor/ccextractor", "pr"));
        assertThat(back.observed(T0.plusSeconds(10), run(12, RunStatus.PASS)).kind())
                .isEqualTo(WaitStep.Kind.FINISHED);
    }

    @Test
    void badFindCriteriaAreClearErrors() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunQuery.of("abc123", null, null, null))
                .hasMessageContaining("'abc123' is not a full commit id");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunQuery.of(" ", null, null, null))
                .hasMessageContaining("The commit is empty");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunQuery.of(SHA, "mac", null, null))
                .hasMessage("platform 'mac' is not one of linux, windows.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunQuery.of(SHA, null, "nope", null))
                .hasMessageContaining("'nope' is not owner/name");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunQuery.of(SHA, null, null, "nightly"))
                .hasMessage("testType 'nightly' is not one of commit, pr.");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TriggerRequest.of(SHA, "linux", "a/b", null, null, java.util.List.of()))
                .hasMessageContaining("empty");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TriggerRequest.of(SHA, null, "a/b", null, null, null))
                .hasMessageContaining("needs the platform");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TriggerRequest.of(SHA, "linux", "a/b", "bad branch", null, null))
                .hasMessageContaining("'bad branch'");
    }
}
