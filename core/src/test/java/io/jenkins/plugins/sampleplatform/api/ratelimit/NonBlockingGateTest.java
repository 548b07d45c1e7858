package io.jenkins.plugins.sampleplatform.api.ratelimit;

import static io.jenkins.plugins.sampleplatform.api.ratelimit.GateTestSupport.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.api.Admission;
import io.jenkins.plugins.sampleplatform.api.GateTicket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link WindowGate#tryAcquire}: no thread held, places in line kept across deferrals, on a clock moved by hand. */
class NonBlockingGateTest {

    private final FakeClock clock = new FakeClock();
    private final WindowGate gate = new WindowGate("http://127.0.0.1:9/api/v1", clock);

    private Instant inSeconds(long seconds) {
        return clock.now().plusSeconds(seconds);
    }

    /** An answer of a 60 s window of {@code limit} with {@code remaining} left, ending in {@code resetIn} s. */
    private void answer(int limit, int remaining, long resetInSeconds) {
        gate.onResponse(200, window(clock.now(), limit, remaining, clock.epochSecond() + resetInSeconds - 1));
    }

    /**
     * Asks on a thread of its own, as the pool threads of different calls do: a thread that asks again has
     * had its previous request's answer or none will come, so one test thread would release its own admissions.
     */
    private Admission ask(Instant deadline, GateTicket ticket) {
        AtomicReference<Admission> answer = new AtomicReference<>();
        Thread caller = new Thread(() -> answer.set(gate.tryAcquire(deadline, ticket)), "pool-thread");
        caller.start();
        try {
            caller.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return answer.get();
    }

    @Test
    void admitsAtOnceWhileTheWindowHasRoom() {
        assertThat(ask(inSeconds(30), new GateTicket()).kind()).isEqualTo(Admission.Kind.ADMITTED);
        answer(10, 5, 60);
        for (int i = 0; i < 5; i++) {
            assertThat(ask(inSeconds(30), new GateTicket()).kind())
                    .as("request %d", i)
                    .isEqualTo(Admission.Kind.ADMITTED);
            answer(10, 4 - i, 60);
        }
        assertThat(clock.waits()).isZero();
    }

    @Test
    void defersUntilTheResetWhenTheWindowIsSpentAndHoldsNoThread() {
        answer(10, 0, 20);
        Admission admission = ask(inSeconds(60), new GateTicket());
        assertThat(admission.kind()).isEqualTo(Admission.Kind.DEFERRED);
        // The quoted reset + 1 s (the platform truncates its window's end) + the gate's margin.
        assertThat(Duration.between(clock.now(), admission.notBefore()))
                .isBetween(Duration.ofSeconds(20), Duration.ofSeconds(21));
        assertThat(clock.waits()).as("times a caller blocked").isZero();
        assertThat(gate.waiting()).isEqualTo(1);
    }

    @Test
    void saysNeverWhenTheResetIsPastTheDeadline() {
        answer(10, 0, 40);
        assertThat(ask(inSeconds(30), new GateTicket()).kind()).isEqualTo(Admission.Kind.NEVER);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void deferredCallersKeepTheirPlaceAgainstNewcomers() {
        answer(2, 0, 10);
        List<GateTicket> deferred = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            GateTicket ticket = new GateTicket();
            assertThat(ask(inSeconds(120), ticket).kind()).isEqualTo(Admission.Kind.DEFERRED);
            deferred.add(ticket);
        }
        clock.advance(Duration.ofSeconds(11));
        // A newcomer arriving first after the reset does not take the slots the earlier callers wait for.
        Admission newcomer = ask(inSeconds(120), new GateTicket());
        assertThat(newcomer.kind()).isEqualTo(Admission.Kind.DEFERRED);
        // The two first in line come back in reverse order: both get the slots reserved for them.
        assertThat(ask(inSeconds(120), deferred.get(1)).kind()).isEqualTo(Admission.Kind.ADMITTED);
        assertThat(ask(inSeconds(120), deferred.get(0)).kind()).isEqualTo(Admission.Kind.ADMITTED);
        // The third is told the next window, a window's length later (learnt: 10 s, then 60 s unknown → next reset).
        Admission third = ask(inSeconds(120), deferred.get(2));
        assertThat(third.kind()).isEqualTo(Admission.Kind.DEFERRED);
        assertThat(third.notBefore()).isAfter(clock.now());
    }

    @Test
    void aSlotReservedForACallerWhoNeverComesBackGoesToTheNextAfterThePatience() {
        answer(1, 0, 10);
        GateTicket absent = new GateTicket();
        GateTicket next = new GateTicket();
        assertThat(ask(inSeconds(120), absent).kind()).isEqualTo(Admission.Kind.DEFERRED);
        assertThat(ask(inSeconds(120), next).kind()).isEqualTo(Admission.Kind.DEFERRED);
        clock.advance(Duration.ofSeconds(11));
        assertThat(ask(inSeconds(120), next).kind())
                .as("the slot is held for the first in line")
                .isEqualTo(Admission.Kind.DEFERRED);
        clock.advance(WindowState.RESERVATION_PATIENCE);
        assertThat(ask(inSeconds(120), next).kind()).isEqualTo(Admission.Kind.ADMITTED);
    }

    @Test
    void leavingGivesTheReservedSlotToTheNextAtOnce() {
        answer(1, 0, 10);
        GateTicket aborted = new GateTicket();
        GateTicket next = new GateTicket();
        ask(inSeconds(120), aborted);
        ask(inSeconds(120), next);
        clock.advance(Duration.ofSeconds(11));
        assertThat(ask(inSeconds(120), next).kind()).isEqualTo(Admission.Kind.DEFERRED);
        gate.leave(aborted);
        assertThat(ask(inSeconds(120), next).kind()).isEqualTo(Admission.Kind.ADMITTED);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void whileTheFirstAnswerIsOutstandingOthersLookAgainShortly() {
        assertThat(ask(inSeconds(30), new GateTicket()).kind()).isEqualTo(Admission.Kind.ADMITTED);
        Admission second = ask(inSeconds(30), new GateTicket());
        assertThat(second.kind()).isEqualTo(Admission.Kind.DEFERRED);
        assertThat(Duration.between(clock.now(), second.notBefore())).isEqualTo(WindowGate.MIN_RECHECK);
    }
}
