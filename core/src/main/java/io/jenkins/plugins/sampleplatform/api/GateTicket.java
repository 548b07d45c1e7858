package io.jenkins.plugins.sampleplatform.api;

/**
 * A deferred caller's identity at a {@link RequestGate}: a caller told "not before T" by
 * {@link RequestGate#tryAcquire} presents the same ticket when it comes back, and keeps its place in line
 * (see the gate). Compared by identity; holds nothing. Not saved across a restart: a restored call gets a new
 * ticket and queues again at the back.
 */
public final class GateTicket {

    @Override
    public String toString() {
        return "GateTicket@" + Integer.toHexString(System.identityHashCode(this));
    }
}
