package io.jenkins.plugins.sampleplatform.defer;

/**
 * Work that runs in slices on a {@link DeferringExecutor}'s bounded pool and never sleeps: each slice does its
 * network part and says what comes next. A slice that throws {@link Deferred} (a non-blocking client that would
 * have had to wait) runs again at the deferral's {@code notBefore}.
 *
 * <p>Slices of one task never overlap: the next one is scheduled only after the previous one has returned.
 */
public interface DeferrableTask {

    /**
     * Runs one slice on a pool thread.
     *
     * @return {@link Next#done()}, or {@link Next#at} to run again then (a poll interval)
     * @throws Deferred    to run the slice again at {@link Deferred#notBefore()} ({@link #deferred} is told first)
     * @throws Exception   anything else ends the task: {@link #failed} is told
     */
    Next run() throws Exception;

    /** Told on the pool thread when a slice was deferred, before it is rescheduled: a line for the log. */
    default void deferred(Deferred deferral) {}

    /**
     * Told on the pool thread when a slice threw something other than {@link Deferred}, or when the pool refused
     * the task (it was shut down; then a {@link java.util.concurrent.RejectedExecutionException}). Not told
     * after {@link TaskHandle#cancel}: the canceller knows.
     */
    void failed(Throwable failure);
}
