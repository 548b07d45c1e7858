package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.runs.BlockingWait;
import io.jenkins.plugins.sampleplatform.runs.RunFinder;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.runs.RunQuery;
import io.jenkins.plugins.sampleplatform.runs.RunTrigger;
import io.jenkins.plugins.sampleplatform.runs.RunWaiter;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;

/**
 * Turns {@code --run N} or {@code --commit SHA} (and {@code --wait}) into the run to judge: finds the commit's
 * newest run, waits until it is final, and on Ctrl-C says where the wait stood (and cancels the run when asked).
 */
final class RunResolution {

    /** The run to judge, and how long the command waited for it (0 without --wait). */
    record Resolved(int runId, long waitedMillis) {}

    /**
     * What a command needs to know about a wait that ended without a run to judge: the waiter (its run and last
     * status), and where Ctrl-C writes its JSON object ({@code null} unless {@code --format json}).
     */
    static final class Tracker {
        final java.io.PrintWriter jsonOut;
        volatile RunWaiter waiter;

        Tracker(java.io.PrintWriter out, SummaryCommand.Format format) {
            this.jsonOut = format == SummaryCommand.Format.json ? out : null;
        }

        /** The run waited for when known, else {@code fallback}. */
        Integer runId(Integer fallback) {
            return JsonOutcome.runId(waiter, fallback);
        }

        io.jenkins.plugins.sampleplatform.summary.RunStatus lastStatus() {
            return waiter == null ? null : waiter.lastStatus();
        }
    }

    private RunResolution() {}

    /**
     * @param runId  the run given with --run, or {@code null}
     * @param query  the criteria given with --commit, or {@code null}
     * @param start  the waiter to use when the run was just started by the command, or {@code null}
     */
    static Resolved resolve(
            Integer runId, RunQuery query, WaitOptions wait, Sources.Opened opened, PrintWriter err, Tracker tracker)
            throws SummaryException, InterruptedException {
        if (!wait.wait) {
            if (runId != null) {
                return new Resolved(runId, 0);
            }
            RunInfo found = RunFinder.find(opened.runs(), query);
            say(err, RunFinder.foundLine(found, query));
            return new Resolved(found.runId(), 0);
        }
        Instant start = Clock.systemUTC().instant();
        RunWaiter waiter = runId != null
                ? RunWaiter.forRun(runId, start, wait.timeout, wait.schedule())
                : RunWaiter.forQuery(query, start, wait.timeout, wait.schedule());
        return await(waiter, wait, opened.trigger(), opened, err, tracker);
    }

    /** Waits for {@code waiter}'s run; on Ctrl-C reports (and cancels when asked) from a shutdown hook. */
    static Resolved await(
            RunWaiter waiter,
            WaitOptions wait,
            RunTrigger trigger,
            Sources.Opened opened,
            PrintWriter err,
            Tracker tracker)
            throws SummaryException, InterruptedException {
        tracker.waiter = waiter;
        Thread hook = new Thread(() -> onInterrupt(waiter, wait, trigger, err, tracker), "sampleplatform-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunInfo run = BlockingWait.onSystemClock(opened.runs(), line -> say(err, line))
                    .await(waiter);
            long waited = waiter.waited(Clock.systemUTC().instant()).toMillis();
            return new Resolved(run.runId(), waited);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running: the JVM is exiting on Ctrl-C.
            }
        }
    }

    private static void onInterrupt(
            RunWaiter waiter, WaitOptions wait, RunTrigger trigger, PrintWriter err, Tracker tracker) {
        String run = waiter.runId().isPresent() ? "run " + waiter.runId().getAsInt() : "the commit's run";
        String last = waiter.lastStatus() == null
                ? ""
                : " (last status " + waiter.lastStatus().wireValue() + ")";
        String line = "interrupted while waiting for " + run + last + ".";
        say(err, line);
        if (tracker.jsonOut != null) {
            tracker.jsonOut.print(JsonOutcome.of(
                    tracker.runId(null), waiter.lastStatus(), JsonOutcome.INTERRUPTED, capitalized(line)));
            tracker.jsonOut.flush();
        }
        if (!wait.cancelOnInterrupt || waiter.runId().isEmpty()) {
            return;
        }
        if (trigger == null) {
            say(err, "not canceling: canceling a run needs the API, not DB mode.");
            return;
        }
        int runId = waiter.runId().getAsInt();
        try {
            String answer = trigger.cancel(runId, "sampleplatform command interrupted (Ctrl-C)");
            say(err, "asked the platform to cancel run " + runId + ": " + answer + ".");
        } catch (SummaryException e) {
            say(err, "could not cancel run " + runId + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String capitalized(String line) {
        return Character.toUpperCase(line.charAt(0)) + line.substring(1);
    }

    /** One line on standard error, through the secret scrubber like every other line of the command. */
    static void say(PrintWriter err, String line) {
        err.println(CliSecrets.scrubber().scrub("sampleplatform: " + CliWording.of(line)));
        err.flush();
    }
}
