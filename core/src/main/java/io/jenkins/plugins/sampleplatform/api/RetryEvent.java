package io.jenkins.plugins.sampleplatform.api;

import java.time.Duration;

/**
 * One wait before a retry.
 *
 * @param nextAttempt the number of the attempt that follows the wait (2 for the first retry)
 * @param delay       how long the client waits
 * @param reason      why it retries
 * @param detail      what the server or the network said, e.g. {@code HTTP 503}; no secret
 */
public record RetryEvent(int nextAttempt, Duration delay, Reason reason, String detail) {

    /** Why a request is retried. */
    public enum Reason {
        /** HTTP 429: the token's rate-limit window is spent. */
        RATE_LIMITED,
        /** HTTP 5xx. */
        SERVER_ERROR,
        /** The connection failed or timed out. */
        CONNECTION_FAILED
    }

    /** One line for a log, e.g. {@code rate limited, retrying in 30 s (attempt 2)}. */
    public String describe() {
        String why =
                switch (reason) {
                    case RATE_LIMITED -> "rate limited";
                    case SERVER_ERROR -> "server error";
                    case CONNECTION_FAILED -> "connection failed";
                };
        String said = detail == null || detail.isBlank() || detail.equals(why) ? "" : " (" + detail + ")";
        return why + said + ", retrying in " + seconds(delay) + " (attempt " + nextAttempt + ")";
    }

    private static String seconds(Duration delay) {
        long millis = delay.toMillis();
        if (millis % 1000 == 0 || millis >= 10_000) {
            return Math.round(millis / 1000.0) + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
