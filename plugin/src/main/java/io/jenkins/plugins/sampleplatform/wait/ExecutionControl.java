package io.jenkins.plugins.sampleplatform.wait;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.sampleplatform.defer.TaskHandle;

/**
 * Who ends a Pipeline execution: the abort, the {@code POST /runs} in flight, the platform-side cancel. The work's
 * scheduling and its race-free cancel are core's {@link TaskHandle}; this decides, under one lock, what an abort
 * means for the step:
 * <ul>
 *   <li>the task is cancelled (a handle attached after the abort is cancelled on attaching);</li>
 *   <li>the {@code POST} starts only if no abort came first ({@link #tryStartPosting}), and an abort during it (with
 *       {@code cancelOnAbort}) is left to the POST's end, which knows the run to cancel;</li>
 *   <li>the step is completed once: by its result, its error or the abort, whichever claims it first;</li>
 *   <li>the platform is asked to cancel a run at most once.</li>
 * </ul>
 * Transient: made anew when a build resumes after a restart (nothing of it survives one).
 */
final class ExecutionControl {

    /** What {@link #stop} decided. */
    enum Stopped {
        /** The step had already ended: nothing more to do. */
        ALREADY_ENDED,
        /** A {@code POST /runs} is in flight: its end completes the step and cancels the run it started. */
        AFTER_POST,
        /** The caller completes the step with the abort now (and cancels {@link #runToCancel}, if any). */
        NOW
    }

    private TaskHandle task;
    private Throwable stopCause;
    private boolean completed;
    private boolean posting;
    private Throwable deferredAbort;
    private Integer startedRunId;
    private boolean cancelClaimed;
    private Integer runToCancel;

    /** The execution's task; cancelled at once when the abort came first. */
    void attach(TaskHandle handle) {
        boolean stopped;
        synchronized (this) {
            task = handle;
            stopped = stopCause != null;
        }
        if (stopped) {
            handle.cancel(true);
        }
    }

    synchronized boolean isStopped() {
        return stopCause != null;
    }

    /** Whether a {@code POST /runs} is in flight. */
    synchronized boolean isPosting() {
        return posting;
    }

    /** {@code true} for the first caller only, and never once stopped: the step's result or error may go out. */
    synchronized boolean claimCompletion() {
        if (completed || stopCause != null) {
            return false;
        }
        completed = true;
        return true;
    }

    /** The {@code POST /runs} may go out: no abort came first. Atomic with {@link #stop}. */
    synchronized boolean tryStartPosting() {
        if (stopCause != null) {
            return false;
        }
        posting = true;
        return true;
    }

    /**
     * The {@code POST} ended, having started {@code runId} (or nothing). From now on an abort cancels that run.
     *
     * @return the abort that came during the POST, which the caller must now complete the step with (and cancel the
     *     started run if {@link #claimCancel} says so), or {@code null}
     */
    synchronized @CheckForNull Throwable endPosting(@CheckForNull Integer runId) {
        posting = false;
        startedRunId = runId;
        Throwable deferred = deferredAbort;
        deferredAbort = null;
        return deferred;
    }

    /**
     * The build was aborted. Cancels the scheduled or running work (but not a POST in flight when the platform's run
     * must then be cancelled: its answer names the run).
     *
     * @param cancelOnAbort whether the platform's run is to be cancelled
     * @param waitedRunId   the run the wait knows, if any
     */
    Stopped stop(Throwable cause, boolean cancelOnAbort, @CheckForNull Integer waitedRunId) {
        TaskHandle current;
        boolean interrupt = true;
        Stopped decision;
        synchronized (this) {
            if (stopCause == null) {
                stopCause = cause;
            }
            current = task;
            if (completed) {
                decision = Stopped.ALREADY_ENDED;
            } else {
                completed = true;
                if (cancelOnAbort && posting) {
                    deferredAbort = cause;
                    interrupt = false;
                    decision = Stopped.AFTER_POST;
                } else {
                    Integer runId = startedRunId != null ? startedRunId : waitedRunId;
                    if (cancelOnAbort && runId != null && claimCancel()) {
                        runToCancel = runId;
                    }
                    decision = Stopped.NOW;
                }
            }
        }
        if (current != null && interrupt) {
            current.cancel(true);
        }
        return decision;
    }

    /** The run {@link #stop} decided to cancel, or {@code null}. */
    synchronized @CheckForNull Integer runToCancel() {
        return runToCancel;
    }

    /** {@code true} for the first caller only: the platform is asked to cancel a run once. */
    synchronized boolean claimCancel() {
        if (cancelClaimed) {
            return false;
        }
        cancelClaimed = true;
        return true;
    }
}
