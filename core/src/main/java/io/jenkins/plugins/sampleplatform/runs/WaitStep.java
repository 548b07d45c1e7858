package io.jenkins.plugins.sampleplatform.runs;

import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.time.Instant;
import java.util.List;

/**
 * What a {@link RunWaiter} says to do next, with the lines worth printing about what it just learnt (a run
 * found, a change of status, a poll that failed and will be repeated).
 */
public final class WaitStep {

    /** The kinds of answer. */
    public enum Kind {
        /** Poll again at {@link #pollAt()}. */
        POLL,
        /** The run is final: fetch its summary once, {@link #run()}. */
        FINISHED,
        /** The deadline passed before the run was final; {@link #failure()} says so. */
        TIMED_OUT,
        /** Polling failed in a way waiting cannot mend; {@link #failure()} says why. */
        FAILED
    }

    private final Kind kind;
    private final Instant pollAt;
    private final RunInfo run;
    private final SummaryException failure;
    private final List<String> news;
    private final boolean deferred;

    private WaitStep(Kind kind, Instant pollAt, RunInfo run, SummaryException failure, List<String> news) {
        this(kind, pollAt, run, failure, news, false);
    }

    private WaitStep(
            Kind kind, Instant pollAt, RunInfo run, SummaryException failure, List<String> news, boolean deferred) {
        this.deferred = deferred;
        this.kind = kind;
        this.pollAt = pollAt;
        this.run = run;
        this.failure = failure;
        this.news = List.copyOf(news);
    }

    static WaitStep poll(Instant at, List<String> news) {
        return new WaitStep(Kind.POLL, at, null, null, news);
    }

    /** The poll was not sent (a non-blocking client would have had to wait): the same poll, again at {@code at}. */
    static WaitStep deferredPoll(Instant at, List<String> news) {
        return new WaitStep(Kind.POLL, at, null, null, news, true);
    }

    static WaitStep finished(RunInfo run, List<String> news) {
        return new WaitStep(Kind.FINISHED, null, run, null, news);
    }

    static WaitStep timedOut(WaitTimedOut failure, List<String> news) {
        return new WaitStep(Kind.TIMED_OUT, null, null, failure, news);
    }

    static WaitStep failed(SummaryException failure, List<String> news) {
        return new WaitStep(Kind.FAILED, null, null, failure, news);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Whether this {@link Kind#POLL} repeats a poll that was deferred, not sent: the caller resumes that same
     * call (with the same {@code CallBudget}, keeping its attempts and its place at the rate-limit gate).
     */
    public boolean deferred() {
        return deferred;
    }

    /** When to poll next ({@link Kind#POLL} only). */
    public Instant pollAt() {
        return pollAt;
    }

    /** The final run ({@link Kind#FINISHED} only). */
    public RunInfo run() {
        return run;
    }

    /** Why waiting ended without a final run ({@link Kind#TIMED_OUT}, {@link Kind#FAILED}). */
    public SummaryException failure() {
        return failure;
    }

    /** Lines for the log about what this step learnt; often empty. */
    public List<String> news() {
        return news;
    }

    @Override
    public String toString() {
        return kind
                + (deferred ? " (deferred)" : "")
                + (pollAt != null ? " at " + pollAt : "")
                + (run != null ? " " + run : "");
    }
}
