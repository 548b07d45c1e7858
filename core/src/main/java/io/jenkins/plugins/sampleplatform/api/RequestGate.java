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
        public Admission tryAcquire(Instant deadline, GateTicket ticket) {
            return Admission.admitted();
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
     * The non-blocking form of {@link #acquire}: admits the request now, or says when to ask again, without
     * holding the calling thread. A caller told {@link Admission.Kind#DEFERRED} keeps its place in line while it
     * comes back with the same {@code ticket} (see {@link io.jenkins.plugins.sampleplatform.api.ratelimit.WindowGate}
     * for the fairness rules). The answer to an admitted request must reach {@link #onResponse} on the same thread.
     *
     * <p>The default suits gates that never hold anyone: it admits when {@link #acquire} would at once (asked with
     * the deadline now), else defers by {@link #holdTime()} (at least a second).
     *
     * @param deadline the caller's total time budget, or its longest single wait, ends here
     * @param ticket   the caller's identity across deferrals (one per call, see {@link CallBudget})
     */
    default Admission tryAcquire(Instant deadline, GateTicket ticket) {
        Instant now = Instant.now();
        try {
            if (acquire(now)) {
                return Admission.admitted();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        java.time.Duration hold = holdTime()
                .filter(h -> h.compareTo(java.time.Duration.ofSeconds(1)) > 0)
                .orElse(java.time.Duration.ofSeconds(1));
        return now.plus(hold).isAfter(deadline) ? Admission.never() : Admission.deferred(now.plus(hold));
    }

    /**
     * A deferred caller gives up (its build was aborted): its place in line, or a slot held for it, goes to the
     * next. Harmless for a ticket the gate does not know.
     */
    default void leave(GateTicket ticket) {}

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
