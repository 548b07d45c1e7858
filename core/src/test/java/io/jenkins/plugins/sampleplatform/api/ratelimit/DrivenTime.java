package io.jenkins.plugins.sampleplatform.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.api.RequestGate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.function.IntSupplier;

/**
 * Time that moves only when the test says, for many callers at once: a gate's hold and a client's back-off sleep
 * wait (re-checking every real millisecond) until the test has moved the time past their end. {@link #run} moves
 * it in steps, and only while every caller is done or waiting (in the gate or asleep) and no request is on its
 * way: so the outcome depends on neither the machine's load nor where a second boundary falls. Starts far from
 * today (by default), so the {@code Date} header the JDK's {@code HttpServer} stamps in real time is taken for
 * garbage, not for clock skew; the servers of these tests read this time instead.
 */
public final class DrivenTime extends ManualTime {

    private final AtomicInteger asleep = new AtomicInteger();

    public DrivenTime() {
        this(Instant.parse("2031-03-01T12:00:00Z"));
    }

    public DrivenTime(Instant start) {
        super(start);
    }

    /** The gate's wait: one real millisecond, then the gate re-checks against this time. */
    @Override
    public void await(Condition condition, long nanos) throws InterruptedException {
        condition.await(1, TimeUnit.MILLISECONDS);
    }

    /** A client's back-off sleep: until the test has moved the time past its end. */
    public void sleep(Duration wait) throws InterruptedException {
        long end = nanoTime() + wait.toNanos();
        asleep.incrementAndGet();
        try {
            while (nanoTime() < end) {
                Thread.sleep(1);
            }
        } finally {
            asleep.decrementAndGet();
        }
    }

    public void advance(Duration duration) {
        moveOn(duration);
    }

    /**
     * Runs {@code calls} at once, each on its own thread, moving the time on by {@code step} whenever all are
     * done or waiting ({@code gate}'s line, asleep) and {@code inFlight} (the server's requests being answered)
     * is zero. Returns each call's result, in order.
     */
    public <T> List<T> run(List<Callable<T>> calls, RequestGate gate, IntSupplier inFlight, Duration step)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(threads.submit(call));
            }
            long realDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                int done = (int) futures.stream().filter(Future::isDone).count();
                if (done == calls.size()) {
                    break;
                }
                int waiting = gate instanceof WindowGate windowGate ? windowGate.waiting() : 0;
                if (done + waiting + asleep.get() >= calls.size() && inFlight.getAsInt() == 0) {
                    advance(step);
                }
                assertThat(System.nanoTime() - realDeadline)
                        .as("the calls did not end within 60 s of real time")
                        .isNegative();
                Thread.sleep(1);
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
