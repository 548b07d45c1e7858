package io.jenkins.plugins.sampleplatform.wait;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.defer.DeferrableTask;
import io.jenkins.plugins.sampleplatform.defer.DeferringExecutor;
import io.jenkins.plugins.sampleplatform.defer.Next;
import io.jenkins.plugins.sampleplatform.defer.TaskHandle;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The decisions of {@link ExecutionControl}, one interleaving of an abort with the work per test, without timing:
 * the abort against the {@code POST /runs} (issue 20, item 3), the one completion of the step and the one cancel of
 * the platform's run (item 4), and the task cancelled however early the abort came (item 2).
 */
class ExecutionControlTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DeferringExecutor executor = new DeferringExecutor("ExecutionControlTest", scheduler);
    private final ExecutionControl control = new ExecutionControl();
    private final RuntimeException abort = new RuntimeException("aborted");
    private final AtomicInteger slices = new AtomicInteger();

    private final DeferrableTask counting = new DeferrableTask() {
        @Override
        public Next run() {
            slices.incrementAndGet();
            return Next.done();
        }

        @Override
        public void failed(Throwable failure) {}
    };

    @AfterEach
    void tearDown() {
        executor.shutdown();
        scheduler.shutdownNow();
    }

    private TaskHandle later() {
        return executor.schedule(counting, Instant.now().plus(1, ChronoUnit.HOURS));
    }

    @Test
    void anAbortCancelsTheTask() {
        TaskHandle task = later();
        control.attach(task);
        assertThat(control.stop(abort, false, null)).isEqualTo(ExecutionControl.Stopped.NOW);
        assertThat(task.isCancelled()).isTrue();
        assertThat(slices).hasValue(0);
    }

    @Test
    void aTaskAttachedAfterTheAbortIsCancelledOnAttaching() {
        // start() submits, then attaches: an abort in between must still stop the task.
        control.stop(abort, false, null);
        TaskHandle task = later();
        control.attach(task);
        assertThat(task.isCancelled()).isTrue();
        assertThat(control.isStopped()).isTrue();
    }

    @Test
    void anAbortBeforeThePostMeansNoPost() {
        control.stop(abort, true, null);
        assertThat(control.tryStartPosting()).as("the POST must not go out").isFalse();
        assertThat(control.isPosting()).isFalse();
    }

    @Test
    void withCancelOnAbortAnAbortDuringThePostLetsItFinishAndItsEndCancelsTheRun() {
        TaskHandle task = later();
        control.attach(task);
        assertThat(control.tryStartPosting()).isTrue();
        assertThat(control.isPosting()).isTrue();

        assertThat(control.stop(abort, true, null)).isEqualTo(ExecutionControl.Stopped.AFTER_POST);
        assertThat(task.isCancelled()).as("the POST is let finish").isFalse();

        assertThat(control.endPosting(63)).isSameAs(abort);
        assertThat(control.claimCancel()).isTrue();
        assertThat(control.claimCancel()).as("asked once").isFalse();
        assertThat(control.claimCompletion()).as("the abort ended the step").isFalse();
    }

    @Test
    void withoutCancelOnAbortAnAbortDuringThePostStopsIt() {
        TaskHandle task = later();
        control.attach(task);
        control.tryStartPosting();
        assertThat(control.stop(abort, false, null)).isEqualTo(ExecutionControl.Stopped.NOW);
        assertThat(task.isCancelled()).isTrue();
        assertThat(control.endPosting(null)).isNull();
        assertThat(control.runToCancel()).isNull();
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
    void afterAnAbortTheWorkMayNotCompleteTheStep() {
        control.stop(abort, false, null);
        assertThat(control.claimCompletion()).isFalse();
    }
}
