package io.jenkins.plugins.sampleplatform.api;

import static io.jenkins.plugins.sampleplatform.api.FakePlatform.json;
import static io.jenkins.plugins.sampleplatform.api.FakePlatform.rateLimitedBody;
import static io.jenkins.plugins.sampleplatform.api.FakePlatform.summaryJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 429s, 5xx, failed connections, slow bodies and interrupts, against real sockets on loopback. Every wait runs on
 * simulated time ({@link ClientTestSupport#simulated}: the client's clock, its back-off sleeps and its gate's
 * holds), so no test sleeps for real, and none depends on the machine's load or on where a second boundary falls.
 */
class RetryTest extends LoopbackClientTest {

    private static FakePlatform.Answer tooMany(Map<String, String> headers) {
        return json(429, rateLimitedBody(1), headers);
    }

    @Test
    void waitsForRetryAfterSecondsThenSucceeds() throws Exception {
        platform.then(
                tooMany(Map.of("Retry-After", "1", "X-RateLimit-Limit", "120", "X-RateLimit-Remaining", "0")),
                json(200, summaryJson(42)));
        assertThat(support.simulated(platform.baseUrl()).build().fetch(42).runId())
                .isEqualTo(42);

        assertThat(support.time.elapsed()).isEqualTo(Duration.ofSeconds(1));
        assertThat(platform.requests()).isEqualTo(2);
        assertThat(support.retryLines).containsExactly("rate limited (HTTP 429), retrying in 1 s (attempt 2)");
        assertThat(platform.authorizations).containsOnly("Bearer " + FakePlatform.TOKEN);
    }

    @Test
    void readsRetryAfterAsAnHttpDate() throws Exception {
        // The JDK's HttpServer stamps its own Date header, so Retry-After is a real date two seconds ahead;
        // both are whole seconds, so the wait is 1 to 2 s (maxWait is 2 s).
        DateTimeFormatter http = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        platform.then(
                tooMany(Map.of("Retry-After", http.format(Instant.now().plusSeconds(2)))), json(200, summaryJson(42)));
        assertThat(support.simulated(platform.baseUrl()).build().fetch(42).runId())
                .isEqualTo(42);
        assertThat(support.retries)
                .singleElement()
                .satisfies(e -> assertThat(e.delay()).isBetween(RetryDelays.MIN_WAIT, Duration.ofSeconds(2)));
        assertThat(platform.requests()).isEqualTo(2);
    }

    @Test
    void waitsUntilTheWindowResetsWithoutRetryAfter() throws Exception {
        // Quoted the platform's way (truncated to the second) half a second into a second: the window ends by the
        // reset + 1 s, 1.5 s from now, and the gate adds its margin of 50 ms (the window's length is not known yet).
        long reset = support.time.now().getEpochSecond() + 1;
        platform.then(tooMany(Map.of("X-RateLimit-Reset", Long.toString(reset))), json(200, summaryJson(42)));
        support.simulated(platform.baseUrl()).build().fetch(42);
        assertThat(support.retries).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(RetryEvent.Reason.RATE_LIMITED);
            assertThat(e.delay()).as("the hold, rounded up to 0.1 s").isEqualTo(Duration.ofMillis(1600));
        });
        assertThat(support.time.elapsed()).isEqualTo(Duration.ofMillis(1550));
        assertThat(platform.requests()).isEqualTo(2);
    }

    /**
     * Where in its second the reset is quoted decides the wait: up to 2 s + the margin. (This test, on the wall
     * clock with a 2 s maxWait, failed whenever the quote fell early in a second: the wait then exceeded maxWait.)
     */
    @ParameterizedTest(name = "quoted {0} ms into a second")
    @ValueSource(ints = {0, 1, 500, 999})
    void theWaitForAResetDependsOnlyOnWhereInItsSecondItIsQuoted(int millisIntoSecond) throws Exception {
        ClientTestSupport at =
                new ClientTestSupport(Instant.parse("2031-03-01T12:00:00Z").plusMillis(millisIntoSecond));
        long reset = at.time.now().getEpochSecond() + 1;
        platform.then(tooMany(Map.of("X-RateLimit-Reset", Long.toString(reset))), json(200, summaryJson(42)));
        at.simulated(platform.baseUrl()).maxWait(Duration.ofSeconds(5)).build().fetch(42);
        assertThat(at.time.elapsed()).isEqualTo(Duration.ofMillis(2050 - millisIntoSecond));
    }

    @Test
    void aResetQuotedAtTheStartOfASecondIsLongerThanATwoSecondMaxWait() {
        ClientTestSupport at = new ClientTestSupport(Instant.parse("2031-03-01T12:00:00Z"));
        long reset = at.time.now().getEpochSecond() + 1;
        platform.then(tooMany(Map.of("X-RateLimit-Reset", Long.toString(reset))));
        Throwable error =
                catchThrowable(() -> at.simulated(platform.baseUrl()).build().fetch(42));
        assertThat(error)
                .isInstanceOf(ApiException.RateLimitExhausted.class)
                .hasMessageContaining(
                        "the next window opens in 3 s, longer than the longest single wait allowed (2 s)");
        assertThat(at.time.elapsed()).isZero();
    }

    @Test
    void backsOffWithoutAnyHeader() throws Exception {
        platform.then(tooMany(Map.of()), tooMany(Map.of()), json(200, summaryJson(42)));
        support.simulated(platform.baseUrl()).build().fetch(42);
        // Refusals that say nothing: the gate holds 1 s, then 2 s.
        assertThat(support.retries)
                .extracting(RetryEvent::delay)
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(support.time.elapsed()).isEqualTo(Duration.ofSeconds(3));
        assertThat(support.retries).extracting(RetryEvent::nextAttempt).containsExactly(2, 3);
    }

    @ParameterizedTest(name = "Retry-After: {0}")
    @ValueSource(
            strings = {
                "0",
                "-30",
                "garbage",
                "Wed, 01 Jan 2999 00:00:00 GMT",
                "3.5",
                "99999999999",
                "Fri, 01 Jan 2100 00:00:00 GMT"
            })
    void clampsAbsurdValues(String retryAfter) throws Exception {
        platform.then(tooMany(Map.of("Retry-After", retryAfter)), json(200, summaryJson(42)));
        support.simulated(platform.baseUrl()).build().fetch(42);
        assertThat(support.retries)
                .singleElement()
                .satisfies(e -> assertThat(e.delay()).isBetween(RetryDelays.MIN_WAIT, Duration.ofSeconds(2)));
    }

    // Without the shared gate the client reads the headers itself: years ahead is garbage, not a wait.
    @ParameterizedTest(name = "Retry-After: {0}")
    @ValueSource(strings = {"99999999999", "Fri, 01 Jan 2100 00:00:00 GMT"})
    void withAnOpenGateYearsAheadAreIgnoredLikeGarbage(String retryAfter) throws Exception {
        platform.then(tooMany(Map.of("Retry-After", retryAfter)), json(200, summaryJson(42)));
        assertThat(support.simulated(platform.baseUrl())
                        .requestGate(RequestGate.OPEN)
                        .build()
                        .fetch(42)
                        .runId())
                .isEqualTo(42);
        // Not a wait of years cut to maxWait: an implausible hint is no hint, so the client backs off.
        assertThat(support.retries)
                .singleElement()
                .satisfies(e -> assertThat(e.delay()).isBetween(RetryDelays.MIN_WAIT, Duration.ofSeconds(2)));
    }

    @Test
    void givesUpWhenTheBudgetRunsOut() {
        platform.then(tooMany(Map.of("Retry-After", "1")));
        Throwable error = catchThrowable(() -> support.simulated(platform.baseUrl())
                .totalBudget(Duration.ofMillis(3500))
                .build()
                .fetch(42));

        assertThat(error)
                .isInstanceOf(ApiException.RateLimitExhausted.class)
                .hasMessageContaining("HTTP 429")
                .hasMessageContaining("time budget of 3 s");
        // Three 1 s waits fit in the budget, a fourth would not: the call ends instead of sleeping in vain.
        assertThat(support.retries).hasSize(3);
        assertThat(support.time.elapsed())
                .as("ends after three waits, not after a fourth")
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(platform.requests()).isEqualTo(4);
        assertThat(((ApiException) error).error().orElseThrow().code()).isEqualTo("rate_limited");
        support.assertTokenNowhere(error);
    }

    @Test
    void aWaitLongerThanTheBudgetEndsTheCallAtOnce() {
        platform.then(tooMany(Map.of("Retry-After", "30")));
        Throwable error = catchThrowable(() -> support.simulated(platform.baseUrl())
                .maxWait(Duration.ofSeconds(60))
                .totalBudget(Duration.ofSeconds(5))
                .build()
                .fetch(42));
        assertThat(error).isInstanceOf(ApiException.RateLimitExhausted.class);
        assertThat(support.time.elapsed())
                .as("not a moment of the 30 s asked for")
                .isZero();
        assertThat(support.retries).isEmpty();
    }

    @Test
    void retriesServerErrorsAFewTimes() throws Exception {
        platform.then(
                json(503, "{\"code\":\"unavailable\",\"message\":\"Down.\",\"details\":{}}"),
                FakePlatform.html(502, "<html>Bad Gateway</html>"),
                json(200, summaryJson(42)));
        assertThat(support.simulated(platform.baseUrl()).build().fetch(42).runId())
                .isEqualTo(42);
        assertThat(support.retryLines).hasSize(2);
        assertThat(support.time.waits())
                .isEqualTo(support.retries.stream().map(RetryEvent::delay).toList());
        assertThat(support.retryLines.get(0))
                .startsWith("server error (HTTP 503), retrying in")
                .endsWith("(attempt 2)");
        assertThat(support.retryLines.get(1))
                .startsWith("server error (HTTP 502), retrying in")
                .endsWith("(attempt 3)");
    }

    @Test
    void neverRetriesOtherClientErrors() {
        platform.then(json(401, "{\"code\":\"unauthorized\",\"message\":\"No.\",\"details\":{}}"));
        assertThat(catchThrowable(
                        () -> support.client(platform.baseUrl()).build().fetch(42)))
                .isInstanceOf(ApiException.Unauthorized.class);
        assertThat(platform.requests()).isEqualTo(1);
        assertThat(support.retries).isEmpty();
    }

    @Test
    void retriesARefusedConnectionThenReportsIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        BaseUrl nowhere = BaseUrl.parse("http://127.0.0.1:" + closedPort + "/api/v1");
        Throwable error =
                catchThrowable(() -> support.simulated(nowhere).build().fetch(42));

        assertThat(error)
                .isInstanceOf(ApiException.TransportFailure.class)
                .hasMessageContaining("could not connect to 127.0.0.1:" + closedPort)
                .hasMessageContaining("Check the URL");
        assertThat(support.retries)
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.reason()).isEqualTo(RetryEvent.Reason.CONNECTION_FAILED));
        support.assertTokenNowhere(error);
    }

    @Test
    void reportsAConnectionResetInTheMiddleOfTheAnswer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> {
                try (Socket socket = server.accept()) {
                    ResettingServer.readRequestHead(socket.getInputStream());
                    OutputStream out = socket.getOutputStream();
                    out.write(
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"run_id\":42,"
                                    .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    socket.setSoLinger(true, 0); // close with RST
                } catch (IOException ignored) {
                    // the test asserts on the client's side
                }
            });
            BaseUrl url = BaseUrl.parse("http://127.0.0.1:" + server.getLocalPort() + "/api/v1");
            Throwable error = catchThrowable(
                    () -> support.client(url).maxAttempts(1).build().fetch(42));
            assertThat(error)
                    .isInstanceOf(ApiException.TransportFailure.class)
                    .hasMessageContaining("Could not reach the Sample Platform");
        }
    }

    @Test
    void aBodySlowerThanTheTimeoutFails() {
        platform.then(FakePlatform.slowBody(summaryJson(42), 200));
        Throwable error = catchThrowable(() -> support.client(platform.baseUrl())
                .requestTimeout(Duration.ofSeconds(1))
                .build()
                .fetch(42));
        assertThat(error)
                .isInstanceOf(ApiException.TransportFailure.class)
                .hasMessageContaining("did not answer within 1 s");
    }

    @Test
    void anInterruptDuringABackOffWaitStopsAtOnce() throws Exception {
        platform.then(tooMany(Map.of("Retry-After", "30")));
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                support.client(platform.baseUrl())
                        .maxWait(Duration.ofSeconds(30))
                        .totalBudget(Duration.ofMinutes(2))
                        .retryListener(e -> waiting.countDown())
                        .build()
                        .fetch(42);
            } catch (Throwable t) {
                outcome.set(t);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        assertThat(waiting.await(10, TimeUnit.SECONDS))
                .as("the client started waiting")
                .isTrue();
        caller.interrupt();
        caller.join(10_000);

        assertThat(caller.isAlive())
                .as("the caller stopped (it would sleep 30 s otherwise)")
                .isFalse();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        // As with Thread.sleep: the interrupt is reported by the exception, and the flag is cleared.
        assertThat(stillInterrupted.get()).isFalse();
        assertThat(platform.requests()).isEqualTo(1);
    }
}
