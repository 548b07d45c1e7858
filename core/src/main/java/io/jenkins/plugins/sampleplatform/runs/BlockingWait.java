package io.jenkins.plugins.sampleplatform.runs;

import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Drives a {@link RunWaiter} on the calling thread, sleeping between polls: for the command line and for tools.
 * (The Jenkins step schedules its polls instead and holds no thread.)
 */
public final class BlockingWait {

    /** Sleeps until an instant of the waiter's clock. */
    public interface Sleeper {
        void sleepUntil(Instant when) throws InterruptedException;
    }

    private final RunLookup lookup;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Consumer<String> log;

    public BlockingWait(RunLookup lookup, Clock clock, Sleeper sleeper, Consumer<String> log) {
        this.lookup = lookup;
        this.clock = clock;
        this.sleeper = sleeper;
        this.log = log;
    }

    /** A blocking wait on the system clock, sleeping with {@link Thread#sleep}. */
    public static BlockingWait onSystemClock(RunLookup lookup, Consumer<String> log) {
        Clock clock = Clock.systemUTC();
        return new BlockingWait(
                lookup,
                clock,
                when -> {
                    long millis = Duration.between(clock.instant(), when).toMillis();
                    if (millis > 0) {
                        Thread.sleep(millis);
                    }
                },
                log);
    }

    /**
     * Polls until the run is final.
     *
     * @return the final run
     * @throws WaitTimedOut         when the deadline passed first
     * @throws SummaryException     when polling failed in a way waiting cannot mend
     * @throws InterruptedException when interrupted (Ctrl-C); the waiter keeps its state
     */
    public RunInfo await(RunWaiter waiter) throws SummaryException, InterruptedException {
        WaitStep step = waiter.start();
        while (true) {
            step.news().forEach(log);
            switch (step.kind()) {
                case FINISHED:
                    return step.run();
                case TIMED_OUT:
                case FAILED:
                    throw step.failure();
                case POLL:
                default:
                    sleeper.sleepUntil(step.pollAt());
                    step = RunPoll.once(waiter, lookup, clock);
            }
        }
    }
}
