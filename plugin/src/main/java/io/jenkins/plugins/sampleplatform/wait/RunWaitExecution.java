package io.jenkins.plugins.sampleplatform.wait;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.CallBudget;
import io.jenkins.plugins.sampleplatform.config.SamplePlatformConfiguration;
import io.jenkins.plugins.sampleplatform.defer.DeferrableTask;
import io.jenkins.plugins.sampleplatform.defer.Deferred;
import io.jenkins.plugins.sampleplatform.defer.Next;
import io.jenkins.plugins.sampleplatform.publish.PublishedSummary;
import io.jenkins.plugins.sampleplatform.publish.SummaryOptions;
import io.jenkins.plugins.sampleplatform.publish.SummaryPublisher;
import io.jenkins.plugins.sampleplatform.publish.SummarySources;
import io.jenkins.plugins.sampleplatform.runs.PollSchedule;
import io.jenkins.plugins.sampleplatform.runs.RunFinder;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.runs.RunPoll;
import io.jenkins.plugins.sampleplatform.runs.RunQuery;
import io.jenkins.plugins.sampleplatform.runs.RunWaiter;
import io.jenkins.plugins.sampleplatform.runs.TriggerRequest;
import io.jenkins.plugins.sampleplatform.runs.WaitStep;
import io.jenkins.plugins.sampleplatform.summary.InvalidRunIdException;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
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
 * ({@code sampleplatformRun}) and waits for it to be final, and holds no thread while it waits. It is a task of the
 * plugin's one {@link WaitExecutor}: each slice of work (a poll, a find, the POST, the summary) runs on its bounded
 * pool, and every wait in between (the poll interval, a rate-limit window, a back-off after a 5xx) is a reschedule
 * on Jenkins' timer. A call the client defers ({@link Deferred}: nothing, or nothing more, was sent) is made again
 * later with the same {@link CallBudget}, so its deadline, attempts and place in the token's line carry over.
 * {@link ExecutionControl} decides, under one lock, what an abort stops and who completes the step.
 *
 * <p>Restart-safe like {@code sleep}, {@code input} and SonarQube's {@code waitForQualityGate}: the saved state is
 * the request (the options: credentials <em>id</em>, URL, thresholds; the run id or find criteria; for a trigger,
 * the request), the start time, the core {@link RunWaiter} (deadline, last status, interval), the run to publish
 * once known and the pending call's budget; nothing secret, and never a thread. {@link #onResume} re-reads the
 * credentials and carries on at once: a plain summary is fetched again, a wait polls. Aborting the build cancels
 * the task (interrupting a call in flight), and with {@code cancelOnAbort} asks the platform to cancel the run
 * after the step has ended.
 */
public final class RunWaitExecution extends StepExecution implements DeferrableTask {

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
    /** The run whose summary is published, once known: the wait's or search's end, or the step's run id. */
    private volatile @CheckForNull Integer publishRunId;

    private volatile @CheckForNull Long waitedMillis;
    /** The budget of the call in progress, kept while the client defers it; {@code null} between calls. */
    private volatile @CheckForNull CallBudget call;

    private transient volatile PlatformCalls calls;
    /** The summary fetched, while its failing samples are still to be listed. */
    private transient volatile RunSummary fetched;

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

