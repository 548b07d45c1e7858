package io.jenkins.plugins.sampleplatform.api.ratelimit;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a gate knows about one token's fixed rate-limit window, and the requests it has let through that
 * have not been answered yet. Not thread-safe: {@link WindowGate} calls it under its lock. Times are
 * local {@code nanoTime} values unless named otherwise.
 *
 * <p>Requests admitted but not yet answered count against the last known {@code X-RateLimit-Remaining},
 * so that concurrent callers do not all go on a stale "1 left"; those still unanswered when a window ends
 * count against the next one too, as they may reach the server after its reset. A request whose answer never comes (a
 * connection failure) stops counting when the same thread asks again, or after a patience period.
 */
final class WindowState {

    /**
     * The longest the gate holds requests on the server's word. A reset or {@code Retry-After} further away
     * than this (or a reset this far in the past) is implausible, e.g. years ahead, and ignored.
     */
    static final Duration MAX_HOLD = Duration.ofMinutes(15);
    /**
     * Hold after a refusal, or a spent window, that says nothing usable about when to try again (no hint,
     * 0, a time past, an implausible value); it doubles with each such refusal in a row, up to {@link #MAX_FALLBACK_HOLD}.
     */
    static final Duration FALLBACK_HOLD = Duration.ofSeconds(1);

    static final Duration MAX_FALLBACK_HOLD = Duration.ofSeconds(60);
    /** How long an unanswered request counts against the window. */
    static final Duration IN_FLIGHT_PATIENCE = Duration.ofSeconds(30);
    /** Before anything is known, how long the gate waits for the first answer before letting another request try. */
    static final Duration PROBE_PATIENCE = Duration.ofSeconds(2);

    static final long NEVER = Long.MAX_VALUE;
    private static final long UNKNOWN = -1;
    /** "No such time" among local nanoTime values, which may be negative. */
    private static final long NO_TIME = Long.MIN_VALUE;

    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private final ServerClock serverClock = new ServerClock();
    /**
     * Unanswered admissions by the thread that will read the answer, and slots reserved for deferred callers by
     * their ticket; insertion order = age.
     */
    private final Map<Object, Admission> inFlight = new LinkedHashMap<>();

    /** Requests per window; 0 until an answer says. */
    private int limit;
    /** Requests left in the current window; negative when unknown (then one request probes at a time). */
    private int remaining = -1;
    /** The answers carry no rate-limit headers: nothing to cooperate on, admit everything. */
    private boolean unlimited;
    /** End of the current window in server Unix seconds, as the answers report it; UNKNOWN until then. */
    private long windowEndSecond = UNKNOWN;
    /** End of the last window that the gate saw end: answers still reporting it are stale. */
    private long endedWindowSecond = UNKNOWN;
    /** Smallest gap seen between two successive window ends, in seconds; 0 = not learned. */
    private long windowLengthSeconds;
    /** When the gate takes the current window for ended and opens a new one of {@code limit} requests. */
    private long rolloverAt = NEVER;
    /** Counts windows, so that a late answer to a request sent in an ended window is told from a current one. */
    private long epoch;

    private boolean refusedThisWindow;
    /** Refusals in a row that said nothing usable: their holds grow, and the next window opens with one probe. */
    private int blindRefusals;

    /**
     * How long a slot reserved for a deferred caller waits for it to come back (its timer fired late, the pool
     * was busy): then it goes to the next in line.
     */
    static final Duration RESERVATION_PATIENCE = Duration.ofSeconds(10);

    /** An admission; {@code reserved}: held for a deferred caller's ticket, not sent yet. */
    private record Admission(long at, long epoch, boolean reserved) {}

    /** What an answer taught the gate, for its log. */
    enum Lesson {
        /** Nothing worth a log line. */
        ROUTINE,
        /** The first refusal (HTTP 429) of this window. */
        FIRST_REFUSAL
    }

    /** Opens a new window when the current one has ended. */
    void roll(long now) {
        if (now < rolloverAt) {
            return;
        }
        epoch++;
        refusedThisWindow = false;
        if (windowEndSecond != UNKNOWN) {
            endedWindowSecond = Math.max(endedWindowSecond, windowEndSecond);
        }
        windowEndSecond = UNKNOWN;
        rolloverAt = NEVER;
        remaining = limit > 0 && blindRefusals == 0 ? limit : -1;
    }

