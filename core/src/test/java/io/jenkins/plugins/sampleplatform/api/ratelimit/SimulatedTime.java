package io.jenkins.plugins.sampleplatform.api.ratelimit;

import io.jenkins.plugins.sampleplatform.api.RequestGate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;

/**
 * Simulated time for one caller at a time: every wait (a back-off sleep, the gate's hold) moves the clock
 * forward by the time waited and returns at once, so a test reads exactly how long the client waited and never
 * depends on the machine's load or on where a second boundary falls. Starts at a fixed instant far from today,
 * so the {@code Date} header the JDK's {@code HttpServer} stamps in real time is taken for garbage, not for clock
 * skew: the server's rate-limit headers are written in this time by the test.
 */
public final class SimulatedTime implements GateClock {

    /** Where every simulation starts, unless told: half a second into a second. */
    public static final Instant START = Instant.parse("2031-03-01T12:00:00.500Z");

    private final long startMillis;
    private final AtomicLong elapsedNanos = new AtomicLong();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    public SimulatedTime() {
        this(START);
    }

    public SimulatedTime(Instant start) {
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

    /** The gate's hold: time moves on by the whole hold, nothing waits. */
    @Override
    public void await(Condition condition, long nanos) {
        advance(Duration.ofNanos(nanos));
    }

    /** A back-off sleep: time moves on, nothing waits; an interrupt is honoured as {@code Thread.sleep} does. */
    public void sleep(Duration wait) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        advance(wait);
    }

    private void advance(Duration wait) {
        waits.add(wait);
        elapsedNanos.addAndGet(Math.max(0, wait.toNanos()));
    }

    /** Now. */
    public Instant now() {
        return Instant.ofEpochMilli(currentTimeMillis());
    }

    /** How much simulated time has passed. */
    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos.get());
    }

    /** Every wait so far, gate holds and sleeps alike. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    /** This time as a {@link Clock}, for the client. */
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
    public RequestGate gate() {
        return new WindowGate("simulated", this);
    }
}
