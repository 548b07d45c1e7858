package io.jenkins.plugins.sampleplatform.api.ratelimit;

import io.jenkins.plugins.sampleplatform.api.RequestGate;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link RequestGate} for one token on one server: it learns the fixed rate-limit window from the
 * answers and, while the window is spent, holds requests until it resets instead of letting them be
 * refused. Waiting callers are released one by one in arrival order, at most as many per window as the
 * window allows; a caller is never admitted past its deadline and is told so at once when the gate can
 * already see it would be. While the window has room a caller passes straight through.
 *
 * <p>Thread-safe; share one instance per (base URL, token) through {@link RateLimitGates#shared}.
 */
public final class WindowGate implements RequestGate {

    private static final Logger LOG = Logger.getLogger(WindowGate.class.getName());

    private final String label;
    private final GateClock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final WindowState state = new WindowState();
    /** Callers waiting for a slot, first come first served. */
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();

    private long loggedHoldEpoch = -1;

    /**
     * A gate for the server named {@code label} in log lines (its base URL; never a token).
     */
    public WindowGate(String label) {
        this(label, GateClock.SYSTEM);
    }

    WindowGate(String label, GateClock clock) {
        this.label = Objects.requireNonNull(label, "label");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One caller in line. Fields are guarded by the gate's lock. */
    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        final Condition turn;
        final long deadline;
        boolean admitted;
        boolean hopeless;

        Waiter(Condition turn, long deadline) {
            this.turn = turn;
            this.deadline = deadline;
        }
    }

    @Override
    public boolean acquire(Instant deadline) throws InterruptedException {
        Objects.requireNonNull(deadline, "deadline");
        Thread caller = Thread.currentThread();
        lock.lockInterruptibly();
        try {
            long now = clock.nanoTime();
            state.release(caller);
            dispatch(now);
            if (queue.isEmpty() && state.tryAdmit(now, caller)) {
                return true;
            }
            long deadlineNanos = toNanos(deadline, now);
            if (state.earliestAdmission(now, queue.size()) > deadlineNanos) {
                return false;
            }
            logHold(now);
            return waitForTurn(new Waiter(lock.newCondition(), deadlineNanos));
        } finally {
            lock.unlock();
        }
    }

    /** Yes: after a 429 every caller waits in {@link #acquire} for the same reset. */
    @Override
    public boolean holdsAfterRateLimit() {
        return true;
    }

    @Override
    public java.util.Optional<java.time.Duration> holdTime() {
        lock.lock();
        try {
            long now = clock.nanoTime();
            state.roll(now);
            long admission = state.earliestAdmission(now, queue.size());
            if (admission == WindowState.NEVER) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(java.time.Duration.ofNanos(Math.max(0, admission - now)));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onResponse(int statusCode, HttpHeaders headers) {
        RateLimitHeaders parsed = RateLimitHeaders.parse(headers, clock.currentTimeMillis());
        String refusal = null;
        lock.lock();
        try {
            long now = clock.nanoTime();
            state.roll(now);
            WindowState.Lesson lesson =
                    state.learn(statusCode, parsed, now, clock.currentTimeMillis(), Thread.currentThread());
            dispatch(now);
            if (lesson == WindowState.Lesson.FIRST_REFUSAL) {
                refusal = "Sample Platform " + label + " refused a request (HTTP 429, rate limit reached); "
                        + "requests with this token are held until the window resets (" + state.describe(now) + ", "
                        + queue.size() + " waiting)";
            }
        } finally {
            lock.unlock();
        }
        if (refusal != null) {
            // FINE, not INFO: the client already tells its caller about the wait (RetryListener); at INFO
            // this line reached every command line's stderr in the JVM's default log format.
            LOG.fine(refusal);
        }
    }

    private boolean waitForTurn(Waiter me) throws InterruptedException {
        queue.addLast(me);
        try {
            while (true) {
                long now = clock.nanoTime();
                if (queue.peekFirst() == me) {
                    dispatch(now);
                }
                if (me.admitted) {
                    return true;
                }
                if (me.hopeless || now - me.deadline >= 0) {
                    leave(me, now);
                    return false;
                }
                // Only the first in line watches the clock; the others sleep until called or out of time.
                long until = queue.peekFirst() == me ? Math.min(me.deadline, state.nextEvent(now)) : me.deadline;
                clock.await(me.turn, Math.max(1, until - now));
            }
        } catch (InterruptedException e) {
            if (me.admitted) {
                state.release(me.thread);
            }
            leave(me, clock.nanoTime());
            throw e;
        }
    }

    /**
     * Admits waiters from the head of the line while the window has room, tells those who can no longer
     * make their deadline, and wakes the new head so that it watches the clock.
     */
    private void dispatch(long now) {
        state.roll(now);
        Waiter head;
        while ((head = queue.peekFirst()) != null && state.tryAdmit(now, head.thread)) {
            queue.pollFirst();
            head.admitted = true;
            head.turn.signal();
        }
        int position = 0;
        for (Iterator<Waiter> line = queue.iterator(); line.hasNext(); ) {
            Waiter waiter = line.next();
            if (state.earliestAdmission(now, position) > waiter.deadline) {
                line.remove();
                waiter.hopeless = true;
                waiter.turn.signal();
            } else {
                position++;
            }
        }
        if ((head = queue.peekFirst()) != null) {
            head.turn.signal();
        }
    }

    private void leave(Waiter me, long now) {
        queue.remove(me);
        dispatch(now);
    }

    private void logHold(long now) {
        if (state.knowsWindow() && loggedHoldEpoch != state.epoch() && LOG.isLoggable(Level.FINE)) {
            loggedHoldEpoch = state.epoch();
            LOG.fine(() -> "Sample Platform " + label + ": rate-limit window spent, holding requests in arrival order; "
                    + state.describe(now));
        }
    }

    /** The deadline on the monotonic clock; deadlines decades away are cut to decades (no overflow). */
    private long toNanos(Instant deadline, long now) {
        long decadesMillis = 1_000_000_000_000L;
        long leftMillis;
        try {
            leftMillis = Math.subtractExact(deadline.toEpochMilli(), clock.currentTimeMillis());
        } catch (ArithmeticException e) {
            leftMillis = deadline.isBefore(Instant.EPOCH) ? -decadesMillis : decadesMillis;
        }
        return now + Math.max(-decadesMillis, Math.min(decadesMillis, leftMillis)) * 1_000_000L;
    }

    /** Number of callers waiting, for tests and diagnostics. */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "WindowGate[" + label + ": " + state.describe(clock.nanoTime()) + ", " + queue.size() + " waiting]";
        } finally {
            lock.unlock();
        }
    }
}
