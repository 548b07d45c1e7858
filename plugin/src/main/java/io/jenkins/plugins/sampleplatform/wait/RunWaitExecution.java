package io.jenkins.plugins.sampleplatform.wait;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The Pipeline execution of both steps: it publishes a run's summary, finds a commit's run, starts one
 * ({@code sampleplatformRun}) and waits for it to be final, without holding a thread while it waits. Each piece of
 * work is scheduled on Jenkins' {@link jenkins.util.Timer} and runs on the plugin's bounded pool ({@link WaitPool}: network I/O
 * must not block the CPS VM thread nor the shared timer), the way workflow-basic-steps' {@code sleep} schedules its
 * wake-up; {@link ExecutionControl} decides, under one lock, what an abort stops and who completes the step.
 *
 * <p>Restart-safe like {@code sleep}, {@code input} and SonarQube's {@code waitForQualityGate}: the saved state is
 * the request (the options: credentials <em>id</em>, URL, thresholds; the run id or find criteria; for a trigger,
 * the request), the start time and the core {@link RunWaiter} (deadline, last status, interval); nothing secret.
 * {@link #onResume} re-reads the credentials and carries on at once: a plain summary is fetched again, a wait polls.
 * Aborting the build cancels the scheduled work (or interrupts the one in flight) at once, and with
 * {@code cancelOnAbort} asks the platform to cancel the run after the step has ended.
 */
public final class RunWaitExecution extends StepExecution {

    @Serial
    private static final long serialVersionUID = 2L;

    private static final String PREFIX = "[Sample Platform] ";
    private static final Logger LOGGER = Logger.getLogger(RunWaitExecution.class.getName());
    /** Without a timeout of its own the wait is bounded by Jenkins' {@code timeout} step; this is only a backstop. */
    private static final Duration NO_TIMEOUT = Duration.ofDays(30);

    private final SummaryOptions options;
    private final @CheckForNull RunQuery query;
    private final @CheckForNull TriggerRequest trigger;
    private final boolean wait;
    private final long timeoutMillis;
    private final boolean cancelOnAbort;
    /** When the step started: a restart before the first poll must not move the deadline. */
    private final long startMillis;

    /**
     * The saved state of the wait; {@code null} until the run is known or the wait began. Replaced, never changed:
     * a poll works on a copy and publishes it, so a program save never sees a half-updated waiter.
     */
    private volatile @CheckForNull RunWaiter waiter;

    private transient volatile RunLookup lookup;
    private transient volatile boolean resumed;
    private transient ExecutionControl control;

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
        this.startMillis = System.currentTimeMillis();
    }

    /** The publish, find or wait of the plain summary step: its run id given, or a commit's run. */
    public static RunWaitExecution summary(
            StepContext context,
            SummaryOptions options,
            @CheckForNull RunQuery query,
            boolean wait,
            @CheckForNull Duration timeout) {
        return new RunWaitExecution(context, options, query, null, wait, timeout, false);
    }

    private synchronized ExecutionControl control() {
        if (control == null) {
            control = ExecutionControl.onJenkins();
        }
        return control;
    }

    @Override
    public boolean start() {
        control().schedule(0, this::advanceSafely);
        return false;
    }

    @Override
    public void onResume() {
        resumed = true;
        lookup = null;
        control().schedule(0, this::advanceSafely);
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        RunWaiter state = waiter;
        Integer known =
                state != null && state.runId().isPresent() ? state.runId().getAsInt() : null;
        ExecutionControl control = control();
        if (control.stop(cause, cancelOnAbort, known) != ExecutionControl.Stopped.NOW) {
            return; // ended already, or the POST in flight ends the step when its answer names the run
        }
        Integer toCancel = control.runToCancel();
        Runnable cancel = toCancel == null ? null : prepareCancel(toCancel);
        // Ended first: an abort never waits for the platform's answer to the cancel.
        getContext().onFailure(cause);
        if (cancel != null) {
            WaitPool.get().execute(cancel);
        }
    }

    @Override
    public @CheckForNull String getStatus() {
        RunWaiter state = waiter;
        if (state == null) {
            if (trigger != null) {
                return "starting a run";
            }
            return query != null ? "looking for the run" : "fetching the summary of run " + options.runId;
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
        return control().isPosting();
    }

    private void advanceSafely() {
        try {
            advance();
        } catch (Exception e) {
            fail(e); // an InterruptedException too: the abort's, or the pool's at shutdown
        }
    }

    /** One step of the work: start, find or name the run, poll once, then schedule, publish or end. */
    private void advance() throws IOException, InterruptedException {
        ExecutionControl control = control();
        if (control.isStopped()) {
            return;
        }
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        SamplePlatformConfiguration config = SamplePlatformConfiguration.get();
        if (waiter == null) {
            if (trigger != null) {
                if (!startRun(run, listener, config)) {
                    return; // aborted before or during the POST: the abort ended the step
                }
            } else if (!wait && query == null) {
                finish(run, listener, parseRunId(options.runId), null);
                return;
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
        RunWaiter next = WaiterCopy.of(waiter);
        WaitStep step = RunPoll.once(next, lookup(run, listener, config), Clock.systemUTC());
        waiter = next;
        step.news().forEach(line -> listener.getLogger().println(PREFIX + line));
        switch (step.kind()) {
            case POLL ->
                control.schedule(Duration.between(Instant.now(), step.pollAt()).toMillis(), this::advanceSafely);
            case FINISHED ->
                finish(
                        run,
                        listener,
                        step.run().runId(),
                        next.waited(Instant.now()).toMillis());
            case TIMED_OUT -> timedOut(run, listener, next, step.failure());
            case FAILED -> throw new AbortException(PREFIX + step.failure().getMessage());
        }
    }

    private void beginWait(TaskListener listener, Integer runId) {
        Instant start = Instant.ofEpochMilli(startMillis);
        Duration timeout = timeoutMillis > 0 ? Duration.ofMillis(timeoutMillis) : NO_TIMEOUT;
        waiter = runId != null
                ? RunWaiter.forRun(runId, start, timeout, PollSchedule.DEFAULT)
                : RunWaiter.forQuery(query, start, timeout, PollSchedule.DEFAULT);
        String what = runId != null ? "run " + runId : String.valueOf(query);
        String until = timeoutMillis > 0 ? Messages.Runs_WaitingUntil(start.plus(timeout)) : "";
        listener.getLogger().println(PREFIX + Messages.Runs_Waiting(what, until));
    }

    /**
     * Starts the run and begins waiting for it.
     *
     * @return {@code false} when an abort came before or during the POST (the step has then ended)
     */
    private boolean startRun(Run<?, ?> run, TaskListener listener, SamplePlatformConfiguration config)
            throws IOException, InterruptedException {
        if (resumed) {
            // The saved state predates the POST or its answer: starting again could make a second run.
            throw new AbortException(PREFIX + Messages.Runs_RestartedWhileStarting(trigger.query()));
        }
        RunTrigger runs = RunSources.trigger(run, listener, options, config);
        ExecutionControl control = control();
        if (!control.tryStartPosting()) {
            return false; // aborted before the request: start nothing
        }
        RunInfo started = null;
        Throwable deferred;
        try {
            started = runs.trigger(trigger);
        } catch (SummaryException e) {
            throw new AbortException(PREFIX + e.getMessage());
        } finally {
            deferred = control.endPosting(started == null ? null : started.runId());
            if (deferred != null && started == null) {
                getContext().onFailure(deferred); // aborted, and nothing was started
            }
        }
        listener.getLogger()
                .println(PREFIX
                        + Messages.Runs_Started(
                                started.runId(), started.status().wireValue(), runPage(config, started.runId())));
        beginWait(listener, started.runId());
        if (deferred == null) {
            return true;
        }
        // Aborted while the POST was in flight: end the step, then cancel the run it started (once).
        Runnable cancel = control.claimCancel() ? prepareCancel(started.runId()) : null;
        getContext().onFailure(deferred);
        if (cancel != null) {
            WaitPool.get().execute(cancel);
        }
        return false;
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
        if (control().claimCompletion()) {
            getContext().onSuccess(value);
        }
    }

    /** Ends the step with an error, unless an abort already ended it (which then said why). */
    private void fail(Throwable error) {
        if (control().claimCompletion()) {
            getContext().onFailure(error);
        } else {
            LOGGER.log(Level.FINE, "After the step ended", error);
        }
    }

    /**
     * Says in the build's log that the platform is asked to cancel {@code runId}, and returns the request, to run on
     * the pool once the step has ended. Its outcome goes to the build's log while the build still writes one (a
     * {@code catchError} or {@code finally} after the step) and always to the controller's log.
     */
    private @CheckForNull Runnable prepareCancel(int runId) {
        Run<?, ?> run;
        TaskListener listener;
        try {
            run = getContext().get(Run.class);
            listener = getContext().get(TaskListener.class);
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOGGER.log(Level.WARNING, "Cannot ask the platform to cancel run " + runId + ": the build is gone", e);
            return null;
        }
        listener.getLogger().println(PREFIX + Messages.Runs_Canceling(runId));
        return () -> cancelRun(run, listener, runId);
    }

    private void cancelRun(Run<?, ?> run, TaskListener listener, int runId) {
        String outcome;
        try {
            String answer = RunSources.trigger(run, listener, options, SamplePlatformConfiguration.get())
                    .cancel(runId, "Jenkins build " + run.getFullDisplayName() + " was aborted");
            outcome = Messages.Runs_Canceled(runId, answer);
        } catch (SummaryException | IOException e) {
            // A refusal (role, scope, DB mode) is logged, not hidden; the build was aborted either way.
            outcome = Messages.Runs_CancelFailed(runId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Messages.Runs_CancelFailed(runId, "interrupted");
        }
        listener.getLogger().println(PREFIX + outcome);
        LOGGER.log(Level.INFO, "{0}: {1}", new Object[] {run.getFullDisplayName(), outcome});
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
}
