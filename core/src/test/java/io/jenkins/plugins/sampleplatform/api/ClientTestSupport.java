package io.jenkins.plugins.sampleplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.api.ratelimit.SimulatedTime;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client wired for tests: short waits and budgets, every retry line recorded. */
final class ClientTestSupport {

    final List<String> retryLines = new CopyOnWriteArrayList<>();
    final List<RetryEvent> retries = new CopyOnWriteArrayList<>();

    /** Simulated time for {@link #simulated}: no test waits for real, nor depends on where a second falls. */
    final SimulatedTime time;

    ClientTestSupport() {
        this(SimulatedTime.START);
    }

    /** Simulated time starting at {@code start}. */
    ClientTestSupport(java.time.Instant start) {
        this.time = new SimulatedTime(start);
    }

    /** {@link #client}, on {@link #time}: its clock, its sleeps and a gate of its own on it. */
    SamplePlatformClient.Builder simulated(BaseUrl baseUrl) {
        return client(baseUrl).clock(time.clock()).sleeper(time::sleep).requestGate(time.gate());
    }

    SamplePlatformClient.Builder client(BaseUrl baseUrl) {
        return SamplePlatformClient.builder(baseUrl, SecretText.of(FakePlatform.TOKEN))
                .requestTimeout(Duration.ofSeconds(5))
                .maxWait(Duration.ofSeconds(2))
                .totalBudget(Duration.ofSeconds(10))
                .retryListener(event -> {
                    retries.add(event);
                    retryLines.add(event.describe());
                });
    }

    /** The token must appear in nothing a user or a log can see. */
    void assertTokenNowhere(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(FakePlatform.TOKEN);
            assertThat(t.toString()).doesNotContain(FakePlatform.TOKEN);
        }
        assertThat(retryLines).noneMatch(line -> line.contains(FakePlatform.TOKEN));
    }
}