    /** Admits a request for {@code caller} (a thread, or a deferred caller's ticket) when the window has room for it. */
    boolean tryAdmit(long now, Object caller) {
        if (unlimited) {
            return true;
        }
        forget(caller);
        if (free(now) <= 0) {
            return false;
        }
        inFlight.put(caller, new Admission(now, epoch, !(caller instanceof Thread)));
        return true;
    }

    /**
     * A deferred caller came back for the slot reserved for its {@code ticket}: the slot becomes {@code thread}'s
     * admission, sent now. False when no slot is reserved for the ticket (none yet, or it expired).
     */
    boolean claim(Object ticket, Thread thread, long now) {
        if (unlimited) {
            return false;
        }
        if (forget(ticket) == null) {
            return false;
        }
        forget(thread);
        inFlight.put(thread, new Admission(now, epoch, false));
        return true;
    }

    /**
     * Drops {@code caller}'s admission, if it has one: it was interrupted before it could send, or it asks
     * again, so its previous request got no answer (a connection failure).
     */
    void release(Object caller) {
        forget(caller);
    }

    /** Requests that may go now. */
    int free(long now) {
        if (unlimited) {
            return Integer.MAX_VALUE;
        }
        if (remaining < 0) {
            expire(now, PROBE_PATIENCE);
            return inFlight.isEmpty() ? 1 : 0;
        }
        if (remaining - inFlight.size() <= 0) {
            expire(now, IN_FLIGHT_PATIENCE);
        }
        return Math.max(0, remaining - inFlight.size());
    }

    /**
     * The earliest time at which the waiter at {@code position} (0 = first in line) could be admitted;
     * {@code now} when only answers, not time, can tell. Optimistic where the window's length is unknown.
     */
    long earliestAdmission(long now, int position) {
        int free = free(now);
        if (position < free || remaining < 0 || rolloverAt == NEVER) {
            return now;
        }
        if (position < remaining) {
            // The slot is taken by unanswered requests: it comes back if they are lost, else at the rollover.
            return Math.min(rolloverAt, oldestExpiry(IN_FLIGHT_PATIENCE));
        }
        long windowsLater = (position - free) / Math.max(1, limit);
        if (windowsLater == 0 || windowLengthSeconds == 0) {
            return rolloverAt;
        }
        return saturatedAdd(rolloverAt, saturatedMultiply(windowsLater, windowLengthSeconds * SECOND));
    }

    /** When admissions may become possible without an answer: the rollover or an unanswered request's expiry. */
    long nextEvent(long now) {
        if (unlimited || free(now) > 0) {
            return rolloverAt;
        }
        return Math.min(rolloverAt, oldestExpiry(remaining < 0 ? PROBE_PATIENCE : IN_FLIGHT_PATIENCE));
    }

    /** When the first unanswered request or reservation stops counting; NEVER when there is none. */
    private long oldestExpiry(Duration patience) {
        long first = NEVER;
        for (Admission admission : inFlight.values()) {
            first = Math.min(first, expiry(admission, patience));
        }
        return first;
    }

    private static long expiry(Admission admission, Duration patience) {
        Duration own =
                admission.reserved() && RESERVATION_PATIENCE.compareTo(patience) < 0 ? RESERVATION_PATIENCE : patience;
        return saturatedAdd(admission.at(), own.toNanos());
    }

    /**
     * Learns from an answer read by {@code reader}; {@code now} and {@code nowMillis} are the local
     * monotonic and wall-clock times of its arrival.
     */
    Lesson learn(int status, RateLimitHeaders headers, long now, long nowMillis, Thread reader) {
        Admission admission = answered(reader);
        // Sent before the gate opened the current window (or not known to be sent in it).
        boolean sentEarlier = admission == null || admission.epoch() < epoch;
        headers.dateEpochMilli().ifPresent(date -> serverClock.observe(date, nowMillis));
        long reset = plausibleReset(headers, nowMillis);
        if (status == 429) {
            return refused(headers, reset, sentEarlier, now, nowMillis);
        }
        blindRefusals = 0;
        if (!headers.describesWindow()) {
            // No rate-limit headers at all: once the probe confirms it, there is nothing to share.
            if (remaining < 0) {
                unlimited = true;
            }
            return Lesson.ROUTINE;
        }
        unlimited = false;
        headers.limit().ifPresent(value -> limit = value);
        if (reset == UNKNOWN) {
            headers.remaining().ifPresent(value -> remaining = value);
            if (remaining == 0 && rolloverAt == NEVER) {
                rolloverAt = now + FALLBACK_HOLD.toNanos();
            }
            return Lesson.ROUTINE;
        }
        int reported = headers.remaining().orElse(remaining);
        if (endedWindowSecond != UNKNOWN && reset <= endedWindowSecond) {
            if (!sentEarlier) {
                // Sent in the window the gate opened, counted in the one it closed: the server has not moved on yet.
                remaining = remaining < 0 ? reported : Math.min(remaining, reported);
            }
            return Lesson.ROUTINE;
        }
        if (windowEndSecond == UNKNOWN || reset > windowEndSecond) {
            learnWindowLength(reset);
            windowEndSecond = reset;
            remaining = reported;
            rolloverAt = holdEnd(windowEndOf(reset, now, nowMillis), now);
        } else {
            // Answers of one window arrive out of order: the smallest count is the latest.
            remaining = remaining < 0 ? reported : Math.min(remaining, reported);
        }
        return Lesson.ROUTINE;
    }

