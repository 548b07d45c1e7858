package io.jenkins.plugins.sampleplatform.api.ratelimit;

import static io.jenkins.plugins.sampleplatform.api.ratelimit.GateTestSupport.eventually;
import static io.jenkins.plugins.sampleplatform.api.ratelimit.GateTestSupport.headers;
import static io.jenkins.plugins.sampleplatform.api.ratelimit.GateTestSupport.queuedCaller;
import static io.jenkins.plugins.sampleplatform.api.ratelimit.GateTestSupport.settle;
import static io.jenkins.plugins.sampleplatform.api.ratelimit.GateTestSupport.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.api.ratelimit.GateTestSupport.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gate's behaviour on a clock the test moves by hand. */
class WindowGateTest {

    private final FakeClock clock = new FakeClock();
    private final WindowGate gate = new WindowGate("http://127.0.0.1:9/api/v1", clock);

    private Instant in(Duration duration) {
        return clock.now().plus(duration);
    }

    private Instant inSeconds(long seconds) {
        return in(Duration.ofSeconds(seconds));
    }

    /**
     * An answer of a window that ends in {@code resetInSeconds}, quoted the platform's way: its end truncated
     * to the second, here exactly one second early, so the gate must hold until the quoted reset + 1 s.
     */
    private void answer(int limit, int remaining, long resetInSeconds) {
        gate.onResponse(200, window(clock.now(), limit, remaining, quotedReset(resetInSeconds)));
    }

    private long quotedReset(long resetInSeconds) {
        return clock.epochSecond() + resetInSeconds - 1;
    }

    private void refuse(int limit, long resetInSeconds, long retryAfterSeconds) {
        gate.onResponse(
                429,
                headers(
                        clock.now(),
                        "X-RateLimit-Limit",
                        Integer.toString(limit),
                        "X-RateLimit-Remaining",
                        "0",
                        "X-RateLimit-Reset",
                        Long.toString(quotedReset(resetInSeconds)),
                        "Retry-After",
                        Long.toString(retryAfterSeconds)));
    }

    @Test
    void singleCallerPassesAtOnceBeforeAndWhileTheWindowHasRoom() throws InterruptedException {
        assertThat(gate.acquire(inSeconds(30))).isTrue();
        for (int i = 0; i < 50; i++) {
            answer(100, 99 - i, 60);
            assertThat(gate.acquire(inSeconds(30))).as("request %d", i).isTrue();
        }
        assertThat(clock.waits()).as("times a caller waited").isZero();
    }

