package io.jenkins.plugins.sampleplatform.freestyle;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.AbstractBuild;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.config.SamplePlatformConfiguration;
import io.jenkins.plugins.sampleplatform.publish.SummaryOptions;
import io.jenkins.plugins.sampleplatform.runs.BlockingWait;
import io.jenkins.plugins.sampleplatform.runs.PollSchedule;
import io.jenkins.plugins.sampleplatform.runs.RunFinder;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.runs.RunLookup;
import io.jenkins.plugins.sampleplatform.runs.RunQuery;
import io.jenkins.plugins.sampleplatform.runs.RunWaiter;
import io.jenkins.plugins.sampleplatform.runs.WaitTimedOut;
import io.jenkins.plugins.sampleplatform.summary.InvalidRunIdException;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import io.jenkins.plugins.sampleplatform.wait.PlatformCalls;
import java.time.Duration;
import java.time.Instant;

/**
 * The freestyle action's find and wait. A freestyle build holds its executor for the whole build anyway, so the
 * wait blocks the build's own thread (through the core {@link BlockingWait}); aborting the build interrupts it at
 * once. Freestyle has no {@code timeout} step, so the wait always has a limit: {@code timeoutMinutes}, by default
 * {@value #DEFAULT_TIMEOUT_MINUTES}.
 */
final class FreestyleWait {

    /**
     * The wait holds the build's executor (and a controller thread) the whole time, so its default is short; a
     * Pipeline waits with {@code sampleplatformSummary(wait: true)}, which holds neither.
     */
    static final int DEFAULT_TIMEOUT_MINUTES = 30;

    private static final String PREFIX = "[Sample Platform] ";

    private FreestyleWait() {}

    /**
     * @return the run id to judge, or {@code null} when the wait timed out (the build is then NOT_BUILT)
     */
    static @CheckForNull String resolve(
            Run<?, ?> run,
            TaskListener listener,
            SummaryOptions options,
            @CheckForNull RunQuery query,
            boolean wait,
            @CheckForNull Integer timeoutMinutes)
            throws AbortException, InterruptedException {
        if (wait && !(run instanceof AbstractBuild)) {
            // A Pipeline run blocked here cannot survive a restart, and holds a thread all along.
            throw new AbortException(PREFIX + Messages.Runs_WaitNotInPipeline());
        }
        RunLookup lookup = PlatformCalls.of(run, listener, options, SamplePlatformConfiguration.get())
                .runs(null);
        try {
            if (!wait) {
                RunInfo found = RunFinder.find(lookup, query);
                listener.getLogger()
                        .println(PREFIX
                                + Messages.Runs_Found(
                                        found.runId(), found.status().wireValue(), query));
                return Integer.toString(found.runId());
            }
            int minutes = timeoutMinutes == null || timeoutMinutes <= 0 ? DEFAULT_TIMEOUT_MINUTES : timeoutMinutes;
            Instant now = Instant.now();
            Duration timeout = Duration.ofMinutes(minutes);
            RunWaiter waiter = query != null
                    ? RunWaiter.forQuery(query, now, timeout, PollSchedule.DEFAULT)
                    : RunWaiter.forRun(parse(options.runId), now, timeout, PollSchedule.DEFAULT);
            listener.getLogger()
                    .println(PREFIX
                            + Messages.Runs_Waiting(
                                    query != null ? query : "run " + options.runId,
                                    Messages.Runs_WaitingUntil(now.plus(timeout))));
            RunInfo done = BlockingWait.onSystemClock(
                            lookup, line -> listener.getLogger().println(PREFIX + line))
                    .await(waiter);
            return Integer.toString(done.runId());
        } catch (WaitTimedOut e) {
            listener.getLogger().println(PREFIX + Messages.Runs_TimedOut(e.getMessage()));
            if (options.propagate) {
                run.setResult(Result.NOT_BUILT);
            }
            return null;
        } catch (SummaryException e) {
            throw new AbortException(PREFIX + e.getMessage());
        }
    }

    private static int parse(String runId) throws AbortException {
        try {
            return RunIds.parse(runId);
        } catch (InvalidRunIdException e) {
            throw new AbortException(PREFIX + e.getMessage());
        }
    }
}
