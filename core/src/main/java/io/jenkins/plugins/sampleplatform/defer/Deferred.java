package io.jenkins.plugins.sampleplatform.defer;

import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.io.Serial;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A call in non-blocking mode would have had to wait: nothing (more) was sent, try again not before
 * {@link #notBefore()}. Not a failure: the caller reschedules the same call (with the same
 * {@code CallBudget}, so its retry limits and total budget carry on) instead of holding a thread.
 *
 * <p>Thrown only by a client in non-blocking mode ({@code SamplePlatformClient.deferring}); a blocking
 * client sleeps instead. {@link #isTransient()} is true: waiting mends it.
 */
public final class Deferred extends SummaryException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Why the call was deferred. */
    public enum Reason {
        /** The token's rate-limit window is spent (as the shared gate has learnt); the gate keeps the caller's place in line. */
        WINDOW_SPENT,
        /** HTTP 429: the server refused this request. */
        RATE_LIMITED,
        /** HTTP 5xx, retried after a back-off. */
        SERVER_ERROR,
        /** The connection failed, retried after a back-off. */
        CONNECTION_FAILED
    }

    private final Instant notBefore;
    private final Duration delay;
    private final Reason reason;
    private final String detail;
    private final int nextAttempt;

    /**
     * @param notBefore   the earliest time the call may be tried again
     * @param delay       how far that is from when the call was deferred
     * @param reason      why
     * @param detail      what the server or the network said, e.g. {@code HTTP 503}; no secret; may be null
     * @param nextAttempt the number of the attempt that follows (1 when no attempt of the request was made yet)
     */
    public Deferred(Instant notBefore, Duration delay, Reason reason, String detail, int nextAttempt) {
        super("Nothing (more) was sent; try again not before " + notBefore + ": "
                + describe(reason, detail, delay, nextAttempt));
        this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
        this.delay = delay.isNegative() ? Duration.ZERO : delay;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = detail;
        this.nextAttempt = nextAttempt;
    }

    /** The earliest time the call may be tried again. */
    public Instant notBefore() {
        return notBefore;
    }

    /** How far {@link #notBefore()} was from the moment the call was deferred. */
    public Duration delay() {
        return delay;
    }

    public Reason reason() {
        return reason;
    }

    /** The number of the attempt the resumed call makes (1: the request was not sent yet). */
    public int nextAttempt() {
        return nextAttempt;
    }

    /** One line for a build log, e.g. {@code rate limited (HTTP 429), trying again in 31 s (attempt 2)}. */
    public String describe() {
        return describe(reason, detail, delay, nextAttempt);
    }

    /** Waiting mends it. */
    @Override
    public boolean isTransient() {
        return true;
    }

    private static String describe(Reason reason, String detail, Duration delay, int nextAttempt) {
        String why =
                switch (reason) {
                    case WINDOW_SPENT -> "rate-limit window spent";
                    case RATE_LIMITED -> "rate limited";
                    case SERVER_ERROR -> "server error";
                    case CONNECTION_FAILED -> "connection failed";
                };
        String said = detail == null || detail.isBlank() || detail.equals(why) ? "" : " (" + detail + ")";
        String attempt = nextAttempt > 1 ? " (attempt " + nextAttempt + ")" : "";
        return why + said + ", trying again in " + seconds(delay) + attempt;
    }

    private static String seconds(Duration delay) {
        long millis = Math.max(0, delay.toMillis());
        if (millis % 1000 == 0 || millis >= 10_000) {
            return Math.round(millis / 1000.0) + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
