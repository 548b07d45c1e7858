package io.jenkins.plugins.sampleplatform.render;

import java.util.Locale;

/** Formats a duration in milliseconds the way a person reads it: "850 ms", "12.3 s", "4 min 5 s", "2 h 3 min". */
final class Durations {

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private Durations() {}

    /** The duration, or "not reported" for {@code null}. */
    static String format(Long millis) {
        if (millis == null) {
            return "not reported";
        }
        long ms = millis;
        if (ms < SECOND) {
            return ms + " ms";
        }
        if (ms < MINUTE) {
            // Tenths, truncated: 59 999 ms is "59.9 s", never a rounded-up "60.0 s".
            return String.format(Locale.ROOT, "%d.%d s", ms / SECOND, ms % SECOND / 100);
        }
        if (ms < HOUR) {
            return pair(ms / MINUTE, "min", ms % MINUTE / SECOND, "s");
        }
        if (ms < DAY) {
            return pair(ms / HOUR, "h", ms % HOUR / MINUTE, "min");
        }
        return pair(ms / DAY, "d", ms % DAY / HOUR, "h");
    }

    private static String pair(long major, String majorUnit, long minor, String minorUnit) {
        return minor == 0 ? major + " " + majorUnit : major + " " + majorUnit + " " + minor + " " + minorUnit;
    }
}
