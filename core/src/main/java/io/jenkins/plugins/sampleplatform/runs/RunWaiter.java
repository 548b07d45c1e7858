package io.jenkins.plugins.sampleplatform.runs;

import io.jenkins.plugins.sampleplatform.defer.Deferred;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Waiting for a run to become final, as a pure state machine driven by the caller's clock: told what a poll saw
 * (or that it failed) and when, it says "poll again at T", "final: fetch the summary", "timed out" or "failed".
 * It sleeps nowhere and holds no thread, so the command line drives it with a blocking loop
 * ({@link BlockingWait}) and the Jenkins step with scheduled polls; its whole state (the run id or the find
 * criteria, the deadline, the last status, the interval) is a few plain fields, saved with a Pipeline and read
 * back after a controller restart. It holds nothing secret.
 *
 * <p>Final statuses are {@code pass}, {@code fail}, {@code error} and {@code canceled} ({@code incomplete} too:
 * the platform never sends it, and it is judged as an error). A run that goes back from {@code running} to
 * {@code queued} was restarted on the platform: the wait goes on. Failures that waiting can mend (no connection,
 * a 5xx, a spent rate limit, an unreachable database) are polled again, up to {@value #MAX_FAILURES} in a row.
 */
public final class RunWaiter implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Consecutive failed polls after which waiting gives up. */
    public static final int MAX_FAILURES = 5;

    private final RunQuery query;
    private Integer runId;
    private final long startMillis;
    private final long deadlineMillis;
    private final PollSchedule schedule;
    private RunStatus lastStatus;
    private long intervalMillis;
    private int failures;
    /** When {@link #lastStatus} was seen (epoch millis; 0 before the first, or in a state saved before it was kept). */
    private long lastSeenMillis;
    /** Why the latest of the {@link #failures} polls in a row failed, or {@code null}. */
    private String lastFailure;

    private RunWaiter(RunQuery query, Integer runId, Instant start, Duration timeout, PollSchedule schedule) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The timeout must not be negative, was " + timeout);
        }
        this.query = query;
        this.runId = runId;
        this.startMillis = start.toEpochMilli();
        this.deadlineMillis = start.plus(timeout).toEpochMilli();
        this.schedule = schedule;
        this.intervalMillis = schedule.first().toMillis();
    }

    /** Waits for a known run. */
    public static RunWaiter forRun(int runId, Instant start, Duration timeout, PollSchedule schedule) {
        return new RunWaiter(null, runId, start, timeout, schedule);
    }

    /** Waits for the newest run of a commit: first for it to appear, then for it to be final. */
    public static RunWaiter forQuery(RunQuery query, Instant start, Duration timeout, PollSchedule schedule) {
        return new RunWaiter(java.util.Objects.requireNonNull(query, "query"), null, start, timeout, schedule);
    }

    /** The first step: poll now. */
    public WaitStep start() {
        return WaitStep.poll(Instant.ofEpochMilli(startMillis), List.of());
    }

    /** The run waited for, once known. */
    public OptionalInt runId() {
        return runId == null ? OptionalInt.empty() : OptionalInt.of(runId);
    }

    /** The find criteria, when the wait began from a commit. */
    public Optional<RunQuery> query() {
        return Optional.ofNullable(query);
    }

    /** The last status seen, or {@code null} before the first. */
    public RunStatus lastStatus() {
        return lastStatus;
    }

    public Instant deadline() {
        return Instant.ofEpochMilli(deadlineMillis);
    }

    /** How long the wait has lasted at {@code now}. */
    public Duration waited(Instant now) {
        return Duration.ofMillis(Math.max(0, now.toEpochMilli() - startMillis));
    }

    /** A poll at {@code now} saw {@code run} (a found run, or the polled one's current state). */
    public WaitStep observed(Instant now, RunInfo run) {
        List<String> news = new ArrayList<>();
        failures = 0;
        lastFailure = null;
        lastSeenMillis = now.toEpochMilli();
        if (runId == null) {
            runId = run.runId();
            news.add(RunFinder.foundLine(run, query));
        } else if (lastStatus == null) {
            news.add("Run " + runId + " is " + run.status().wireValue() + " (" + Waits.timestamp(now) + ").");
        } else if (lastStatus != run.status()) {
            String restarted = run.status() == RunStatus.QUEUED && lastStatus != RunStatus.QUEUED
                    ? " (restarted on the platform)"
                    : "";
            news.add("Run " + runId + ": " + lastStatus.wireValue() + " -> "
                    + run.status().wireValue() + restarted + " (" + Waits.timestamp(now) + ").");
        }
        lastStatus = run.status();
        if (run.status().isFinished()) {
            return WaitStep.finished(run, news);
        }
        return next(now, news);
    }

    /** A poll for the commit's run at {@code now} found none yet. */
    public WaitStep notFoundYet(Instant now) {
        failures = 0;
        lastFailure = null;
        List<String> news = new ArrayList<>();
        if (lastStatus == null && intervalMillis == schedule.first().toMillis()) {
            news.add("No run for " + query.describe() + " yet; waiting for the platform to create one.");
        }
        return next(now, news);
    }

    /**
     * A poll at {@code now} failed. A failure that waiting can mend is polled again (up to {@value #MAX_FAILURES}
     * in a row); any other ends the wait.
     */
    public WaitStep pollFailed(Instant now, SummaryException failure) {
        if (now.toEpochMilli() >= deadlineMillis && failure.isTransient()) {
            // A poll cut short by the deadline (its timeout is the time left) is the timeout, not a failure.
            return WaitStep.timedOut(timedOut(now), List.of());
        }
        if (!failure.isTransient() || ++failures >= MAX_FAILURES) {
            return WaitStep.failed(failure, List.of());
        }
        lastFailure = failure.getMessage();
        return next(now, List.of("Polling failed (" + failure.getMessage() + "); trying again."));
    }

    /**
     * A poll at {@code now} was not sent: a non-blocking client would have had to wait (the rate-limit window is
     * spent, or a retry's back-off). Not a failure: the same poll goes again at the deferral's {@code notBefore}
     * (never earlier than planned), the interval does not grow and the count of failures stays as it is.
     */
    public WaitStep deferred(Instant now, Deferred deferral) {
        long at = Math.max(deferral.notBefore().toEpochMilli(), now.toEpochMilli());
        return WaitStep.deferredPoll(Instant.ofEpochMilli(at), List.of("Poll deferred: " + deferral.describe() + "."));
    }

    private WaitStep next(Instant now, List<String> news) {
        long nowMillis = now.toEpochMilli();
        if (nowMillis >= deadlineMillis) {
            return WaitStep.timedOut(timedOut(now), news);
        }
        long at = Math.min(nowMillis + intervalMillis, deadlineMillis);
        intervalMillis = schedule.next(Duration.ofMillis(intervalMillis)).toMillis();
        return WaitStep.poll(Instant.ofEpochMilli(at), news);
    }

    private WaitTimedOut timedOut(Instant now) {
        String waited = Waits.describe(waited(now));
        String failed = failures == 0
                ? ""
                : "the " + (failures == 1 ? "poll" : failures + " polls") + " since then failed (" + lastFailure + ")";
        if (runId == null) {
            return new WaitTimedOut(
                    "No run for " + query.describe() + " appeared within " + waited
                            + (failures == 0 ? "" : "; " + failed.replace(" since then", ""))
                            + ". Check the commit, platform and repository, or wait longer.",
                    null,
                    null);
        }
        if (lastStatus == null) {
            return new WaitTimedOut(
                    "Run " + runId + " could not be read within " + waited
                            + (failures == 0 ? "" : ": " + failed.replace(" since then", "")) + ".",
                    runId,
                    null);
        }
        if (failures > 0) {
            // The run may have finished while the polls failed: say what is known, not "still queued".
            String seen = lastSeenMillis > 0
                    ? " at " + Waits.timestamp(Instant.ofEpochMilli(lastSeenMillis)) + " ("
                            + Waits.describe(Duration.ofMillis(now.toEpochMilli() - lastSeenMillis)) + " ago)"
                    : "";
            return new WaitTimedOut(
                    "Gave up waiting for run " + runId + " after " + waited + ": it was last seen "
                            + lastStatus.wireValue() + seen + ", and " + failed + ".",
                    runId,
                    lastStatus);
        }
        return new WaitTimedOut(
                "Run " + runId + " is still " + lastStatus.wireValue() + " after waiting " + waited
                        + "; it has not finished.",
                runId,
                lastStatus);
    }
}
