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
        throw new UnsupportedOperationException("issue 2");
    }
}
