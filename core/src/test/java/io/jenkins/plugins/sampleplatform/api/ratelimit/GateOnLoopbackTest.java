package io.jenkins.plugins.sampleplatform.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.api.ApiException;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.RequestGate;
import io.jenkins.plugins.sampleplatform.api.RetryEvent;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.api.TestClients;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The API client with a shared gate, against a real server enforcing a fixed window, on {@link DrivenTime}: the
 * server, the gate and the client read the same time, which moves only while every caller waits, so the
 * outcome depends neither on the machine's load nor on where a second boundary falls.
 */
class GateOnLoopbackTest {

    private static final Duration BUDGET = Duration.ofSeconds(20);
    private static final Duration STEP = Duration.ofMillis(100);
    private static final String TOKEN = "spci_loopback_gate_token";

    private final DrivenTime time = new DrivenTime();

    private SamplePlatformClient.Builder client(FixedWindowServer server, Duration budget) {
        return TestClients.on(
                        SamplePlatformClient.builder(
                                BaseUrl.parse(server.baseUri().toString()), SecretText.of(TOKEN)),
                        time.clock(),
                        time::sleep)
                .totalBudget(budget);
    }

    /** Fetches {@code callers} summaries at once, each on its own client; returns each call's duration. */
    private List<Duration> fetchConcurrently(FixedWindowServer server, int callers, RequestGate gate) throws Exception {
        List<Callable<Duration>> calls = new ArrayList<>();
        for (int i = 1; i <= callers; i++) {
            int runId = i;
            SamplePlatformClient client =
                    client(server, BUDGET).requestGate(gate).build();
            calls.add(() -> {
                Instant start = time.now();
                assertThat(client.fetch(runId).runId()).isEqualTo(runId);
                return Duration.between(start, time.now());
            });
        }
        return time.run(calls, gate, server::inFlight, STEP);
    }

    @Test
    void thirtyCallersShareTenPerSecondWithAtMostOneRefusalPerWindow() throws Exception {
        try (FixedWindowServer server = FixedWindowServer.start(10, Duration.ofSeconds(1), time)) {
            List<Duration> durations = fetchConcurrently(server, 30, time.gate());
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
        try (FixedWindowServer server = FixedWindowServer.start(10, Duration.ofSeconds(1), time)) {
            fetchConcurrently(server, 30, RequestGate.OPEN);
            assertThat(server.accepted()).isEqualTo(30);
            assertThat(server.mostRefusedInOneWindow())
                    .as("what the gate prevents")
                    .isGreaterThan(1);
        }
    }

    @Test
    void callerWithAShortBudgetIsToldPromptlyWithoutSendingARequest() throws Exception {
        try (FixedWindowServer server = FixedWindowServer.start(2, Duration.ofSeconds(10), time)) {
            WindowGate gate = time.gate();
            client(server, BUDGET).requestGate(gate).build().fetch(1);
            client(server, BUDGET).requestGate(gate).build().fetch(2);
            SamplePlatformClient hurried =
                    client(server, Duration.ofSeconds(3)).requestGate(gate).build();
            Instant start = time.now();
            assertThatThrownBy(() -> hurried.fetch(3))
                    .isInstanceOf(ApiException.RateLimitExhausted.class)
                    .hasMessageContaining("rate limit at the Sample Platform is used up")
                    .hasMessageContaining("time budget of 3 s")
                    .hasMessageNotContaining(TOKEN);
            assertThat(time.now()).as("told while no time passed").isEqualTo(start);
            assertThat(server.refused()).as("nothing sent to be refused").isZero();
        }
    }

    @Test
    void afterARefusalTheListenerIsToldAndTheRetrySucceedsInTheNextWindow() throws Exception {
        try (FixedWindowServer server = FixedWindowServer.start(1, Duration.ofSeconds(1), time)) {
            // Another process spent the window: this JVM's gate has not seen it, so its first request is refused.
            client(server, BUDGET).requestGate(RequestGate.OPEN).build().fetch(1);
            List<RetryEvent> events = new CopyOnWriteArrayList<>();
            WindowGate gate = time.gate();
            SamplePlatformClient client = client(server, BUDGET)
                    .requestGate(gate)
                    .retryListener(events::add)
                    .build();
            Callable<Integer> call = () -> client.fetch(2).runId();
            assertThat(time.run(List.of(call), gate, server::inFlight, STEP)).containsExactly(2);
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.reason()).isEqualTo(RetryEvent.Reason.RATE_LIMITED);
                assertThat(event.nextAttempt()).isEqualTo(2);
            });
            assertThat(server.refused()).isEqualTo(1);
            assertThat(server.accepted()).isEqualTo(2);
        }
    }
}
