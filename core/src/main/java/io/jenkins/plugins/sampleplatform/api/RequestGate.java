package io.jenkins.plugins.sampleplatform.api;

import java.net.http.HttpHeaders;
import java.time.Instant;

/**
 * Admits requests to the API so that callers sharing one token cooperate on its rate-limit window
 * instead of stampeding it. The client calls {@link #acquire} before every attempt and
 * {@link #onResponse} after every answer.
 */
public interface RequestGate {

    /** A gate that admits every request at once and learns nothing. */
    RequestGate OPEN = new RequestGate() {
        @Override
        public boolean acquire(Instant deadline) {
            return true;
        }

        @Override
        public void onResponse(int statusCode, HttpHeaders headers) {}
    };

    /**
     * Waits until a request may be sent.
     *
     * @param deadline the caller's total time budget ends here
     * @return {@code true} when the request may be sent now; {@code false} when it could not be admitted
     *         before {@code deadline} (the gate returns at once in that case rather than waiting in vain)
     * @throws InterruptedException when the caller is interrupted while waiting
     */
    boolean acquire(Instant deadline) throws InterruptedException;

    /**
     * Learns from an answer: its status and its {@code X-RateLimit-*} and {@code Retry-After} headers.
     */
    void onResponse(int statusCode, HttpHeaders headers);

    /**
     * Whether {@link #acquire} itself holds callers until a window refused with HTTP 429 has reset. The
     * client then does not sleep its own back-off after a 429 but lets {@code acquire} time the retry, the
     * same for every caller of the token; a sleep of its own would only add to that wait.
     *
     * @return {@code false} unless the gate says otherwise ({@link #OPEN} holds nothing)
     */
    default boolean holdsAfterRateLimit() {
        return false;
    }

    /**
     * How long {@link #acquire} would hold a caller arriving now, when the gate knows: zero when it would
     * admit at once, empty when it cannot tell (say, the window's end is unknown). The client prints it,
     * so that the notice names the wait that really happens.
     */
    default java.util.Optional<java.time.Duration> holdTime() {
        return java.util.Optional.empty();
    }
}
