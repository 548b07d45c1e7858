package io.jenkins.plugins.sampleplatform.wait;

import io.jenkins.plugins.sampleplatform.defer.DeferringExecutor;
import java.util.concurrent.ScheduledExecutorService;
import jenkins.util.Timer;

/**
 * The one executor of the plugin's Pipeline executions (core's {@link DeferringExecutor}): their network calls run
 * on at most {@value DeferringExecutor#MAX_THREADS} pool threads for the whole controller, which end when idle;
 * every wait between calls (a poll interval, a rate-limit window, a back-off) is a task on Jenkins' {@link Timer},
 * which holds no thread. A waiting build therefore holds no thread at all.
 */
final class WaitExecutor {

    private static DeferringExecutor executor;
    private static ScheduledExecutorService timer;

    private WaitExecutor() {}

    static synchronized DeferringExecutor get() {
        ScheduledExecutorService current = Timer.get();
        // Jenkins makes a new Timer after shutting the old one down (a restart within one JVM, as in tests).
        if (executor == null || current != timer) {
            if (executor != null) {
                executor.shutdown();
            }
            executor = new DeferringExecutor("Sample Platform", current);
            timer = current;
        }
        return executor;
    }
}
