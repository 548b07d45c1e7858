package io.jenkins.plugins.sampleplatform.api.ratelimit;

import java.util.concurrent.locks.Condition;

/** The time a gate reads and waits on; tests substitute one they can move by hand. */
interface GateClock {

    /** Monotonic time for measuring waits, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Wall-clock time, for comparing with the server's Unix-second {@code X-RateLimit-Reset}. */
    long currentTimeMillis();

    /**
     * Waits on {@code condition}, whose lock the caller holds, for at most {@code nanos} of this clock's
     * time. May return early (a signal or a spurious wake-up): callers re-check their state in a loop.
     */
    void await(Condition condition, long nanos) throws InterruptedException;

    /** The system's clocks. */
    GateClock SYSTEM = new GateClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void await(Condition condition, long nanos) throws InterruptedException {
            condition.awaitNanos(nanos);
        }
    };
}
