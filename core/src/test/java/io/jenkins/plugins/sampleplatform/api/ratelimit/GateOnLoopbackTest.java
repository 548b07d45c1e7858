package io.jenkins.plugins.sampleplatform.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.api.ApiException;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.RequestGate;
import io.jenkins.plugins.sampleplatform.api.RetryEvent;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The API client with its default (shared) gate, against a real server enforcing a fixed window. */
class GateOnLoopbackTest {

    private static final Duration BUDGET = Duration.ofSeconds(20);
    private static final String TOKEN = "spci_loopback_gate_token";

    private static SamplePlatformClient.Builder client(FixedWindowServer server, Duration budget) {
        return SamplePlatformClient.builder(BaseUrl.parse(server.baseUri().toString()), SecretText.of(TOKEN))
                .totalBudget(budget);
    }

    /** Fetches {@code callers} summaries at once, each on its own client; returns each call's duration. */
    private static List<Duration> fetchConcurrently(FixedWindowServer server, int callers, RequestGate gate)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Duration>> calls = new ArrayList<>();
            for (int i = 1; i <= callers; i++) {
                int runId = i;
                SamplePlatformClient.Builder builder = client(server, BUDGET);
                SamplePlatformClient client = gate == null
                        ? builder.build()
                        : builder.requestGate(gate).build();
                calls.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    long start = System.nanoTime();
                    assertThat(client.fetch(runId).runId()).isEqualTo(runId);
                    return Duration.ofNanos(System.nanoTime() - start);
                }));
            }
            ready.await();
            Thread.sleep(server.millisToNextWindow() + 5); // all start early in one window
            go.countDown();
            List<Duration> durations = new ArrayList<>();
            for (Future<Duration> call : calls) {
                durations.add(call.get());
            }
            return durations;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thirtyCallersShareTenPerSecondWithAtMostOneRefusalPerWindow() throws Exception {
        try (FixedWindowServer server = FixedWindowServer.start(10, Duration.ofSeconds(1))) {
            List<Duration> durations = fetchConcurrently(server, 30, null);
            assertThat(durations)
                    .hasSize(30)
                    .allSatisfy(duration -> assertThat(duration).isLessThan(BUDGET));
            assertThat(server.accepted()).isEqualTo(30);
            assertThat(server.mostAcceptedInOneWindow()).isLessThanOrEqualTo(10);
            assertThat(server.mostRefusedInOneWindow())
                    .as("429 answers in one window")
                    .isLessThanOrEqualTo(1);
        }
    }

    @Test
    void withoutTheGateTheSameCallersAreRefusedInBulk() throws Exception {
        try (FixedWindowServer server = FixedWindowServer.start(10, Duration.ofSeconds(1))) {
            fetchConcurrently(server, 30, RequestGate.OPEN);
            assertThat(server.accepted()).isEqualTo(30);
            assertThat(server.mostRefusedInOneWindow())
                    .as("what the gate prevents")
                    .isGreaterThan(1);
        }
    }

    @Test
    void callerWithAShortBudgetIsToldPromptlyWithoutSendingARequest() throws Exception {
        try (FixedWindowServer server = FixedWindowServer.start(2, Duration.ofSeconds(10))) {
            client(server, BUDGET).build().fetch(1);
            client(server, BUDGET).build().fetch(2);
            SamplePlatformClient hurried = client(server, Duration.ofSeconds(3)).build();
            long start = System.nanoTime();
            assertThatThrownBy(() -> hurried.fetch(3))
                    .isInstanceOf(ApiException.RateLimitExhausted.class)
                    .hasMessageContaining("rate limit at the Sample Platform is used up")
                    .hasMessageContaining("time budget of 3 s")
                    .hasMessageNotContaining(TOKEN);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("told before its budget ran out")
                    .isLessThan(Duration.ofSeconds(2));
            assertThat(server.refused()).as("nothing sent to be refused").isZero();
        }
    }

    @Test
    void afterARefusalTheListenerIsToldAndTheRetrySucceedsInTheNextWindow() throws Exception {
        try (FixedWindowServer server = FixedWindowServer.start(1, Duration.ofSeconds(1))) {
            SecretText token = SecretText.of(TOKEN);
            BaseUrl url = BaseUrl.parse(server.baseUri().toString());
            // Another process spent the window: this JVM's gate has not seen it, so its first request is refused.
            SamplePlatformClient.builder(url, token)
                    .requestGate(RequestGate.OPEN)
                    .build()
                    .fetch(1);
            List<RetryEvent> events = new CopyOnWriteArrayList<>();
            SamplePlatformClient client = SamplePlatformClient.builder(url, token)
                    .totalBudget(BUDGET)
                    .retryListener(events::add)
                    .build();
            assertThat(client.fetch(2).runId()).isEqualTo(2);
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.reason()).isEqualTo(RetryEvent.Reason.RATE_LIMITED);
                assertThat(event.nextAttempt()).isEqualTo(2);
            });
            assertThat(server.refused()).isEqualTo(1);
            assertThat(server.accepted()).isEqualTo(2);
        }
    }
}
