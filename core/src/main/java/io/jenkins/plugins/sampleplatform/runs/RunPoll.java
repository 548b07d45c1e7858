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

    /** The time the last poll, at the deadline itself, still gets: enough for one answer, a small overshoot. */
    static final java.time.Duration LAST_POLL = java.time.Duration.ofSeconds(1);

    private RunPoll() {}

    /**
     * @return the waiter's next step
     * @throws InterruptedException when the caller is interrupted (an aborted build, Ctrl-C)
     */
    public static WaitStep once(RunWaiter waiter, RunLookup lookup, Clock clock) throws InterruptedException {
        // Every request of the wait ends by its deadline, however slowly the platform answers.
        java.time.Duration left = java.time.Duration.between(clock.instant(), waiter.deadline());
        lookup = lookup.within(left.compareTo(LAST_POLL) < 0 ? LAST_POLL : left);
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
