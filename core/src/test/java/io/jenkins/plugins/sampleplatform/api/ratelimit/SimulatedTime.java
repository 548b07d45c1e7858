package io.jenkins.plugins.sampleplatform.api.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;

/**
 * Simulated time for one caller at a time: every wait (a back-off sleep, the gate's hold) moves the clock
 * forward by the time waited and returns at once, so a test reads exactly how long the client waited and never
 * depends on the machine's load or on where a second boundary falls. Starts at a fixed instant far from today,
 * so the {@code Date} header the JDK's {@code HttpServer} stamps in real time is taken for garbage, not for clock
 * skew: the server's rate-limit headers are written in this time by the test.
 */
public final class SimulatedTime extends ManualTime {

    /** Where every simulation starts, unless told: half a second into a second. */
    public static final Instant START = Instant.parse("2031-03-01T12:00:00.500Z");

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    public SimulatedTime() {
        this(START);
    }

    public SimulatedTime(Instant start) {
        super(start);
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
        moveOn(wait);
    }

    /** Every wait so far, gate holds and sleeps alike. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