    private Lesson refused(RateLimitHeaders headers, long reset, boolean sentEarlier, long now, long nowMillis) {
        headers.limit().ifPresent(value -> limit = value);
        unlimited = false;
        long resetAt = NO_TIME;
        if (reset != UNKNOWN) {
            if (endedWindowSecond != UNKNOWN && reset <= endedWindowSecond) {
                if (sentEarlier) {
                    return Lesson.ROUTINE; // refused in a window that has ended since
                }
                // Refused in the window the gate closed: it opened the new one too early (clock error).
                // That reset is behind the local clock, so the hold follows Retry-After.
            } else {
                if (windowEndSecond == UNKNOWN || reset > windowEndSecond) {
                    learnWindowLength(reset);
                    windowEndSecond = reset;
                }
                resetAt = windowEndOf(reset, now, nowMillis);
            }
        }
        long retryAfter = headers.retryAfter()
                .filter(wait -> wait.compareTo(MAX_HOLD) <= 0)
                .map(Duration::toNanos)
                .orElse(UNKNOWN);
        long until = refusalEnd(resetAt, retryAfter, now);
        if (until == NO_TIME) {
            blindRefusals++;
            until = now + blindHold().toNanos();
        } else {
            blindRefusals = 0;
        }
        remaining = 0;
        // A reset gets the margin against clock errors on top of its truncation second; Retry-After is
        // taken as it is (it only rules when the reset is missing or disagrees with it).
        rolloverAt = until == resetAt ? holdEnd(until, now) : Math.min(until, saturatedAdd(now, MAX_HOLD.toNanos()));
        boolean first = !refusedThisWindow;
        refusedThisWindow = true;
        return first ? Lesson.FIRST_REFUSAL : Lesson.ROUTINE;
    }

    /**
     * When a refused window ends. {@code Retry-After} is in whole seconds and immune to clock skew; the
     * window's end ({@code X-RateLimit-Reset} + 1 s, see {@link #windowEndOf}) is right when the clocks
     * agree. The platform computes {@code Retry-After} as reset minus the truncated current second, so
     * {@code now + Retry-After} lies in [reset, reset + 1 s), a second at most before that end. Take the
     * end when it is consistent with {@code Retry-After}, otherwise {@code Retry-After}.
     */
    private static long refusalEnd(long resetAt, long retryAfterNanos, long now) {
        long tolerance = 50 * MILLI;
        long end;
        if (retryAfterNanos == UNKNOWN) {
            end = resetAt;
        } else {
            long retryAt = saturatedAdd(now, retryAfterNanos);
            boolean consistent =
                    resetAt != NO_TIME && resetAt >= retryAt - tolerance && resetAt <= retryAt + SECOND + tolerance;
            end = consistent ? resetAt : retryAt;
        }
        // NO_TIME for no hint, "retry after 0" or a time already past: the caller holds a little instead.
        return end != NO_TIME && end > now ? end : NO_TIME;
    }

    /** 1 s, 2 s, 4 s ... up to a minute for refusals in a row that said nothing usable. */
    private Duration blindHold() {
        Duration hold = FALLBACK_HOLD.multipliedBy(1L << Math.min(blindRefusals - 1, 10));
        return hold.compareTo(MAX_FALLBACK_HOLD) > 0 ? MAX_FALLBACK_HOLD : hold;
    }

