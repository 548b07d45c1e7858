package io.jenkins.plugins.sampleplatform.api;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * The state of one call in non-blocking mode ({@link SamplePlatformClient#deferring}) that lives across its
 * deferrals: the deadline of its total time budget, the attempt the deferred request is at (so a resumed call
 * keeps its retry limit), and its {@link GateTicket} (its place in the gate's line). One per logical call (a
 * poll, a summary, a failure list, a trigger); reuse it, unchanged, when the call is resumed after a
 * {@link io.jenkins.plugins.sampleplatform.defer.Deferred}, and start a new one for the next call.
 *
 * <p>Serializable (a Pipeline step saves it with its state: a restored call keeps its deadline and attempts,
 * and queues again at the back of the gate's line). Holds nothing secret. Thread-safe.
 */
public final class CallBudget implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long deadlineMillis;
    /** The request that was deferred after a failed attempt ({@code METHOD path?query}), or null. */
    private String pendingRequest;
    /** The attempt that request makes next. */
    private int pendingAttempt;

    private transient GateTicket ticket;

    CallBudget(Instant deadline) {
        this.deadlineMillis = deadline.toEpochMilli();
    }

    /** When the call's total time budget ends. */
    public Instant deadline() {
        return Instant.ofEpochMilli(deadlineMillis);
    }

    /** The caller's place at the gate; a new one after a restart. */
    synchronized GateTicket ticket() {
        if (ticket == null) {
            ticket = new GateTicket();
        }
        return ticket;
    }

    /** The attempt {@code request} makes next: carried over when it is the request that was deferred, else 1. */
    synchronized int attemptFor(ApiRequest request) {
        return key(request).equals(pendingRequest) ? pendingAttempt : 1;
    }

    /** {@code request} was deferred before its attempt {@code nextAttempt}. */
    synchronized void deferred(ApiRequest request, int nextAttempt) {
        pendingRequest = key(request);
        pendingAttempt = nextAttempt;
    }

    /** {@code request} got its answer (or failed for good): its attempts are no longer carried. */
    synchronized void settled(ApiRequest request) {
        if (key(request).equals(pendingRequest)) {
            pendingRequest = null;
            pendingAttempt = 0;
        }
    }

    private static String key(ApiRequest request) {
        return request.method() + " " + request.pathAndQuery();
    }

    @Override
    public synchronized String toString() {
        return "CallBudget[until " + deadline()
                + (pendingRequest == null ? "" : ", " + pendingRequest + " at attempt " + pendingAttempt) + "]";
    }
}