    /** The plain summary step: its run id given, or a commit's run found, with or without waiting. */
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
            control = new ExecutionControl();
        }
        return control;
    }

    @Override
    public boolean start() {
        control().attach(WaitExecutor.get().submit(this));
        return false;
    }

    @Override
    public void onResume() {
        resumed = true;
        calls = null;
        control().attach(WaitExecutor.get().submit(this));
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
        PlatformCalls current = calls;
        if (current != null) {
            current.abandon(call); // a deferred call will not be made again: free its place in the token's line
        }
        Integer toCancel = control.runToCancel();
        CancelTask cancel = toCancel == null ? null : prepareCancel(toCancel);
        // Ended first: an abort never waits for the platform's answer to the cancel.
        getContext().onFailure(cause);
        if (cancel != null) {
            WaitExecutor.get().submit(cancel);
        }
    }

    @Override
    public @CheckForNull String getStatus() {
        RunWaiter state = waiter;
        Integer publishing = publishRunId;
        if (publishing != null) {
            return "fetching the summary of run " + publishing;
        }
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

    /** One slice, on the pool: as {@code SYSTEM}, like the timer's tasks (credentials use the build's own rights). */
    @Override
    public Next run() throws Exception {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return slice();
        }
    }

    @Override
    public void deferred(Deferred deferral) {
        try {
            getContext().get(TaskListener.class).getLogger().println(PREFIX + deferral.describe());
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, "No build log for " + deferral.describe(), e);
        }
    }

    /** Ends the step with an error, unless an abort already ended it (which then said why). */
    @Override
    public void failed(Throwable error) {
        if (control().claimCompletion()) {
            getContext().onFailure(error);
        } else {
            LOGGER.log(Level.FINE, "After the step ended", error);
        }
    }

    /**
     * One slice of the work: start, find or name the run, poll once, or publish.
     *
     * @throws Deferred when the client deferred the call in progress: the executor runs the slice again then
     */
    private Next slice() throws IOException, InterruptedException, Deferred {
        if (control().isStopped()) {
            return Next.done();
        }
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        SamplePlatformConfiguration config = SamplePlatformConfiguration.get();
        if (publishRunId != null) {
            return publish(run, listener, config);
        }
        if (waiter == null) {
            if (trigger != null) {
                return startRun(run, listener, config) ? Next.at(Instant.now()) : Next.done();
            }
            if (!wait && query == null) {
                publishRunId = parseRunId(options.runId);
                return publish(run, listener, config);
            }
            if (!wait) {
                RunInfo found = find(calls(run, listener, config));
                listener.getLogger()
                        .println(PREFIX
                                + Messages.Runs_Found(
                                        found.runId(), found.status().wireValue(), query));
                publishRunId = found.runId();
                return publish(run, listener, config);
            }
            beginWait(listener, query != null ? null : parseRunId(options.runId));
        }
        return poll(run, listener, config);
    }

    private RunInfo find(PlatformCalls calls) throws AbortException, Deferred, InterruptedException {
        try {
            RunInfo found = RunFinder.find(calls.runs(startCall(calls)), query);
            call = null;
            return found;
        } catch (Deferred deferral) {
            throw deferral;
        } catch (SummaryException e) {
            call = null;
            throw new AbortException(PREFIX + e.getMessage());
        }
    }

    private Next poll(Run<?, ?> run, TaskListener listener, SamplePlatformConfiguration config)
            throws IOException, InterruptedException, Deferred {
        PlatformCalls calls = calls(run, listener, config);
        RunWaiter next = WaiterCopy.of(waiter);
        WaitStep step = RunPoll.once(next, calls.runs(startCall(calls)), Clock.systemUTC());
        if (!step.deferred()) {
            call = null; // a deferred poll is the same call, resumed with the same budget
        }
        waiter = next;
        step.news().forEach(line -> listener.getLogger().println(PREFIX + line));
        switch (step.kind()) {
            case POLL -> {
                return Next.at(step.pollAt());
            }
            case FINISHED -> {
                waitedMillis = next.waited(Instant.now()).toMillis();
                publishRunId = step.run().runId();
                return publish(run, listener, config);
            }
            case TIMED_OUT -> {
                timedOut(run, listener, next, step.failure());
                return Next.done();
            }
            default -> throw new AbortException(PREFIX + step.failure().getMessage());
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
     * @throws Deferred when the gate deferred the POST before sending it: the slice is made again later
     */
    private boolean startRun(Run<?, ?> run, TaskListener listener, SamplePlatformConfiguration config)
            throws IOException, InterruptedException, Deferred {
        if (resumed) {
            // The saved state predates the POST or its answer: starting again could make a second run.
            throw new AbortException(PREFIX + Messages.Runs_RestartedWhileStarting(trigger.query()));
        }
        PlatformCalls calls = calls(run, listener, config);
        ExecutionControl control = control();
        if (!control.tryStartPosting()) {
            return false; // aborted before the request: start nothing
        }
        RunInfo started = null;
        Throwable deferred;
        try {
            started = calls.trigger(startCall(calls)).trigger(trigger);
            call = null;
        } catch (Deferred deferral) {
            throw deferral; // nothing was sent: the same call again later (an abort meanwhile is handled below)
        } catch (SummaryException e) {
            call = null;
            throw new AbortException(PREFIX + e.getMessage());
        } finally {
            deferred = control.endPosting(started == null ? null : started.runId());
            if (deferred != null && started == null) {
                calls.abandon(call); // aborted, and nothing was started
                getContext().onFailure(deferred);
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
        CancelTask cancel = control.claimCancel() ? prepareCancel(started.runId()) : null;
        getContext().onFailure(deferred);
        if (cancel != null) {
            WaitExecutor.get().submit(cancel);
        }
        return false;
    }

    /** Fetches the summary (once), lists its failing samples, keeps and judges them, and ends the step. */
    private Next publish(Run<?, ?> run, TaskListener listener, SamplePlatformConfiguration config)
            throws IOException, InterruptedException, Deferred {
        PlatformCalls calls = calls(run, listener, config);
        SummaryOptions forRun = options.forRun(publishRunId);
        SummaryPublisher.policy(forRun);
        if (fetched == null) {
            try {
                fetched = SummaryPublisher.fetch(listener, calls.summaries(startCall(calls)), publishRunId);
            } catch (AbortException e) {
                call = null;
                throw e;
            }
            call = null;
        }
        PublishedSummary published =
                SummaryPublisher.publish(run, listener, forRun, fetched, calls.summaries(startCall(calls)));
        call = null;
        Map<String, Object> value = StepValue.of(published);
        Long waited = waitedMillis;
        if (waited != null) {
            value.put("waited_ms", waited);
        }
        if (options.propagate) {
            StageStatus.mark(getContext(), published.report());
        }
        complete(value);
        return Next.done();
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

    /** The budget of the call in progress: the deferred one's, resumed, or a new call's. */
    private @CheckForNull CallBudget startCall(PlatformCalls calls) {
        CallBudget current = call;
        if (current == null) {
            current = calls.newCall();
            call = current;
        }
        return current;
    }

    private PlatformCalls calls(Run<?, ?> run, TaskListener listener, SamplePlatformConfiguration config)
            throws AbortException {
        PlatformCalls current = calls;
        if (current == null) {
            // Made once per start or resume: the credentials are read again after a restart. Starting a run needs
            // the API, said before any database setting is read.
            current = trigger != null
                    ? PlatformCalls.forTrigger(run, listener, options, config)
                    : PlatformCalls.of(run, listener, options, config);
            calls = current;
        }
        return current;
    }

    /**
     * Says in the build's log that the platform is asked to cancel {@code runId}, and returns the request, to run
     * once the step has ended. Its outcome goes to the build's log while the build still writes one (a
     * {@code catchError} or {@code finally} after the step) and always to the controller's log.
     */
    private @CheckForNull CancelTask prepareCancel(int runId) {
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
        return new CancelTask(run, listener, runId);
    }

    /** The platform-side cancel, after the step ended: a task of its own, deferred like any call. */
    private final class CancelTask implements DeferrableTask {

        private final Run<?, ?> run;
        private final TaskListener listener;
        private final int runId;
        private CallBudget cancelCall;

        CancelTask(Run<?, ?> run, TaskListener listener, int runId) {
            this.run = run;
            this.listener = listener;
            this.runId = runId;
        }

        @Override
        public Next run() throws Exception {
            try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
                PlatformCalls platform =
                        PlatformCalls.forTrigger(run, listener, options, SamplePlatformConfiguration.get());
                if (cancelCall == null) {
                    cancelCall = platform.newCall();
                }
                String answer = platform.trigger(cancelCall)
                        .cancel(runId, "Jenkins build " + run.getFullDisplayName() + " was aborted");
                report(Messages.Runs_Canceled(runId, answer));
                return Next.done();
            } catch (Deferred deferral) {
                throw deferral;
            } catch (SummaryException | AbortException e) {
                // A refusal (role, scope, DB mode) is logged, not hidden; the build was aborted either way.
                report(Messages.Runs_CancelFailed(runId, e.getMessage()));
                return Next.done();
            }
        }

        @Override
        public void deferred(Deferred deferral) {
            listener.getLogger().println(PREFIX + deferral.describe());
        }

        @Override
        public void failed(Throwable failure) {
            report(Messages.Runs_CancelFailed(runId, String.valueOf(failure.getMessage())));
        }

        private void report(String outcome) {
            listener.getLogger().println(PREFIX + outcome);
            LOGGER.log(Level.INFO, "{0}: {1}", new Object[] {run.getFullDisplayName(), outcome});
        }
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
