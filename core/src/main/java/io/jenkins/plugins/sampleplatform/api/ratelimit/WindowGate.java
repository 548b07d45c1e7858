package io.jenkins.plugins.sampleplatform.api.ratelimit;

import io.jenkins.plugins.sampleplatform.api.Admission;
import io.jenkins.plugins.sampleplatform.api.GateTicket;
import io.jenkins.plugins.sampleplatform.api.RequestGate;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
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
    /** Callers waiting for a slot, first come first served: threads in {@link #acquire}, and deferred tickets. */
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    /** The deferred callers in {@link #queue}, by ticket. */
    private final Map<GateTicket, Waiter> tickets = new HashMap<>();

    private long loggedHoldEpoch = -1;

    /** The shortest deferral: a caller whose turn only an answer can bring (a probe in flight) looks again then. */
    static final java.time.Duration MIN_RECHECK = java.time.Duration.ofMillis(200);

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

    /**
     * One caller in line: a thread blocked in {@link #acquire} ({@code turn} set), or a deferred caller's ticket
     * ({@code turn} null: nobody is there to wake; it comes back itself). Fields are guarded by the gate's lock.
     */
    private static final class Waiter {
        /** The thread, or the ticket, that the admission is counted for. */
        final Object key;

        final Condition turn;
        long deadline;
        boolean admitted;
        boolean hopeless;

        Waiter(Object key, Condition turn, long deadline) {
            this.key = key;
            this.turn = turn;
            this.deadline = deadline;
        }

        void wake() {
            if (turn != null) {
                turn.signal();
            }
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
            return waitForTurn(new Waiter(caller, lock.newCondition(), deadlineNanos));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Admits now, or defers without holding the thread. <b>Fairness:</b> a deferred caller's ticket takes a place
     * in the same first-come-first-served line as the threads blocked in {@link #acquire}. When the window has
     * room, slots go to the line's head in order; a slot that falls to a ticket is <em>reserved</em> for it
     * (counted against the window) until the caller comes back with the ticket and claims it, or for
     * {@link WindowState#RESERVATION_PATIENCE} (10 s; a caller that never comes back, say an aborted build that
     * did not {@link #leave}, then costs the line that long, once). A caller that comes back before its turn is
     * deferred again with its place kept; one that arrives without a place queues behind everyone, so a newcomer
     * never overtakes a deferred caller. The time given with a deferral is the gate's estimate of the caller's
     * turn (its position in line against the window's room and reset), at least {@link #MIN_RECHECK} away.
     */
    @Override
    public Admission tryAcquire(Instant deadline, GateTicket ticket) {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(ticket, "ticket");
        Thread caller = Thread.currentThread();
        lock.lock();
        try {
            long now = clock.nanoTime();
            dispatch(now);
            if (state.claim(ticket, caller, now)) {
                return Admission.admitted();
            }
            long deadlineNanos = toNanos(deadline, now);
            Waiter mine = tickets.get(ticket);
            if (mine == null) {
                // A newcomer (or a caller whose reserved slot expired, or who was told it could not make its
                // deadline): a thread asking again has had its previous request's answer, or none will come.
                state.release(caller);
                if (queue.isEmpty() && state.tryAdmit(now, caller)) {
                    return Admission.admitted();
                }
                if (state.earliestAdmission(now, queue.size()) > deadlineNanos) {
                    return Admission.never();
                }
                logHold(now);
                mine = new Waiter(ticket, null, deadlineNanos);
                queue.addLast(mine);
                tickets.put(ticket, mine);
            } else {
                mine.deadline = deadlineNanos;
            }
            int position = positionOf(mine);
            long turn = state.earliestAdmission(now, position);
            if (turn > deadlineNanos) {
                drop(mine);
                return Admission.never();
            }
            long at = Math.max(turn, now + MIN_RECHECK.toNanos());
            return Admission.deferred(Instant.ofEpochMilli(clock.currentTimeMillis())
                    .plusNanos(Math.min(at - now, WindowState.MAX_HOLD.toNanos())));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void leave(GateTicket ticket) {
        lock.lock();
        try {
            long now = clock.nanoTime();
            Waiter waiter = tickets.get(ticket);
            if (waiter != null) {
                drop(waiter);
            }
            state.release(ticket);
            dispatch(now);
        } finally {
            lock.unlock();
        }
    }

    private int positionOf(Waiter waiter) {
        int position = 0;
        for (Waiter other : queue) {
            if (other == waiter) {
                return position;
            }
            position++;
        }
        return position;
    }

    private void drop(Waiter waiter) {
        queue.remove(waiter);
        tickets.remove((GateTicket) waiter.key);
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
                if (firstThread() == me) {
                    dispatch(now);
                }
                if (me.admitted) {
                    return true;
                }
                if (me.hopeless || now - me.deadline >= 0) {
                    leave(me, now);
                    return false;
                }
                // Only the first thread in line watches the clock; the others sleep until called or out of time.
                long until = firstThread() == me ? Math.min(me.deadline, state.nextEvent(now)) : me.deadline;
                clock.await(me.turn, Math.max(1, until - now));
            }
        } catch (InterruptedException e) {
            if (me.admitted) {
                state.release(me.key);
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
        while ((head = queue.peekFirst()) != null && state.tryAdmit(now, head.key)) {
            queue.pollFirst();
            if (head.turn == null) {
                tickets.remove((GateTicket) head.key); // reserved: the ticket's holder claims it when it comes back
            }
            head.admitted = true;
            head.wake();
        }
        int position = 0;
        for (Iterator<Waiter> line = queue.iterator(); line.hasNext(); ) {
            Waiter waiter = line.next();
            if (state.earliestAdmission(now, position) > waiter.deadline) {
                line.remove();
                if (waiter.turn == null) {
                    tickets.remove((GateTicket) waiter.key);
                }
                waiter.hopeless = true;
                waiter.wake();
            } else {
                position++;
            }
        }
        Waiter watcher = firstThread();
        if (watcher != null) {
            watcher.wake();
        }
    }

    /** The first thread blocked in line (deferred tickets before it hold no thread to watch the clock). */
    private Waiter firstThread() {
        for (Waiter waiter : queue) {
            if (waiter.turn != null) {
                return waiter;
            }
        }
        return null;
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
