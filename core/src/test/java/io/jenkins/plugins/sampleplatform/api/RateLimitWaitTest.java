package io.jenkins.plugins.sampleplatform.api;

import static io.jenkins.plugins.sampleplatform.api.FakePlatform.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.sampleplatform.api.ratelimit.DrivenTime;
import io.jenkins.plugins.sampleplatform.api.ratelimit.WindowGate;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Waits after a 429 as the real platform quotes them: truncated to the second, so not before the
 * quoted reset + 1 s; a wait longer than the client may wait ends the call at once, saying when the next
 * window opens; the notice names the wait that really happens.
 */
class RateLimitWaitTest extends LoopbackClientTest {

    private static final String TOKEN = FakePlatform.TOKEN;
    private static final Duration STEP = Duration.ofMillis(10);

    private SamplePlatformClient.Builder client(BaseUrl url, List<RetryEvent> events) {
        return SamplePlatformClient.builder(url, SecretText.of(TOKEN))
                .requestTimeout(Duration.ofSeconds(5))
                .maxWait(Duration.ofSeconds(10))
                .totalBudget(Duration.ofSeconds(30))
                .retryListener(events::add);
    }

    /** {@link #client} on simulated time (clock, sleeps, a gate of its own): nothing waits, nothing races a second. */
    private SamplePlatformClient.Builder simulated(BaseUrl url, List<RetryEvent> events) {
        return support.simulated(url)
                .maxWait(Duration.ofSeconds(10))
                .totalBudget(Duration.ofSeconds(30))
                .retryListener(events::add);
    }

    /** {@link #client} on {@code time}: its deadlines, its back-off sleeps. */
    private SamplePlatformClient.Builder driven(BaseUrl url, List<RetryEvent> events, DrivenTime time) {
        return client(url, events).clock(time.clock()).sleeper(time::sleep);
    }

