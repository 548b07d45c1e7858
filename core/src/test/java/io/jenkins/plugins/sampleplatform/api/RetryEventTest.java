package io.jenkins.plugins.sampleplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryEventTest {

    @Test
    void describesEachWaitInOneLine() {
        assertThat(new RetryEvent(2, Duration.ofSeconds(30), RetryEvent.Reason.RATE_LIMITED, "HTTP 429").describe())
                .isEqualTo("rate limited (HTTP 429), retrying in 30 s (attempt 2)");
        assertThat(new RetryEvent(3, Duration.ofMillis(1500), RetryEvent.Reason.SERVER_ERROR, "HTTP 503").describe())
                .isEqualTo("server error (HTTP 503), retrying in 1.5 s (attempt 3)");
        assertThat(new RetryEvent(
                                2, Duration.ofMillis(12_400), RetryEvent.Reason.CONNECTION_FAILED, "connection failed")
                        .describe())
                .isEqualTo("connection failed, retrying in 12 s (attempt 2)");
    }
}
