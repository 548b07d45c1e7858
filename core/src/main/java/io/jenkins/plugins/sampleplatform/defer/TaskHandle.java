package io.jenkins.plugins.sampleplatform.defer;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One task on a {@link DeferringExecutor}: the one future that stands for its next step (a scheduled hand-over
 * to the pool, or a slice queued or running there), kept under a lock together with a stop flag.
 *
 * <p>{@link #cancel} is race-free: the flag is set and the current future read under the lock; every
 * hand-over (scheduler to pool, slice to scheduler) happens under the same lock after re-checking the flag,
 * and a slice re-checks it before it starts. So after {@code cancel} returns no new slice starts, and a
 * slice already running is the only one that can still be (it is interrupted when asked).
 */
public final class TaskHandle {

    private final DeferrableTask task;
    private final DeferringExecutor executor;
    private final Object lock = new Object();
    /** The next step: a scheduled hand-over or a pool slice. Guarded by {@link #lock}. */
    private Future<?> current;

    private boolean stopped;
    private boolean done;

    TaskHandle(DeferrableTask task, DeferringExecutor executor) {
        this.task = task;
        this.executor = executor;
    }

    /**
     * Stops the task: no slice starts after this returns.
     *
     * @param interrupt whether to interrupt a slice that is running now (its HTTP call ends with an
     *                  {@link InterruptedException})
     * @return {@code false} when the task had already finished, failed or been cancelled
     */
    public boolean cancel(boolean interrupt) {
        Future<?> step;
        synchronized (lock) {
            if (stopped || done) {
                return false;
            }
            stopped = true;
            step = current;
            current = null;
        }
        if (step != null) {
            step.cancel(interrupt);
        }
        return true;
    }

    /** Whether the task has finished, failed or been cancelled. */
    public boolean isDone() {
        synchronized (lock) {
            return done || stopped;
        }
    }

    /** Whether {@link #cancel} was called (before the task ended). */
    public boolean isCancelled() {
        synchronized (lock) {
            return stopped;
        }
    }

    void toPool() {
        synchronized (lock) {
            if (stopped || done) {
                return;
            }
            try {
                current = executor.pool().submit(this::slice);
            } catch (RejectedExecutionException e) {
                done = true;
                current = null;
                task.failed(e);
            }
        }
    }

    void later(Instant at) {
        synchronized (lock) {
            if (stopped || done) {
                return;
            }
            long nanos =
                    Math.max(0, Duration.between(executor.clock().instant(), at).toNanos());
            try {
                current = executor.scheduler().schedule(this::toPool, nanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                done = true;
                current = null;
                task.failed(e);
            }
        }
    }

    private void slice() {
        synchronized (lock) {
            if (stopped || done) {
                return;
            }
        }
        Instant again;
        try {
            again = task.run().when().orElse(null);
        } catch (Deferred deferral) {
            if (isCancelled()) {
                return;
            }
            task.deferred(deferral);
            again = deferral.notBefore();
        } catch (Throwable failure) {
            synchronized (lock) {
                if (stopped) {
                    return; // cancelled while running: the failure is the interrupt's doing, the canceller knows
                }
                done = true;
                current = null;
            }
            task.failed(failure);
            return;
        }
        if (again == null) {
            synchronized (lock) {
                done = true;
                current = null;
            }
            return;
        }
        later(again);
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "TaskHandle[" + task + (stopped ? ", cancelled" : done ? ", done" : "") + "]";
        }
    }
}