    @Test
    void callersHeldByTheSharedGateGetNoSecond429() throws Exception {
        DrivenTime time = new DrivenTime();
        try (TruncatingWindowServer server = new TruncatingWindowServer(2, 2, time::currentTimeMillis)) {
            List<RetryEvent> events = new CopyOnWriteArrayList<>();
            WindowGate gate = time.gate();
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                int run = i;
                // one client per caller, as separate builds; they share the gate of (URL, token)
                SamplePlatformClient client =
                        driven(server.baseUrl(), events, time).requestGate(gate).build();
                calls.add(() -> client.fetch(run).runId());
            }
            assertThat(time.run(calls, gate, server::inFlight, STEP)).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(server.accepted()).isEqualTo(6);
            assertThat(server.refused())
                    .as("429s: the gate held callers past the quoted reset + 1 s, so none was refused")
                    .isZero();
        }
    }

    /**
     * On the wall clock, unlike the others: without the gate the client reads the reset against the answer's
     * {@code Date}, which the JDK's {@code HttpServer} always stamps in real time, so the server's window must be
     * in real time too. It asserts no timing: only that the retry is not refused.
     */
    @RepeatedTest(2)
    void aCallerOnItsOwnRetriesAfterTheQuotedResetPlusOneSecondAndIsNotRefusedAgain() throws Exception {
        try (TruncatingWindowServer server = new TruncatingWindowServer(1, 2, System::currentTimeMillis)) {
            List<RetryEvent> events = new CopyOnWriteArrayList<>();
            SamplePlatformClient client = client(server.baseUrl(), events)
                    .requestGate(RequestGate.OPEN)
                    .build();
            client.fetch(1); // spends the window
            assertThat(client.fetch(2).runId()).isEqualTo(2);

            assertThat(server.refused()).as("one 429, no second").isEqualTo(1);
            assertThat(server.accepted()).isEqualTo(2);
            assertThat(events)
                    .singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo(RetryEvent.Reason.RATE_LIMITED));
        }
    }

    @Test
    void theNoticeNamesTheWaitThatReallyHappens() throws Exception {
        DrivenTime time = new DrivenTime();
        try (TruncatingWindowServer server = new TruncatingWindowServer(1, 3, time::currentTimeMillis)) {
            List<RetryEvent> events = new CopyOnWriteArrayList<>();
            // another process spends the window; this one learns of it from its 429 and the gate holds it
            driven(server.baseUrl(), new ArrayList<>(), time)
                    .requestGate(RequestGate.OPEN)
                    .build()
                    .fetch(1);
            WindowGate gate = time.gate();
            SamplePlatformClient client =
                    driven(server.baseUrl(), events, time).requestGate(gate).build();
            Callable<Integer> call = () -> client.fetch(2).runId();
            time.run(List.of(call), gate, server::inFlight, STEP);

            assertThat(events).singleElement().satisfies(e -> {
                long told = e.delay().toMillis();
                long waited = server.refusalToNextAcceptMillis();
                // The time moves in steps of 10 ms: the retry goes within a step of the hold's end.
                assertThat(waited).as("waited %d ms, told %d ms", waited, told).isBetween(told - 100, told + 10);
            });
        }
    }

    @Test
    void aResetBeyondMaxWaitEndsTheCallAtOnceSayingWhenTheWindowOpens() {
        long reset = support.time.now().getEpochSecond() + 40;
        platform.then(json(
                429,
                "{\"code\":\"rate_limited\",\"message\":\"Rate limit exceeded.\",\"details\":{}}",
                Map.of("Retry-After", "40", "X-RateLimit-Reset", Long.toString(reset), "X-RateLimit-Remaining", "0")));
        List<RetryEvent> events = new CopyOnWriteArrayList<>();
        Throwable error = catchThrowable(() -> simulated(platform.baseUrl(), events)
                .maxWait(Duration.ofSeconds(10))
                .totalBudget(Duration.ofMinutes(5))
                .build()
                .fetch(42));

        assertThat(error)
                .isInstanceOf(ApiException.RateLimitExhausted.class)
                .hasMessageContaining(
                        "the next window opens in 41 s") // half a second into a second: 41.55 s, rounded up
                .hasMessageContaining("longer than the longest single wait allowed (10 s)")
                .hasMessageNotContaining("retrying");
        ApiException.RateLimitExhausted spent = (ApiException.RateLimitExhausted) error;
        assertThat(spent.limit()).isEqualTo(ApiException.RateLimitExhausted.Limit.MAX_WAIT);
        assertThat(spent.nextWindowIn()).hasValue(Duration.ofMillis(40_600));
        assertThat(events).as("no notice of a wait that will not happen").isEmpty();
        assertThat(platform.requests()).isEqualTo(1);
        assertThat(support.time.elapsed()).as("ended at once").isZero();
    }

    @Test
    void aResetBeyondTheBudgetSaysSoWithoutBlamingManyRefusals() {
        long reset = support.time.now().getEpochSecond() + 50;
        platform.then(json(
                429,
                "{\"code\":\"rate_limited\",\"message\":\"Rate limit exceeded.\",\"details\":{}}",
                Map.of("Retry-After", "50", "X-RateLimit-Reset", Long.toString(reset), "X-RateLimit-Remaining", "0")));
        List<RetryEvent> events = new CopyOnWriteArrayList<>();
        Throwable error = catchThrowable(() -> simulated(platform.baseUrl(), events)
                .maxWait(Duration.ofMinutes(2))
                .totalBudget(Duration.ofSeconds(20))
                .build()
                .fetch(42));

        assertThat(error)
                .isInstanceOf(ApiException.RateLimitExhausted.class)
                .hasMessageContaining("HTTP 429 for run 42")
                .hasMessageContaining("the next window opens in 51 s")
                .hasMessageContaining("beyond the time budget of 20 s")
                .hasMessageNotContaining("kept refusing")
                .hasMessageNotContaining("run fewer builds");
        assertThat(((ApiException.RateLimitExhausted) error).limit())
                .isEqualTo(ApiException.RateLimitExhausted.Limit.TOTAL_BUDGET);
        assertThat(events).isEmpty();
        assertThat(platform.requests()).isEqualTo(1);
    }
}
