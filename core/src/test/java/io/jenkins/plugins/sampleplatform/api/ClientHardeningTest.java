package io.jenkins.plugins.sampleplatform.api;

import static io.jenkins.plugins.sampleplatform.api.FakePlatform.json;
import static io.jenkins.plugins.sampleplatform.api.FakePlatform.rateLimitedBody;
import static io.jenkins.plugins.sampleplatform.api.FakePlatform.summaryJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Connection resets, timeouts that are not retried, injected clients, 403 scopes and the request gate. */
class ClientHardeningTest extends LoopbackClientTest {

    // The JDK's HttpClient itself repeats a GET once when the connection closes before any answer, so a
    // single reset never reaches this client; two in a row do, and the client then retries on its own.
    @Test
    void connectionResetsBeforeTheAnswerAreRetried() throws Exception {
        try (ResettingServer server = new ResettingServer(2, 42)) {
            assertThat(support.client(server.baseUrl()).build().fetch(42).runId())
                    .isEqualTo(42);

            assertThat(server.connections()).isEqualTo(3);
            assertThat(support.retries)
                    .isNotEmpty()
                    .allSatisfy(event -> assertThat(event.reason()).isEqualTo(RetryEvent.Reason.CONNECTION_FAILED));
            assertThat(support.retryLines)
                    .allSatisfy(line -> assertThat(line).startsWith("connection failed, retrying in "));
            support.assertTokenNowhere(null);
        }
    }

    @Test
    void connectionsResetEveryTimeGiveUpAfterTheAttempts() throws Exception {
        try (ResettingServer server = new ResettingServer(Integer.MAX_VALUE, 42)) {
            Throwable error = catchThrowable(
                    () -> support.client(server.baseUrl()).build().fetch(42));

            assertThat(error)
                    .isInstanceOf(ApiException.TransportFailure.class)
                    .hasMessageContaining("Could not reach the Sample Platform")
                    .hasMessageContaining("Check the URL");
            assertThat(support.retries).extracting(RetryEvent::nextAttempt).containsExactly(2, 3);
            // three attempts of this client, each of which the JDK may repeat once
            assertThat(server.connections()).isBetween(3, 6);
            support.assertTokenNowhere(error);
        }
    }

    @Test
    void aTimeoutIsNotRetried() {
        platform.then(FakePlatform.slowBody(summaryJson(42), 200));
        Throwable error = catchThrowable(() -> support.client(platform.baseUrl())
                .requestTimeout(Duration.ofSeconds(1))
                .build()
                .fetch(42));

        assertThat(error)
                .isInstanceOf(ApiException.TransportFailure.class)
                .hasMessageContaining("did not answer within");
        assertThat(platform.requests()).isEqualTo(1);
        assertThat(support.retries).isEmpty();
    }

