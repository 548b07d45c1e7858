package io.jenkins.plugins.sampleplatform.runs;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;

/**
 * How often a waiting build polls: the first interval, growing by half each poll up to the longest. With the
 * defaults (10 s to 60 s) a build waiting for an hour spends about 65 requests, and 50 builds waiting on one
 * token spend at most 50 a minute once settled, well inside the platform's 120.
 */
public final class PollSchedule implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** 10 s, growing to 60 s. */
    public static final PollSchedule DEFAULT = new PollSchedule(Duration.ofSeconds(10), Duration.ofSeconds(60));

    private final long firstMillis;
    private final long longestMillis;

    public PollSchedule(Duration first, Duration longest) {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException(
                    "The poll intervals must be positive and the longest at least the first: " + first + ", "
                            + longest);
        }
        this.firstMillis = first.toMillis();
        this.longestMillis = longest.toMillis();
    }

    public Duration first() {
        return Duration.ofMillis(firstMillis);
    }

    public Duration longest() {
        return Duration.ofMillis(longestMillis);
    }

    /** The interval after {@code current}: half as long again, at most the longest. */
    public Duration next(Duration current) {
        return Duration.ofMillis(Math.min(longestMillis, current.toMillis() + current.toMillis() / 2));
    }
}
