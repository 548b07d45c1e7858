package io.jenkins.plugins.sampleplatform.api.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;

/**
 * A clock that moves only when a test says so. A gate waiting on it re-checks every real millisecond, so
 * that moving the clock is seen at once; {@link #waits()} tells whether a caller had to wait at all.
 */
final class FakeClock implements GateClock {

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final AtomicLong epochMillis = new AtomicLong(1_760_000_000_000L);
    private final AtomicInteger waits = new AtomicInteger();

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public long currentTimeMillis() {
        return epochMillis.get();
    }

    @Override
    public void await(Condition condition, long nanosToWait) throws InterruptedException {
        waits.incrementAndGet();
        condition.await(1, TimeUnit.MILLISECONDS);
    }

    /** Moves both clocks forward. */
    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
        epochMillis.addAndGet(duration.toMillis());
    }

    /** Wall-clock now. */
    Instant now() {
        return Instant.ofEpochMilli(epochMillis.get());
    }

    /** Wall-clock now, in Unix seconds. */
    long epochSecond() {
        return epochMillis.get() / 1000;
    }

    /** Number of times a caller waited on this clock. */
    int waits() {
        return waits.get();
    }
}
