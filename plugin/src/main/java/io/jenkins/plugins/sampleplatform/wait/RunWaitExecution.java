package io.jenkins.plugins.sampleplatform.wait;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.config.SamplePlatformConfiguration;
import io.jenkins.plugins.sampleplatform.publish.PublishedSummary;
import io.jenkins.plugins.sampleplatform.publish.SummaryOptions;
import io.jenkins.plugins.sampleplatform.publish.SummaryPublisher;
import io.jenkins.plugins.sampleplatform.publish.SummarySources;
import io.jenkins.plugins.sampleplatform.runs.PollSchedule;
import io.jenkins.plugins.sampleplatform.runs.RunFinder;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.runs.RunLookup;
import io.jenkins.plugins.sampleplatform.runs.RunPoll;
import io.jenkins.plugins.sampleplatform.runs.RunQuery;
import io.jenkins.plugins.sampleplatform.runs.RunTrigger;
import io.jenkins.plugins.sampleplatform.runs.RunWaiter;
import io.jenkins.plugins.sampleplatform.runs.TriggerRequest;
import io.jenkins.plugins.sampleplatform.runs.WaitStep;
import io.jenkins.plugins.sampleplatform.summary.InvalidRunIdException;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.io.IOException;
import java.io.Serial;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The Pipeline execution that finds a commit's run, starts one ({@code sampleplatformRun}), waits for it to be
 * final and then publishes its summary, without holding a thread while it waits: each poll is scheduled on
 * Jenkins' {@link Timer} and runs on a small pool of its own (network I/O must not block the CPS VM thread nor the
 * shared timer), the way workflow-basic-steps' {@code sleep} schedules its wake-up.
 *
 * <p>Restart-safe like {@code sleep}, {@code input} and SonarQube's {@code waitForQualityGate}: the saved state is
 * the core {@link RunWaiter} (run id or find criteria, deadline, last status, interval), the options (credentials
 * <em>id</em>, URL, thresholds) and, for a trigger, the request; nothing secret. {@link #onResume} re-reads the
 * credentials and polls at once. Aborting the build cancels the scheduled poll (or interrupts the one in flight)
 * at once, and with {@code cancelOnAbort} asks the platform to cancel the run.
 */
public final class RunWaitExecution extends StepExecution {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String PREFIX = "[Sample Platform] ";
    /** Without a timeout of its own the wait is bounded by Jenkins' {@code timeout} step; this is only a backstop. */
    private static final Duration NO_TIMEOUT = Duration.ofDays(30);

    private static ExecutorService executor;

    private final SummaryOptions options;
    private final @CheckForNull RunQuery query;
    private final @CheckForNull TriggerRequest trigger;
    private final boolean wait;
    private final long timeoutMillis;
    private final boolean cancelOnAbort;

    /** The saved state of the wait; {@code null} until the run is known or the wait began. */
    private volatile @CheckForNull RunWaiter waiter;

    private transient volatile RunLookup lookup;
    private transient volatile Future<?> task;
    private transient volatile Throwable stopCause;
    private transient volatile boolean resumed;
    private transient volatile boolean posting;
    /** Whether the context was completed (or an abort claimed it): a StepContext is completed exactly once. */
    private transient boolean completed;
    /** Whether the platform was asked to cancel the run ({@code cancelOnAbort}): asked once only. */
    private transient boolean cancelRequested;
    /** An abort that came while the {@code POST /runs} was in flight, left to {@link #startRun} to end the step. */
    private transient Throwable deferredAbort;

    /**
     * @param options       where to read from and how to judge; {@code options.runId} set unless {@code query} or
     *                      {@code trigger} is
     * @param query         find the commit's newest run, or {@code null}
     * @param trigger       start a run first ({@code sampleplatformRun}), or {@code null}
     * @param wait          wait until the run is final (always with a trigger)
     * @param timeout       the wait's own limit, or {@code null} to rely on Jenkins' {@code timeout} step
     * @param cancelOnAbort cancel the platform's run when the build is aborted
     */
    public RunWaitExecution(
            StepContext context,
            SummaryOptions options,
            @CheckForNull RunQuery query,
            @CheckForNull TriggerRequest trigger,
            boolean wait,
            @CheckForNull Duration timeout,
            boolean cancelOnAbort) {
        super(context);
        this.options = options;
        this.query = query;
        this.trigger = trigger;
        this.wait = wait || trigger != null;
        this.timeoutMillis = timeout == null ? 0 : timeout.toMillis();
        this.cancelOnAbort = cancelOnAbort;
    }

    @Override
    public boolean start() {
        schedule(0);
        return false;
    }

    @Override
    public void onResume() {
        resumed = true;
        lookup = null;
        schedule(0);
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        stopCause = cause;
        if (!claimCompletion()) {
            cancelTask(true);
            return; // the step already ended with its value or error
        }
        // With cancelOnAbort a POST in flight is let finish: its answer names the run to cancel, which an
        // interrupted POST would lose while the platform may have started the run.
        boolean deferred = cancelOnAbort && deferAbortToPost(cause);
        cancelTask(!deferred);
        if (deferred) {
            return; // startRun cancels the run the POST started, then ends the step with cause
        }
        RunWaiter state = waiter;
        if (cancelOnAbort && state != null && state.runId().isPresent() && claimCancel()) {
            int runId = state.runId().getAsInt();
            // The cancel is a request to the platform: never on the thread that asked to stop.
            executor().submit(() -> {
                try {
                    cancelRun(runId);
                } finally {
                    getContext().onFailure(cause);
                }
            });
        } else {
            getContext().onFailure(cause);
        }
    }

    private void cancelTask(boolean interrupt) {
        Future<?> current = task;
        if (current != null) {
            current.cancel(interrupt);
        }
    }

    @Override
    public @CheckForNull String getStatus() {
        RunWaiter state = waiter;
        if (state == null) {
            return trigger != null ? "starting a run" : "looking for the run";
        }
        String run = state.runId().isPresent() ? "run " + state.runId().getAsInt() : "the commit's run";
        String last = state.lastStatus() == null
                ? ""
                : " (last status " + state.lastStatus().wireValue() + ")";
        // Without a timeout of its own the deadline is only the 30-day backstop: not worth showing.
        String until = timeoutMillis > 0 ? " until " + state.deadline() : "";
        return "waiting for " + run + last + until;
    }

    /** Only while a {@code POST /runs} is in flight: a restart then could not tell whether it was received. */
    @Override
    public boolean blocksRestart() {
        return posting;
    }

    private void schedule(long delayMillis) {
        if (stopCause != null) {
            return;
        }
        task = Timer.get()
                .schedule(
                        () -> {
                            if (stopCause == null) {
                                task = executor().submit(this::advanceSafely);
                            }
                        },
                        Math.max(0, delayMillis),
                        TimeUnit.MILLISECONDS);
    }

    private void advanceSafely() {
        try {
            advance();
        } catch (InterruptedException e) {
            fail(e);
        } catch (Exception e) {
            Throwable cause = stopCause;
            if (!fail(e) && cause != null) {
                cause.addSuppressed(e);
            }
        }
    }

    /** One step of the work: start or find the run when needed, poll once, then schedule, publish or end. */
    private void advance() throws IOException, InterruptedException {
        if (stopCause != null) {
            return;
        }
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        SamplePlatformConfiguration config = SamplePlatformConfiguration.get();
        if (waiter == null) {
            if (trigger != null) {
                startRun(run, listener, config);
                if (stopCause != null) {
                    return; // aborted while the run was being started: startRun or stop ended the step
                }
            } else if (!wait) {
                RunInfo found;
                try {
                    found = RunFinder.find(lookup(run, listener, config), query);
                } catch (SummaryException e) {
                    throw new AbortException(PREFIX + e.getMessage());
                }
                listener.getLogger()
                        .println(PREFIX
                                + Messages.Runs_Found(
                                        found.runId(), found.status().wireValue(), query));
                finish(run, listener, found.runId(), null);
                return;
            } else {
                beginWait(listener, query != null ? null : parseRunId(options.runId));
            }
        }
        RunWaiter state = waiter;
        WaitStep step = RunPoll.once(state, lookup(run, listener, config), Clock.systemUTC());
        step.news().forEach(line -> listener.getLogger().println(PREFIX + line));
        switch (step.kind()) {
            case POLL -> schedule(Duration.between(Instant.now(), step.pollAt()).toMillis());
            case FINISHED ->
                finish(
                        run,
                        listener,
                        step.run().runId(),
                        state.waited(Instant.now()).toMillis());
            case TIMED_OUT -> timedOut(run, listener, state, step.failure());
            case FAILED -> throw new AbortException(PREFIX + step.failure().getMessage());
        }
    }

    private void beginWait(TaskListener listener, Integer runId) {
        Instant now = Instant.now();
        Duration timeout = timeoutMillis > 0 ? Duration.ofMillis(timeoutMillis) : NO_TIMEOUT;
        waiter = runId != null
                ? RunWaiter.forRun(runId, now, timeout, PollSchedule.DEFAULT)
                : RunWaiter.forQuery(query, now, timeout, PollSchedule.DEFAULT);
        String what = runId != null ? "run " + runId : String.valueOf(query);
        String until = timeoutMillis > 0 ? Messages.Runs_WaitingUntil(now.plus(timeout)) : "";
        listener.getLogger().println(PREFIX + Messages.Runs_Waiting(what, until));
    }

    private void startRun(Run<?, ?> run, TaskListener listener, SamplePlatformConfiguration config)
            throws IOException, InterruptedException {
        if (resumed) {
            // The saved state predates the POST or its answer: starting again could make a second run.
            throw new AbortException(PREFIX + Messages.Runs_RestartedWhileStarting(trigger.query()));
        }
        RunTrigger runs = RunSources.trigger(run, listener, options, config);
        RunInfo started = null;
        Throwable deferred;
        if (stopCause != null) {
            return; // aborted before the request: start nothing
        }
        startPosting();
        try {
            started = runs.trigger(trigger);
        } catch (SummaryException e) {
            throw new AbortException(PREFIX + e.getMessage());
        } finally {
            deferred = endPosting();
            if (deferred != null && started == null) {
                getContext().onFailure(deferred); // aborted, and nothing was started
            }
        }
        try {
            listener.getLogger()
                    .println(PREFIX
                            + Messages.Runs_Started(
                                    started.runId(), started.status().wireValue(), runPage(config, started.runId())));
            beginWait(listener, started.runId());
            // Aborted during or just after the POST: stop() could not know the run; cancel it here (once).
            if (stopCause != null && cancelOnAbort && claimCancel()) {
                boolean interrupted = Thread.interrupted(); // stop() may have interrupted this thread
                try {
                    cancelRun(started.runId());
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        } finally {
            if (deferred != null) {
                getContext().onFailure(deferred);
            }
        }
    }

    private synchronized void startPosting() {
        posting = true;
    }

    /** {@code true} when a POST is in flight: {@link #startRun} then ends the step with {@code cause}. */
    private synchronized boolean deferAbortToPost(Throwable cause) {
        if (!posting) {
            return false;
        }
        deferredAbort = cause;
        return true;
    }

    /** Ends the POST; returns the abort that came meanwhile, if any. */
    private synchronized @CheckForNull Throwable endPosting() {
        posting = false;
        Throwable deferred = deferredAbort;
        deferredAbort = null;
        return deferred;
    }

    private synchronized boolean claimCancel() {
        if (cancelRequested) {
            return false;
        }
        cancelRequested = true;
        return true;
    }

    private void finish(Run<?, ?> run, TaskListener listener, int runId, @CheckForNull Long waitedMillis)
            throws IOException, InterruptedException {
        PublishedSummary published = SummaryPublisher.publishWithFailures(run, listener, options.forRun(runId));
        Map<String, Object> value = StepValue.of(published);
        if (waitedMillis != null) {
            value.put("waited_ms", waitedMillis);
        }
        if (options.propagate) {
            StageStatus.mark(getContext(), published.report());
        }
        complete(value);
    }

    /** The deadline passed: the build is NOT_BUILT (like an unfinished run) and the step returns what it knows. */
    private void timedOut(Run<?, ?> run, TaskListener listener, RunWaiter state, SummaryException failure)
            throws IOException, InterruptedException {
        String message = Messages.Runs_TimedOut(failure.getMessage());
        listener.getLogger().println(PREFIX + message);
        if (options.propagate) {
            run.setResult(Result.NOT_BUILT);
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("run_id", state.runId().isPresent() ? state.runId().getAsInt() : null);
        value.put(
                "status", state.lastStatus() == null ? null : state.lastStatus().wireValue());
        value.put("result", Result.NOT_BUILT.toString());
        List<String> reasons = new ArrayList<>();
        reasons.add(failure.getMessage());
        value.put("reasons", reasons);
        value.put("waited_ms", state.waited(Instant.now()).toMillis());
        if (options.propagate) {
            StageStatus.mark(getContext(), Result.NOT_BUILT, failure.getMessage());
        }
        complete(value);
    }

    /** Ends the step with its value, unless an abort already ended it. */
    private void complete(Map<String, Object> value) {
        if (stopCause == null && claimCompletion()) {
            getContext().onSuccess(value);
        }
    }

    /** Ends the step with an error, unless an abort already ended it; {@code false} when it did. */
    private boolean fail(Throwable error) {
        if (stopCause == null && claimCompletion()) {
            getContext().onFailure(error);
            return true;
        }
        return false;
    }

    /**
     * {@code true} for the first caller only: a poll that ends just as the build is aborted must not complete the
     * context a second time (the abort's {@link #stop} and the poll's result run on different threads).
     */
    private synchronized boolean claimCompletion() {
        if (completed) {
            return false;
        }
        completed = true;
        return true;
    }

    private void cancelRun(int runId) {
        TaskListener listener = TaskListener.NULL;
        try {
            Run<?, ?> run = getContext().get(Run.class);
            listener = getContext().get(TaskListener.class);
            listener.getLogger().println(PREFIX + Messages.Runs_Canceling(runId));
            String answer = RunSources.trigger(run, listener, options, SamplePlatformConfiguration.get())
                    .cancel(runId, "Jenkins build " + run.getFullDisplayName() + " was aborted");
            listener.getLogger().println(PREFIX + Messages.Runs_Canceled(runId, answer));
        } catch (SummaryException | IOException e) {
            // A refusal (role, scope, DB mode) is logged, not hidden; the build is aborted either way.
            listener.getLogger().println(PREFIX + Messages.Runs_CancelFailed(runId, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RunLookup lookup(Run<?, ?> run, TaskListener listener, SamplePlatformConfiguration config)
            throws AbortException {
        RunLookup current = lookup;
        if (current == null) {
            // Built once per start or resume: the credentials are read again after a restart.
            current = RunSources.lookup(run, listener, options, config);
            lookup = current;
        }
        return current;
    }

    private String runPage(SamplePlatformConfiguration config, int runId) {
        try {
            BaseUrl baseUrl = SummarySources.baseUrl(options, config);
            return String.valueOf(baseUrl.runPage(runId));
        } catch (AbortException e) {
            return "";
        }
    }

    private static Integer parseRunId(String text) throws AbortException {
        try {
            return RunIds.parse(text);
        } catch (InvalidRunIdException e) {
            throw new AbortException(PREFIX + e.getMessage());
        }
    }

    private static synchronized ExecutorService executor() {
        if (executor == null) {
            executor = Executors.newCachedThreadPool(new NamingThreadFactory(
                    new ClassLoaderSanityThreadFactory(new DaemonThreadFactory()), "Sample Platform run wait"));
        }
        return executor;
    }
}
