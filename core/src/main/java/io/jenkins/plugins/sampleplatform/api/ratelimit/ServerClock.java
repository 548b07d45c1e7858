package io.jenkins.plugins.sampleplatform.api.ratelimit;

/**
 * Estimates how far the server's clock is from ours, from the answers' {@code Date} headers, so that the
 * server's {@code X-RateLimit-Reset} (Unix seconds in server time) can be placed on the local clock.
 *
 * <p>A {@code Date} header is truncated to the second and was stamped some time before the answer
 * arrived, so one answer only bounds the offset: it is at least {@code Date - arrival} and below that plus
 * one second plus the answer's latency. The estimate stays where it is while it fits those bounds (so
 * clocks in sync keep an offset of zero) and otherwise moves to the lower bound, the side on which the
 * gate waits a little too long rather than sends too early.
 */
final class ServerClock {

    /** Latency of one answer that the upper bound allows for. */
    private static final long LATENCY_ALLOWANCE_MILLIS = 500;
    /** Beyond this the {@code Date} header is taken for garbage rather than skew. */
    private static final long MAX_PLAUSIBLE_SKEW_MILLIS = 24L * 3600 * 1000;

    private long offsetMillis;

    /** Learns from an answer stamped {@code serverDateMillis} that arrived at local {@code localMillis}. */
    void observe(long serverDateMillis, long localMillis) {
        long lowest = serverDateMillis - localMillis;
        if (Math.abs(lowest) > MAX_PLAUSIBLE_SKEW_MILLIS) {
            return;
        }
        long highest = lowest + 1000 + LATENCY_ALLOWANCE_MILLIS;
        if (offsetMillis < lowest || offsetMillis > highest) {
            offsetMillis = lowest;
        }
    }

    /** Server time minus local time, in milliseconds. */
    long offsetMillis() {
        return offsetMillis;
    }
}
