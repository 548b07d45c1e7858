package io.jenkins.plugins.sampleplatform.defer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@link DeferrableTask}s the way a busy Jenkins controller wants them run: the network part of every
 * slice on one bounded pool (at most {@link #MAX_THREADS} daemon threads, named, that end when idle), and every
 * wait between slices (a poll interval, a {@link Deferred} rate-limit hold or back-off) as a reschedule on a
 * {@link ScheduledExecutorService} the caller owns, so that a waiting task holds no thread at all. In Jenkins
 * the scheduler is {@code jenkins.util.Timer.get()}; in tests and the benchmark, a single-thread scheduler.
 *
 * <p>The scheduler only hands slices to the pool; it never runs one.
 */
public final class DeferringExecutor {

    /** The most pool threads a caller may ask for. */
    public static final int MAX_THREADS = 8;

    /** How long an idle pool thread lives by default. */
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(30);

    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    /**
     * @param name      prefix of the pool threads' names, e.g. {@code SamplePlatform wait}
     * @param threads   pool size, 1 to {@link #MAX_THREADS}
     * @param idle      how long an idle pool thread lives
     * @param scheduler where waits between slices are scheduled (not shut down by this class)
     * @param clock     the clock {@link Next#at} and {@link Deferred#notBefore} times are read against
     */
    public DeferringExecutor(String name, int threads, Duration idle, ScheduledExecutorService scheduler, Clock clock) {
        Objects.requireNonNull(name, "name");
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 1 to " + MAX_THREADS + ", was " + threads);
        }
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("idle must be positive, was " + idle);
        }
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pool = new ThreadPoolExecutor(
                threads, threads, idle.toNanos(), TimeUnit.NANOSECONDS, new LinkedBlockingQueue<>(), daemons(name));
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** {@link #MAX_THREADS} threads idle after {@link #DEFAULT_IDLE}, on the system clock. */
    public DeferringExecutor(String name, ScheduledExecutorService scheduler) {
        this(name, MAX_THREADS, DEFAULT_IDLE, scheduler, Clock.systemUTC());
    }

    /** Runs the task's first slice as soon as a pool thread is free. */
    public TaskHandle submit(DeferrableTask task) {
        TaskHandle handle = new TaskHandle(Objects.requireNonNull(task, "task"), this);
        handle.toPool();
        return handle;
    }

    /** Runs the task's first slice not before {@code at} (a restored build resuming its schedule). */
    public TaskHandle schedule(DeferrableTask task, Instant at) {
        TaskHandle handle = new TaskHandle(Objects.requireNonNull(task, "task"), this);
        handle.later(Objects.requireNonNull(at, "at"));
        return handle;
    }

    /** Live pool threads now, for diagnostics and the benchmark. */
    public int poolThreads() {
        return pool.getPoolSize();
    }

    /** The most pool threads alive at once so far. */
    public int largestPoolThreads() {
        return pool.getLargestPoolSize();
    }

    /**
     * Stops taking slices and lets the running ones end; scheduled tasks then fail with a
     * {@link java.util.concurrent.RejectedExecutionException} when their time comes. Does not touch the scheduler.
     */
    public void shutdown() {
        pool.shutdown();
    }

    ThreadPoolExecutor pool() {
        return pool;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    Clock clock() {
        return clock;
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + " " + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
