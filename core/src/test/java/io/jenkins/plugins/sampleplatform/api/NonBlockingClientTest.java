package io.jenkins.plugins.sampleplatform.api;

import static io.jenkins.plugins.sampleplatform.api.FakePlatform.json;
import static io.jenkins.plugins.sampleplatform.api.FakePlatform.rateLimitedBody;
import static io.jenkins.plugins.sampleplatform.api.FakePlatform.summaryJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.sampleplatform.api.ratelimit.WindowGate;
import io.jenkins.plugins.sampleplatform.defer.Deferred;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's non-blocking mode: every wait ends the call with a {@link Deferred}; resuming keeps the limits. */
class NonBlockingClientTest extends LoopbackClientTest {

    private static Deferred deferral(SamplePlatformClient client, int runId) {
        Throwable thrown = catchThrowable(() -> client.fetch(runId));
        assertThat(thrown).isInstanceOf(Deferred.class);
        return (Deferred) thrown;
    }

    @Test
    void a429EndsTheCallWithItsRetryAfterAndTheResumedCallSucceeds() throws Exception {
        platform.then(json(429, rateLimitedBody(1), Map.of("Retry-After", "1")), json(200, summaryJson(42)));
        SamplePlatformClient client =
                support.client(platform.baseUrl()).requestGate(RequestGate.OPEN).build();
        CallBudget budget = client.newCall();
        Instant before = Instant.now();

        Deferred deferred = deferral(client.deferring(budget), 42);

        assertThat(deferred.reason()).isEqualTo(Deferred.Reason.RATE_LIMITED);
        assertThat(deferred.nextAttempt()).isEqualTo(2);
        assertThat(deferred.delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(deferred.notBefore()).isAfterOrEqualTo(before.plusSeconds(1));
        assertThat(deferred.describe()).isEqualTo("rate limited (HTTP 429), trying again in 1 s (attempt 2)");
        assertThat(deferred.isTransient()).isTrue();
        assertThat(platform.requests()).isEqualTo(1);
        assertThat(support.retries).as("nothing slept, so no retry notice").isEmpty();

        assertThat(client.deferring(budget).fetch(42).runId()).isEqualTo(42);
        assertThat(platform.requests()).isEqualTo(2);
    }

    @Test
    void aResumedCallKeepsItsAttemptCountAfterServerErrors() {
        platform.then(json(503, "{}"), json(503, "{}"), json(503, "{}"), json(200, summaryJson(42)));
        SamplePlatformClient client = support.client(platform.baseUrl())
                .requestGate(RequestGate.OPEN)
                .maxAttempts(3)
                .build();
        CallBudget budget = client.newCall();

        Deferred first = deferral(client.deferring(budget), 42);
        assertThat(first.reason()).isEqualTo(Deferred.Reason.SERVER_ERROR);
        assertThat(first.nextAttempt()).isEqualTo(2);
        assertThat(first.delay()).isBetween(RetryDelays.MIN_WAIT, Duration.ofSeconds(2));
        Deferred second = deferral(client.deferring(budget), 42);
        assertThat(second.nextAttempt()).isEqualTo(3);

        Throwable third = catchThrowable(() -> client.deferring(budget).fetch(42));
        assertThat(third).isInstanceOf(ApiException.ServerError.class);
        assertThat(platform.requests())
                .as("three attempts in all, across the deferrals")
                .isEqualTo(3);

        // A new call starts with a fresh attempt count.
        assertThat(catchThrowable(() -> client.deferring(client.newCall()).fetch(42)))
                .isNull();
    }

    @Test
    void aSpentWindowDefersWithoutSendingAnything() throws Exception {
        long reset = Instant.now().getEpochSecond() + 30;
        platform.then(json(
                200,
                summaryJson(42),
                Map.of(
                        "X-RateLimit-Limit", "120",
                        "X-RateLimit-Remaining", "0",
                        "X-RateLimit-Reset", Long.toString(reset))));
        WindowGate gate = new WindowGate("test");
        SamplePlatformClient client = support.client(platform.baseUrl())
                .requestGate(gate)
                .totalBudget(Duration.ofMinutes(5))
                .build();
        assertThat(client.deferring(client.newCall()).fetch(42).runId()).isEqualTo(42);

        CallBudget budget = client.newCall();
        Deferred deferred = deferral(client.deferring(budget), 42);

        // Held 30 s, past maxWait (2 s): a deferred call holds no thread, so only its budget bounds the hold.
        assertThat(deferred.reason()).isEqualTo(Deferred.Reason.WINDOW_SPENT);
        assertThat(deferred.nextAttempt()).isEqualTo(1);
        assertThat(deferred.notBefore()).isAfter(Instant.now().plusSeconds(20));
        assertThat(platform.requests()).as("the deferred call sent nothing").isEqualTo(1);

        client.abandon(budget);
        assertThat(gate.toString()).contains("0 waiting");
    }

    @Test
    void aWaitPastTheBudgetStillEndsTheCallForGood() {
        platform.then(json(429, rateLimitedBody(30), Map.of("Retry-After", "30")));
        SamplePlatformClient client =
                support.client(platform.baseUrl()).requestGate(RequestGate.OPEN).build();

        Throwable thrown =
                catchThrowable(() -> client.deferring(client.newCall()).fetch(42));

        assertThat(thrown).isInstanceOf(ApiException.RateLimitExhausted.class);
        assertThat(((ApiException) thrown).isTransient()).isTrue();
    }
}
