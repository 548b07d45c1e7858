package io.jenkins.plugins.sampleplatform.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The gate in front of a real server enforcing a fixed window, with many concurrent callers. */
class GateOnLoopbackTest {

    private static final Duration BUDGET = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Fetches one summary through the gate, retrying at once after a 429 (the gate does the waiting). */
    private Duration fetch(WindowGate gate, URI uri) throws Exception {
        long start = System.nanoTime();
        Instant deadline = Instant.now().plus(BUDGET);
        while (true) {
            assertThat(gate.acquire(deadline)).as("admitted within the budget").isTrue();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            gate.onResponse(answer.statusCode(), answer.headers());
            if (answer.statusCode() == 200) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            assertThat(answer.statusCode()).isEqualTo(429);
        }
    }

    @Test
    void thirtyCallersShareTenPerSecondWithAtMostOneRefusalPerWindow() throws Exception {
        try (FixedWindowServer server = FixedWindowServer.start(10, Duration.ofSeconds(1))) {
            WindowGate gate = new WindowGate(server.baseUri().toString());
            ExecutorService callers = Executors.newFixedThreadPool(30);
            try {
                List<Future<Duration>> waits = new ArrayList<>();
                for (int i = 1; i <= 30; i++) {
                    URI uri = URI.create(server.baseUri() + "/runs/" + i + "/summary");
                    waits.add(callers.submit(() -> fetch(gate, uri)));
                }
                for (Future<Duration> wait : waits) {
                    assertThat(wait.get()).isLessThan(BUDGET);
                }
            } finally {
                callers.shutdownNow();
            }
            assertThat(server.accepted()).isEqualTo(30);
            assertThat(server.mostAcceptedInOneWindow()).isLessThanOrEqualTo(10);
            assertThat(server.mostRefusedInOneWindow()).as("429 answers in one window").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void callerWithAShortBudgetIsToldPromptly() throws Exception {
        try (FixedWindowServer server = FixedWindowServer.start(2, Duration.ofSeconds(10))) {
            WindowGate gate = new WindowGate(server.baseUri().toString());
            URI uri = URI.create(server.baseUri() + "/runs/1/summary");
            fetch(gate, uri);
            fetch(gate, uri);
            long start = System.nanoTime();
            boolean admitted = gate.acquire(Instant.now().plusSeconds(1));
            assertThat(admitted).as("the window is spent for up to 10 s, the budget is 1 s").isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered without waiting out the budget")
                    .isLessThan(Duration.ofMillis(900));
            assertThat(server.refused()).as("nothing sent to be refused").isZero();
        }
    }
}
