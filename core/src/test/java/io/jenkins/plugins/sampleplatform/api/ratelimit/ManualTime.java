package io.jenkins.plugins.sampleplatform.api.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** Time that moves only when told: the monotonic and the wall clock of {@link SimulatedTime} and {@link DrivenTime}. */
public abstract class ManualTime implements GateClock {

    private final long startMillis;
    private final AtomicLong elapsedNanos = new AtomicLong();

    ManualTime(Instant start) {
        this.startMillis = start.toEpochMilli();
    }

    @Override
    public long nanoTime() {
        return 1_000_000_000L + elapsedNanos.get();
    }

    @Override
    public long currentTimeMillis() {
        return startMillis + elapsedNanos.get() / 1_000_000L;
    }

    /** Now, on the wall clock. */
    public Instant now() {
        return Instant.ofEpochMilli(currentTimeMillis());
    }

    /** How much time has passed. */
    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos.get());
    }

    /** Moves both clocks on. */
    void moveOn(Duration duration) {
        elapsedNanos.addAndGet(Math.max(0, duration.toNanos()));
    }

    /** This time as a UTC {@link Clock}, for the client's deadlines. */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    /** A rate-limit gate of its own on this time. */
    public WindowGate gate() {
        return new WindowGate("manual time", this);
    }
}