    /** The answer's reset, unless it is more than {@link #MAX_HOLD} away from now (garbage); else UNKNOWN. */
    private long plausibleReset(RateLimitHeaders headers, long nowMillis) {
        if (headers.resetEpochSecond().isEmpty()) {
            return UNKNOWN;
        }
        long reset = headers.resetEpochSecond().getAsLong();
        long awayMillis = reset * 1000 - (nowMillis + serverClock.offsetMillis());
        return Math.abs(awayMillis) <= MAX_HOLD.toMillis() ? reset : UNKNOWN;
    }

    /** The rollover for a window ending at local {@code end}: clamped, plus a margin against small clock errors. */
    private long holdEnd(long end, long now) {
        long clamped = Math.min(Math.max(end, now), saturatedAdd(now, MAX_HOLD.toNanos()));
        return saturatedAdd(clamped, margin());
    }

    /** 1 % of the window (10 ms for a 1 s window, at most 250 ms); 50 ms while the window's length is unknown. */
    private long margin() {
        if (windowLengthSeconds == 0) {
            return 50 * MILLI;
        }
        return Math.min(250 * MILLI, Math.max(10 * MILLI, windowLengthSeconds * 10 * MILLI));
    }

    private void learnWindowLength(long reset) {
        long previous = windowEndSecond != UNKNOWN ? windowEndSecond : endedWindowSecond;
        long gap = reset - previous;
        if (previous != UNKNOWN && gap > 0 && gap <= MAX_HOLD.toSeconds()) {
            windowLengthSeconds = windowLengthSeconds == 0 ? gap : Math.min(windowLengthSeconds, gap);
        }
    }

    /** Places a server Unix second on the local monotonic clock. */
    /**
     * Where the window whose quoted reset is {@code resetEpochSecond} really ends, on the local clock: not
     * before reset + 1 s. The platform quotes {@code int(window_start + 60)}, its window's end truncated
     * to the second, so the window ends up to a second after the quoted reset; a request sent just after
     * the quoted reset would be refused again (one more 429, one more request).
     */
    private long windowEndOf(long resetEpochSecond, long now, long nowMillis) {
        return saturatedAdd(localTimeOf(resetEpochSecond, now, nowMillis), SECOND);
    }

    private long localTimeOf(long serverEpochSecond, long now, long nowMillis) {
        long serverNowMillis = nowMillis + serverClock.offsetMillis();
        long maxMillis = MAX_HOLD.toMillis() * 2;
        long aheadMillis = Math.max(-maxMillis, Math.min(maxMillis, serverEpochSecond * 1000 - serverNowMillis));
        return now + aheadMillis * MILLI;
    }

    /**
     * The answer read by {@code reader} settles its admission, or else the oldest one (an answer read on
     * another thread). Returns the admission settled, {@code null} when none was in flight.
     */
    private Admission answered(Thread reader) {
        Admission own = forget(reader);
        if (own != null) {
            return own;
        }
        // A reservation was not sent: only a request in flight can have been answered.
        for (Map.Entry<Object, Admission> oldest : inFlight.entrySet()) {
            if (!oldest.getValue().reserved()) {
                return forget(oldest.getKey());
            }
        }
        return null;
    }

    private Admission forget(Object caller) {
        return inFlight.remove(caller);
    }

    private void expire(long now, Duration patience) {
        Iterator<Admission> admissions = inFlight.values().iterator();
        while (admissions.hasNext()) {
            if (now - expiry(admissions.next(), patience) >= 0) {
                admissions.remove();
            }
        }
    }

    /** One line for logs and diagnostics. */
    String describe(long now) {
        if (unlimited) {
            return "no rate limit reported";
        }
        if (remaining < 0) {
            return "window not known yet, " + inFlight.size() + " in flight";
        }
        String resets = rolloverAt == NEVER
                ? "reset not known"
                : "resets in " + Math.max(0, (rolloverAt - now) / MILLI) + " ms";
        return "limit " + (limit > 0 ? limit : "?") + ", remaining " + remaining + ", " + inFlight.size()
                + " in flight, " + resets;
    }

    /** Requests per window, 0 while unknown. */
    int limit() {
        return limit;
    }

    /** Counts the windows the gate has seen end. */
    long epoch() {
        return epoch;
    }

    /** Whether the gate has learned how many requests the window has left (or that there is no limit). */
    boolean knowsWindow() {
        return unlimited || remaining >= 0;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) || (high == -1 && low < 0) ? low : Long.MAX_VALUE;
    }
}
