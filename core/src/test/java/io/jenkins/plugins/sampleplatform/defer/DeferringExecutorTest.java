package io.jenkins.plugins.sampleplatform.defer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bounded pool and the reschedules, on a fixed clock, with every delay recorded instead of waited. */
class DeferringExecutorTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    /** A scheduler that records each delay asked for and runs the hand-over at once. */
    private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        final List<Duration> delays = new CopyOnWriteArrayList<>();

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(Duration.ofNanos(unit.toNanos(delay)));
            return super.schedule(command, 0, unit);
        }
    }

    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final DeferringExecutor executor =
            new DeferringExecutor("test pool", 2, Duration.ofSeconds(1), scheduler, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        executor.shutdown();
        scheduler.shutdownNow();
    }

    @Test
    void runsSlicesUntilDoneReschedulingAtTheTimesTheTaskAndItsDeferralsName() throws Exception {
        CompletableFuture<String> finished = new CompletableFuture<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger slices = new AtomicInteger();
        executor.submit(new DeferrableTask() {
            @Override
            public Next run() throws Deferred {
                threads.add(Thread.currentThread().getName());
                switch (slices.incrementAndGet()) {
                    case 1:
                        return Next.at(NOW.plusSeconds(10));
                    case 2:
                        throw new Deferred(
                                NOW.plusSeconds(31), Duration.ofSeconds(31), Deferred.Reason.WINDOW_SPENT, null, 1);
                    default:
                        finished.complete("done");
                        return Next.done();
                }
            }

            @Override
            public void deferred(Deferred deferral) {
                log.add(deferral.describe());
            }

            @Override
            public void failed(Throwable failure) {
                finished.completeExceptionally(failure);
            }
        });

        assertThat(finished.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(slices).hasValue(3);
        assertThat(scheduler.delays).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(31));
        assertThat(log).containsExactly("rate-limit window spent, trying again in 31 s");
        assertThat(threads).allSatisfy(name -> assertThat(name).startsWith("test pool "));
        assertThat(executor.largestPoolThreads()).isLessThanOrEqualTo(2);
    }

    @Test
    void aFailureEndsTheTaskAndIsReported() throws Exception {
        CompletableFuture<Throwable> reported = new CompletableFuture<>();
        TaskHandle handle = executor.submit(new DeferrableTask() {
            @Override
            public Next run() {
                throw new IllegalStateException("boom");
            }

            @Override
            public void failed(Throwable failure) {
                reported.complete(failure);
            }
        });
        assertThat(reported.get(10, TimeUnit.SECONDS)).hasMessage("boom");
        assertThat(handle.isDone()).isTrue();
        assertThat(handle.isCancelled()).isFalse();
    }

    @Test
    void cancelInterruptsTheRunningSliceAndNoSliceStartsAfterIt() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        AtomicInteger slices = new AtomicInteger();
        TaskHandle handle = executor.submit(new DeferrableTask() {
            @Override
            public Next run() {
                slices.incrementAndGet();
                running.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.complete(true);
                }
                return Next.at(NOW); // would run again at once, were it not cancelled
            }

            @Override
            public void failed(Throwable failure) {
                interrupted.completeExceptionally(failure);
            }
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(handle.cancel(true)).isTrue();

        assertThat(interrupted.get(10, TimeUnit.SECONDS)).isTrue();
        // The pool has nothing left: a slice started after the cancel would show here.
        executor.shutdown();
        assertThat(executor.pool().awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(slices).hasValue(1);
        assertThat(handle.isCancelled()).isTrue();
        assertThat(handle.cancel(true)).as("a second cancel").isFalse();
    }

    @Test
    void aTaskCancelledWhileScheduledNeverRuns() throws Exception {
        ScheduledThreadPoolExecutor realScheduler = new ScheduledThreadPoolExecutor(1);
        DeferringExecutor later = new DeferringExecutor(
                "later", 1, Duration.ofSeconds(1), realScheduler, Clock.fixed(NOW, ZoneOffset.UTC));
        try {
            AtomicInteger slices = new AtomicInteger();
            TaskHandle handle = later.schedule(
                    new DeferrableTask() {
                        @Override
                        public Next run() {
                            slices.incrementAndGet();
                            return Next.done();
                        }

                        @Override
                        public void failed(Throwable failure) {}
                    },
                    NOW.plus(Duration.ofHours(1)));
            assertThat(handle.cancel(false)).isTrue();
            assertThat(realScheduler.getQueue())
                    .allSatisfy(f ->
                            assertThat(((ScheduledFuture<?>) f).isCancelled()).isTrue());
            assertThat(slices).hasValue(0);
        } finally {
            later.shutdown();
            realScheduler.shutdownNow();
        }
    }

    @Test
    void refusesMoreThanEightThreads() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new DeferringExecutor("big", 9, Duration.ofSeconds(1), scheduler, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be 1 to 8, was 9");
    }
}