    @Test
    void concurrentCallersPassAtOnceWhileTheWindowHasRoom() throws Exception {
        answer(120, 100, 60);
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            callers.add(new Caller(gate, inSeconds(30)));
        }
        for (Caller caller : callers) {
            assertThat(caller.result.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(clock.waits()).as("times a caller waited").isZero();
    }

    @Test
    void callersBeforeTheFirstAnswerWaitForIt() throws Exception {
        assertThat(gate.acquire(inSeconds(30)))
                .as("the first request probes the window")
                .isTrue();
        Caller second = queuedCaller(gate, inSeconds(30));
        settle();
        assertThat(second.result).isNotDone();

        answer(10, 9, 60);
        assertThat(second.result.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(gate.acquire(inSeconds(30)))
                .as("room for more once the window is known")
                .isTrue();
    }

    @Test
    void unansweredRequestsCountAgainstRemaining() throws Exception {
        answer(10, 2, 5);
        assertThat(new Caller(gate, inSeconds(30)).result.get(10, TimeUnit.SECONDS))
                .isTrue();
        assertThat(new Caller(gate, inSeconds(30)).result.get(10, TimeUnit.SECONDS))
                .isTrue();
        Caller third = queuedCaller(gate, inSeconds(30));

        answer(10, 1, 5);
        settle();
        assertThat(third.result)
                .as("one answered, one still in flight, one left: no room")
                .isNotDone();
        answer(10, 0, 5);
        settle();
        assertThat(third.result).isNotDone();

        clock.advance(Duration.ofMillis(5100));
        assertThat(third.result.get(10, TimeUnit.SECONDS))
                .as("admitted in the next window")
                .isTrue();
    }

    @Test
    void requestsUnansweredWhenTheWindowEndsCountAgainstTheNextOne() throws Exception {
        answer(3, 3, 1);
        long endedWindow = quotedReset(1);
        for (int i = 0; i < 3; i++) {
            assertThat(new Caller(gate, inSeconds(30)).result.get(10, TimeUnit.SECONDS))
                    .isTrue();
        }
        clock.advance(Duration.ofMillis(1100));
        Caller next = queuedCaller(gate, inSeconds(60));
        settle();
        assertThat(next.result)
                .as("three requests may still land in the new window")
                .isNotDone();

        // One of them is answered: it was counted in the window that ended, so its slot is free again.
        gate.onResponse(200, window(clock.now(), 3, 0, endedWindow));
        assertThat(next.result.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void unansweredRequestStopsCountingAfterItsPatience() throws Exception {
        answer(10, 1, 120);
        assertThat(new Caller(gate, inSeconds(100)).result.get(10, TimeUnit.SECONDS))
                .isTrue();
        Caller next = queuedCaller(gate, inSeconds(100));

        clock.advance(WindowState.IN_FLIGHT_PATIENCE.plusSeconds(1));
        assertThat(next.result.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void threadThatAsksAgainGetsBackItsUnansweredSlot() throws Exception {
        answer(10, 1, 60);
        assertThat(gate.acquire(in(Duration.ofMillis(500)))).isTrue();
        assertThat(gate.acquire(in(Duration.ofMillis(500))))
                .as("the first request got no answer: retry in its slot")
                .isTrue();
        assertThat(new Caller(gate, in(Duration.ofMillis(500))).result.get(10, TimeUnit.SECONDS))
                .as("the slot is still taken for anyone else")
                .isFalse();
    }

    @Test
    void refusalHoldsEveryWaiterUntilTheSameResetThenReleasesAtMostTheLimit() throws Exception {
        answer(3, 3, 2);
        refuse(3, 2, 2);
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            callers.add(queuedCaller(gate, inSeconds(60)));
        }
        clock.advance(Duration.ofMillis(1500));
        settle();
        assertThat(callers).noneMatch(Caller::admitted);

        clock.advance(Duration.ofMillis(600));
        eventually(() -> callers.get(2).admitted(), "the first three admitted after the reset");
        settle();
        assertThat(callers.subList(0, 3)).allMatch(Caller::admitted);
        assertThat(callers.subList(3, 5)).noneMatch(caller -> caller.result.isDone());
        assertThat(gate.waiting()).isEqualTo(2);
    }

    @ParameterizedTest(name = "limit {0} per window")
    @ValueSource(ints = {1, 2, 3})
    void waitersAreAdmittedInArrivalOrderAtMostLimitPerWindow(int limit) throws Exception {
        answer(limit, 0, 1);
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            callers.add(queuedCaller(gate, inSeconds(60)));
        }
        for (int first = 0; first < callers.size(); first += limit) {
            int end = Math.min(callers.size(), first + limit);
            clock.advance(Duration.ofMillis(1100));
            Caller last = callers.get(end - 1);
            eventually(last::admitted, "caller " + (end - 1) + " admitted");
            settle();
            for (int i = 0; i < callers.size(); i++) {
                assertThat(callers.get(i).result.isDone())
                        .as("caller %d done after the window opening with caller %d", i, first)
                        .isEqualTo(i < end);
            }
            for (int i = first; i < end; i++) {
                answer(limit, limit - 1 - (i - first), 1);
            }
        }
    }

    @Test
    void callerIsToldAtOnceWhenTheResetIsPastItsDeadline() throws Exception {
        refuse(5, 10, 10);
        assertThat(gate.acquire(inSeconds(1))).isFalse();
        assertThat(clock.waits()).as("no wait for a slot it cannot get").isZero();
        Caller patient = queuedCaller(gate, inSeconds(30));
        assertThat(patient.result).isNotDone();
    }

    @Test
    void callerIsToldAtOnceWhenTheLineAheadFillsTheNextWindow() throws Exception {
        answer(2, 2, 1);
        clock.advance(Duration.ofMillis(1100));
        answer(2, 0, 1); // the next window's end: the gate now knows windows last 1 s
        queuedCaller(gate, inSeconds(60));
        queuedCaller(gate, inSeconds(60));
        assertThat(gate.acquire(in(Duration.ofMillis(1500))))
                .as("third in line: the window after next")
                .isFalse();
        queuedCaller(gate, in(Duration.ofMillis(2500)));
        assertThat(gate.waiting()).isEqualTo(3);
    }

    @Test
    void waiterGivesUpAtItsDeadlineAndTheNextKeepsItsPlace() throws Exception {
        assertThat(gate.acquire(inSeconds(30))).isTrue();
        Caller hurried = queuedCaller(gate, inSeconds(1));
        Caller patient = queuedCaller(gate, inSeconds(60));

        clock.advance(Duration.ofMillis(1200));
        assertThat(hurried.result.get(10, TimeUnit.SECONDS)).isFalse();
        settle();
        assertThat(patient.result).isNotDone();

        answer(10, 9, 60);
        assertThat(patient.result.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void interruptedWaiterThrowsAndLeavesTheLine() throws Exception {
        assertThat(gate.acquire(inSeconds(30))).isTrue();
        Caller interrupted = queuedCaller(gate, inSeconds(60));
        Caller next = queuedCaller(gate, inSeconds(60));

        interrupted.thread.interrupt();
        assertThat(interrupted.result)
                .failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(InterruptedException.class);
        assertThat(gate.waiting()).isEqualTo(1);

        answer(10, 9, 60);
        assertThat(next.result.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void refusalSayingRetryAfterZeroHoldsASecondRatherThanHammer() throws Exception {
        gate.onResponse(429, headers(clock.now(), "Retry-After", "0"));
        assertThat(gate.acquire(in(Duration.ofMillis(500)))).isFalse();
        Caller patient = queuedCaller(gate, inSeconds(5));
        clock.advance(WindowState.FALLBACK_HOLD.plusMillis(100));
        assertThat(patient.result.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "X-RateLimit-Reset: years ahead",
                "X-RateLimit-Reset: 1970",
                "Retry-After: 99999999999",
                "Retry-After: Wed, 01 Jan 2999 00:00:00 GMT",
                "Retry-After: an hour"
            })
    void implausibleHintsAreIgnoredAndBlindRefusalsInARowBackOff(String hint) throws Exception {
        String[] header =
                switch (hint) {
                    case "X-RateLimit-Reset: years ahead" ->
                        new String[] {"X-RateLimit-Reset", Long.toString(clock.epochSecond() + 10L * 365 * 24 * 3600)};
                    case "X-RateLimit-Reset: 1970" -> new String[] {"X-RateLimit-Reset", "1000000000"};
                    case "Retry-After: an hour" -> new String[] {"Retry-After", "3600"};
                    default -> hint.split(": ", 2);
                };
        long[] holdsMillis = {1000, 2000, 4000};
        for (long holdMillis : holdsMillis) {
            gate.onResponse(
                    429,
                    headers(clock.now(), "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0", header[0], header[1]));
            assertThat(gate.acquire(in(Duration.ofMillis(holdMillis - 200))))
                    .as("held about %d ms", holdMillis)
                    .isFalse();
            Caller probe = queuedCaller(gate, inSeconds(30));
            Caller next = queuedCaller(gate, inSeconds(30));
            clock.advance(Duration.ofMillis(holdMillis + 100));
            assertThat(probe.result.get(10, TimeUnit.SECONDS)).isTrue();
            settle();
            assertThat(next.result)
                    .as("after a blind refusal the window reopens with one probe")
                    .isNotDone();
            next.thread.interrupt();
            assertThat(next.result).failsWithin(Duration.ofSeconds(10));
        }
        answer(5, 4, 30);
        assertThat(gate.acquire(inSeconds(1)))
                .as("an answer with usable headers ends the back-off")
                .isTrue();
    }

    @Test
    void resetIsReadOnTheServersClockFromTheDateHeader() throws Exception {
        Instant serverNow = clock.now().plus(Duration.ofHours(1));
        // quoted reset 2 s ahead on the server's clock: the window ends 3 s ahead at the latest
        gate.onResponse(200, window(serverNow, 1, 0, serverNow.getEpochSecond() + 2));
        Caller caller = queuedCaller(gate, inSeconds(10));

        clock.advance(Duration.ofMillis(2500));
        settle();
        assertThat(caller.result).isNotDone();
        clock.advance(Duration.ofMillis(700));
        assertThat(caller.result.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void answersWithoutRateLimitHeadersOpenTheGate() throws Exception {
        assertThat(gate.acquire(inSeconds(30))).isTrue();
        gate.onResponse(200, headers(clock.now()));
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            callers.add(new Caller(gate, inSeconds(30)));
        }
        for (Caller caller : callers) {
            assertThat(caller.result.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(clock.waits()).isZero();
    }

    private void refuseInWindowEndedAt(long endedWindow) {
        gate.onResponse(
                429,
                headers(
                        clock.now(),
                        "X-RateLimit-Limit",
                        "2",
                        "X-RateLimit-Remaining",
                        "0",
                        "X-RateLimit-Reset",
                        Long.toString(endedWindow),
                        "Retry-After",
                        "1"));
    }

    @Test
    void lateRefusalOfARequestSentInAnEndedWindowDoesNotCloseTheNewOne() throws Exception {
        answer(2, 1, 1);
        long endedWindow = quotedReset(1);
        assertThat(new Caller(gate, inSeconds(30)).result.get(10, TimeUnit.SECONDS))
                .isTrue();
        clock.advance(Duration.ofMillis(1100));
        refuseInWindowEndedAt(endedWindow); // the answer to that caller's request, read late
        assertThat(gate.acquire(in(Duration.ofMillis(500)))).isTrue();
    }

    @Test
    void refusalOfARequestSentAfterTheRolloverHoldsAgain() throws Exception {
        answer(2, 0, 1);
        long endedWindow = quotedReset(1);
        clock.advance(Duration.ofMillis(1100));
        assertThat(gate.acquire(in(Duration.ofMillis(500)))).isTrue();
        refuseInWindowEndedAt(endedWindow); // the server had not moved on yet: the gate's clock ran ahead
        assertThat(gate.acquire(in(Duration.ofMillis(500))))
                .as("held for Retry-After")
                .isFalse();
        Caller patient = queuedCaller(gate, inSeconds(5));
        clock.advance(Duration.ofMillis(1100));
        assertThat(patient.result.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void describesItsStateWithoutSecrets() {
        answer(120, 7, 30);
        assertThat(gate.toString()).contains("http://127.0.0.1:9/api/v1", "limit 120", "remaining 7", "0 waiting");
    }
}