    @Test
    void anInterruptWhileAnAnswerTricklesInStopsAtOnce() throws Exception {
        platform.then(FakePlatform.slowBody(summaryJson(42), 200));
        java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
        Thread caller = new Thread(() -> outcome.complete(catchThrowable(() -> support.client(platform.baseUrl())
                .requestTimeout(Duration.ofSeconds(30))
                .build()
                .fetch(42))));
        caller.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (platform.requests() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(platform.requests()).as("the request reached the server").isEqualTo(1);
        caller.interrupt();
        caller.join(10_000);

        assertThat(caller.isAlive())
                .as("the caller stopped (the answer would take 30 s otherwise)")
                .isFalse();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(support.retries).isEmpty();
    }

    @Test
    void refusesAnInjectedClientThatFollowsRedirects() {
        HttpClient following = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        SamplePlatformClient.Builder builder = support.client(platform.baseUrl());

        assertThatThrownBy(() -> builder.httpClient(following))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not follow redirects")
                .hasMessageContaining("Redirect.NEVER");
    }

    @Test
    void usesAnInjectedClientThatDoesNotFollowRedirects() throws Exception {
        platform.then(json(200, summaryJson(42)));
        HttpClient injected = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        assertThat(support.client(platform.baseUrl())
                        .httpClient(injected)
                        .build()
                        .fetch(42)
                        .runId())
                .isEqualTo(42);
        assertThat(platform.authorizations).containsExactly("Bearer " + FakePlatform.TOKEN);
    }

    @Test
    void forbiddenExposesRequiredAndMissingScopes() {
        platform.then(
                json(
                        403,
                        "{\"code\":\"forbidden\",\"message\":\"Insufficient scope.\","
                                + "\"details\":{\"required_scopes\":[\"runs:read\",\"runs:list\"],\"missing_scopes\":[\"runs:read\"]}}"));
        Throwable error =
                catchThrowable(() -> support.client(platform.baseUrl()).build().fetch(1));

        assertThat(error).isInstanceOf(ApiException.Forbidden.class).hasMessageContaining("runs:read");
        ApiException.Forbidden forbidden = (ApiException.Forbidden) error;
        assertThat(forbidden.missingScopes()).containsExactly("runs:read");
        assertThat(forbidden.requiredScopes()).containsExactly("runs:read", "runs:list");
        assertThat(forbidden.error().orElseThrow().code()).isEqualTo("forbidden");
    }

    @Test
    void forbiddenWithoutDetailsStillNamesTheScope() {
        platform.then(json(403, "{\"code\":\"forbidden\",\"message\":\"No.\",\"details\":{}}"));
        Throwable error =
                catchThrowable(() -> support.client(platform.baseUrl()).build().fetch(1));

        assertThat(error).isInstanceOf(ApiException.Forbidden.class).hasMessageContaining("needs the scope runs:read");
        assertThat(((ApiException.Forbidden) error).requiredScopes()).isEmpty();
        assertThat(((ApiException.Forbidden) error).missingScopes()).isEmpty();
    }

    @Test
    void errorDetailsAreADeepImmutableCopy() {
        platform.then(json(
                404,
                "{\"code\":\"not_found\",\"message\":\"Run 7 not found.\","
                        + "\"details\":{\"resource\":\"run\",\"id\":7,\"tags\":[\"a\",null],\"more\":{\"k\":null}}}"));
        Throwable error =
                catchThrowable(() -> support.client(platform.baseUrl()).build().fetch(7));

        assertThat(error).isInstanceOf(RunNotFound.class);
        Map<String, Object> details =
                ((RunNotFound) error).error().orElseThrow().details();
        assertThat(details)
                .containsEntry("resource", "run")
                .containsEntry("id", 7)
                .containsKey("more");
        assertThatThrownBy(() -> details.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> tags = (List<Object>) details.get("tags");
        assertThat(tags).containsExactly("a", null);
        assertThatThrownBy(() -> tags.add("b")).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> more = (Map<String, Object>) details.get("more");
        assertThatThrownBy(() -> more.put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void controlCharactersFromAForeignBodyNeverReachTheMessage() {
        platform.then(
                FakePlatform.answer(502, "text/plain", "Bad \u001b[31mgateway\u0000 " + FakePlatform.TOKEN, Map.of()));
        Throwable error = catchThrowable(
                () -> support.client(platform.baseUrl()).maxAttempts(1).build().fetch(1));

        assertThat(error).isInstanceOf(ApiException.ServerError.class).hasMessageContaining("Bad ?[31mgateway? ****");
        assertThat(error.getMessage()).doesNotContain("\u001b").doesNotContain("\u0000");
        support.assertTokenNowhere(error);
    }

    @Test
    void aGateThatCannotAdmitEndsTheCallWithoutARequest() {
        RecordingGate gate = new RecordingGate(false);
        Instant before = support.time.now();
        Throwable error = catchThrowable(() -> support.client(platform.baseUrl())
                .clock(support.time.clock())
                .totalBudget(Duration.ofSeconds(10))
                .requestGate(gate)
                .build()
                .fetch(42));

        assertThat(error)
                .isInstanceOf(ApiException.RateLimitExhausted.class)
                .hasMessageContaining("rate limit at the Sample Platform is used up");
        assertThat(platform.requests()).isZero();
        // Held no longer than the longest single wait (2 s here), well inside the 10 s budget.
        assertThat(gate.deadlines).containsExactly(before.plusSeconds(2));
        support.assertTokenNowhere(error);
    }

    @Test
    void theGateAdmitsEveryAttemptAndLearnsEveryAnswer() throws Exception {
        platform.then(
                json(429, rateLimitedBody(1), Map.of("Retry-After", "1", "X-RateLimit-Reset", "1700000000")),
                json(200, summaryJson(42)));
        RecordingGate gate = new RecordingGate(true);

        assertThat(support.client(platform.baseUrl())
                        .requestGate(gate)
                        .build()
                        .fetch(42)
                        .runId())
                .isEqualTo(42);

        assertThat(gate.deadlines).hasSize(2);
        assertThat(gate.statuses).containsExactly(429, 200);
        assertThat(gate.firstHeaders.get().firstValue("Retry-After")).hasValue("1");
        assertThat(gate.firstHeaders.get().firstValue("X-RateLimit-Reset")).hasValue("1700000000");
        assertThat(platform.requests()).isEqualTo(2);
    }

    @Test
    void anInterruptWhileTheGateHoldsTheCallerReachesTheCaller() {
        RequestGate interrupted = new RequestGate() {
            @Override
            public boolean acquire(Instant deadline) throws InterruptedException {
                throw new InterruptedException("aborted");
            }

            @Override
            public void onResponse(int statusCode, HttpHeaders headers) {}
        };
        Throwable error = catchThrowable(() -> support.client(platform.baseUrl())
                .requestGate(interrupted)
                .build()
                .fetch(42));

        assertThat(error).isInstanceOf(InterruptedException.class);
        assertThat(platform.requests()).isZero();
    }

    /** Records what the client tells a gate; admits every request or none. */
    private static final class RecordingGate implements RequestGate {
        final List<Instant> deadlines = new CopyOnWriteArrayList<>();
        final List<Integer> statuses = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicReference<HttpHeaders> firstHeaders =
                new java.util.concurrent.atomic.AtomicReference<>();
        private final boolean admit;

        RecordingGate(boolean admit) {
            this.admit = admit;
        }

        @Override
        public boolean acquire(Instant deadline) {
            deadlines.add(deadline);
            return admit;
        }

        @Override
        public void onResponse(int statusCode, HttpHeaders headers) {
            statuses.add(statusCode);
            firstHeaders.compareAndSet(null, headers);
        }
    }
}
