package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.runs.PollSchedule;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --wait [--timeout 2h] [--poll-interval 10s] [--cancel-on-interrupt]}. */
final class WaitOptions {

    @Option(
            names = "--wait",
            description = "Wait until the run is final (pass, fail, error, canceled), printing each change of"
                    + " status, then judge it. A timeout exits 4; Ctrl-C exits 130.")
    boolean wait;

    @Option(
            names = "--timeout",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            defaultValue = "2h",
            description = "With --wait: the longest wait (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--poll-interval",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            defaultValue = "10s",
            description = "With --wait: the first interval between polls (default: ${DEFAULT-VALUE});"
                    + " it grows by half each poll up to 60 s.")
    Duration pollInterval;

    @Option(
            names = "--cancel-on-interrupt",
            description = "With --wait: on Ctrl-C, also cancel the run on the platform (needs runs:write and the"
                    + " role admin, contributor or tester).")
    boolean cancelOnInterrupt;

    PollSchedule schedule() {
        return new PollSchedule(
                pollInterval,
                pollInterval.compareTo(Duration.ofSeconds(60)) > 0 ? pollInterval : Duration.ofSeconds(60));
    }

    void checkUsage() throws UsageException {
        if (!wait && cancelOnInterrupt) {
            throw new UsageException("--cancel-on-interrupt goes with --wait.");
        }
    }
}
