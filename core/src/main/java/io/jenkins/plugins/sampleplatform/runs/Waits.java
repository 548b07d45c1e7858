package io.jenkins.plugins.sampleplatform.runs;

import java.time.Duration;

/** Durations for wait messages: {@code 45 s}, {@code 12 min 5 s}, {@code 2 h 0 min}. */
final class Waits {

    private Waits() {}

    /** {@code 2026-11-30T10:00:10Z}: UTC, ISO 8601, whole seconds. */
    static String timestamp(java.time.Instant instant) {
        return java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
    }
}
