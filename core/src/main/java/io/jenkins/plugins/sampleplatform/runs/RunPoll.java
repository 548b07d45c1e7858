package io.jenkins.plugins.sampleplatform.runs;

import io.jenkins.plugins.sampleplatform.defer.Deferred;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.time.Clock;
import java.util.Optional;

/**
 * One poll for a {@link RunWaiter}: reads the run (or looks for the commit's run) and tells the waiter what it
 * saw. The blocking loop and the Jenkins step's scheduled polls both go through here.
 */
public final class RunPoll {

    private RunPoll() {}

    /**
     * @return the waiter's next step
     * @throws InterruptedException when the caller is interrupted (an aborted build, Ctrl-C)
     */
    public static WaitStep once(RunWaiter waiter, RunLookup lookup, Clock clock) throws InterruptedException {
        try {
            if (waiter.runId().isPresent()) {
                RunInfo run = lookup.run(waiter.runId().getAsInt());
                return waiter.observed(clock.instant(), run);
            }
            Optional<RunInfo> found = lookup.newest(waiter.query().orElseThrow());
            return found.isPresent()
                    ? waiter.observed(clock.instant(), found.get())
                    : waiter.notFoundYet(clock.instant());
        } catch (Deferred deferral) {
            return waiter.deferred(clock.instant(), deferral);
        } catch (SummaryException e) {
            return waiter.pollFailed(clock.instant(), e);
        }
    }
}
