package io.jenkins.plugins.sampleplatform.wait;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The decisions of {@link ExecutionControl}, driven by hand: the timer's and the pool's work runs only when the test
 * says, so each interleaving of an abort with the work is one test, without threads or timing (issue 20, items 2-4).
 */
class ExecutionControlTest {

    /** Queues work; the test runs it. A cancelled {@link FutureTask} does nothing when run, as in a real pool. */
    private static final class ManualPool extends AbstractExecutorService {
        final List<Runnable> queued = new ArrayList<>();
        Runnable onExecute = () -> {};
        int interrupts;

        @Override
        public void execute(Runnable command) {
            onExecute.run();
            queued.add(command);
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(queued);
            queued.clear();
            now.forEach(Runnable::run);
        }

        @Override
        protected <T> java.util.concurrent.RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
            return new FutureTask<>(runnable, value) {
                @Override
                public boolean cancel(boolean mayInterruptIfRunning) {
                    if (mayInterruptIfRunning) {
                        interrupts++;
                    }
                    return super.cancel(mayInterruptIfRunning);
                }
            };
        }

        @Override
        public void shutdown() {}

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    private final ManualPool timerThreads = new ManualPool();
    private final ManualPool pool = new ManualPool();
    private final ExecutionControl control =
            new ExecutionControl((work, delayMillis) -> timerThreads.submit(work), pool);
    private final AtomicInteger polls = new AtomicInteger();
    private final RuntimeException abort = new RuntimeException("aborted");

    @Test
    void workGoesFromTheTimerToThePool() {
        control.schedule(10_000, polls::incrementAndGet);
        timerThreads.runAll();
        assertThat(polls).hasValue(0);
        pool.runAll();
        assertThat(polls).hasValue(1);
    }

    @Test
    void aStopBeforeTheTimerFiresMeansNoPoll() {
        control.schedule(10_000, polls::incrementAndGet);
        assertThat(control.stop(abort, false, null)).isEqualTo(ExecutionControl.Stopped.NOW);
        timerThreads.runAll();
        pool.runAll();
        assertThat(polls).hasValue(0);
        assertThat(pool.queued).isEmpty();
    }

    @Test
    void aStopWhileTheTimerHandsThePollToThePoolCancelsThatPoll() {
        control.schedule(10_000, polls::incrementAndGet);
        // The abort lands while the timer's task is submitting the poll (the old code's window: stop() cancelled the
        // timer's finished future, and the poll it had just submitted ran on).
        pool.onExecute = () -> control.stop(abort, false, null);
        timerThreads.runAll();
        Thread.interrupted(); // the stop interrupted the timer's task, which ran on this thread
        pool.runAll();
        assertThat(polls).as("no poll after the step ended").hasValue(0);
    }

    @Test
    void aStopCancelsThePollOnThePoolWithAnInterrupt() {
        control.schedule(0, polls::incrementAndGet);
        timerThreads.runAll();
        control.stop(abort, false, null);
        assertThat(pool.interrupts).isEqualTo(1);
        pool.runAll();
        assertThat(polls).hasValue(0);
    }

    @Test
    void nothingIsScheduledOnceStopped() {
        control.stop(abort, false, null);
        control.schedule(0, polls::incrementAndGet);
        assertThat(timerThreads.queued).isEmpty();
    }

    @Test
    void anAbortBeforeThePostMeansNoPost() {
        control.stop(abort, true, null);
        assertThat(control.tryStartPosting()).as("the POST must not go out").isFalse();
    }

    @Test
    void withCancelOnAbortAnAbortDuringThePostLetsItFinishAndItsEndCancelsTheRun() {
        control.schedule(0, polls::incrementAndGet);
        timerThreads.runAll();
        assertThat(control.tryStartPosting()).isTrue();
        assertThat(control.isPosting()).isTrue();

        assertThat(control.stop(abort, true, null)).isEqualTo(ExecutionControl.Stopped.AFTER_POST);
        assertThat(pool.interrupts).as("the POST is not interrupted").isZero();

        assertThat(control.endPosting(63)).isSameAs(abort);
        assertThat(control.claimCancel()).isTrue();
        assertThat(control.claimCancel()).as("asked once").isFalse();
        assertThat(control.claimCompletion()).as("the abort ended the step").isFalse();
    }

    @Test
    void withoutCancelOnAbortAnAbortDuringThePostInterruptsIt() {
        control.schedule(0, polls::incrementAndGet);
        timerThreads.runAll();
        control.tryStartPosting();
        assertThat(control.stop(abort, false, null)).isEqualTo(ExecutionControl.Stopped.NOW);
        assertThat(pool.interrupts).isEqualTo(1);
        assertThat(control.endPosting(null)).isNull();
    }

    @Test
    void anAbortJustAfterThePostCancelsTheRunItStarted() {
        control.tryStartPosting();
        assertThat(control.endPosting(64)).isNull();
        // The wait has not begun yet (no waiter): the run is known from the POST's answer.
        assertThat(control.stop(abort, true, null)).isEqualTo(ExecutionControl.Stopped.NOW);
        assertThat(control.runToCancel()).isEqualTo(64);
    }

    @Test
    void anAbortDuringTheWaitCancelsTheWaitedRunOnce() {
        assertThat(control.stop(abort, true, 65)).isEqualTo(ExecutionControl.Stopped.NOW);
        assertThat(control.runToCancel()).isEqualTo(65);
        assertThat(control.stop(abort, true, 65)).isEqualTo(ExecutionControl.Stopped.ALREADY_ENDED);
        assertThat(control.claimCancel()).isFalse();
    }

    @Test
    void withoutCancelOnAbortNothingIsCancelled() {
        control.stop(abort, false, 66);
        assertThat(control.runToCancel()).isNull();
    }

    @Test
    void theStepEndsOnce() {
        assertThat(control.claimCompletion()).isTrue();
        assertThat(control.claimCompletion()).isFalse();
        assertThat(control.stop(abort, true, 67)).isEqualTo(ExecutionControl.Stopped.ALREADY_ENDED);
        assertThat(control.runToCancel()).as("a finished step cancels nothing").isNull();
    }

    @Test
    void futuresOfThePoolAreTheOnesCancelled() {
        control.schedule(0, polls::incrementAndGet);
        timerThreads.runAll();
        Future<?> queued = (Future<?>) pool.queued.get(0);
        control.stop(abort, false, null);
        assertThat(queued.isCancelled()).isTrue();
    }
}
