package io.jenkins.plugins.sampleplatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Failures that a retry cannot mend are reported at once, with what to fix; and a secret never leaks. */
class TransportClassificationTest {

    private static final String TOKEN = FakePlatform.TOKEN;

    @Test
    void httpsToAPlainHttpPortIsNotRetriedAndSaysTheServerDoesNotSpeakTls() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket plain = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                while (!plain.isClosed()) {
                    try (Socket s = plain.accept()) {
                        connections.incrementAndGet();
                        InputStream in = s.getInputStream();
                        in.read(new byte[512]); // the TLS ClientHello, which a plain HTTP server cannot parse
                        OutputStream out = s.getOutputStream();
                        out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (Exception e) {
                        // closed at the end of the test
                    }
                }
            });
            server.setDaemon(true);
            server.start();
            BaseUrl url = BaseUrl.parse("https://127.0.0.1:" + plain.getLocalPort() + "/api/v1");
            java.util.List<RetryEvent> retries = new java.util.concurrent.CopyOnWriteArrayList<>();
            Throwable error = catchThrowable(() -> SamplePlatformClient.builder(url, SecretText.of(TOKEN))
                    .maxAttempts(3)
                    .retryListener(retries::add)
                    .build()
                    .fetch(42));

            assertThat(error)
                    .isInstanceOf(ApiException.TransportFailure.class)
                    .hasMessageContaining("does not speak TLS on this port")
                    .hasMessageContaining("http://")
                    .hasMessageNotContaining(TOKEN);
            assertThat(retries).as("a TLS failure is not retried").isEmpty();
            // the JDK's HttpClient may itself reconnect once when the connection closes mid-handshake
            assertThat(connections.get()).as("connections").isBetween(1, 2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:0/api/v1", "http://127.0.0.1:65536/api/v1", "https://h:99999/api/v1"})
    void impossiblePortsAreRefusedUpFront(String url) {
        assertThat(catchThrowable(() -> BaseUrl.parse(url)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("impossible port")
                .hasMessageContaining("1 to 65535");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"spci_abc\u001b[2Jdef", "spci_abc\r\nX-Evil: 1", "spci_abc\ndef", "\uFEFFspci_abc", "spci abc"})
    void aTokenAHeaderCannotCarryIsRefusedAtBuildWithoutTheValue(String token) {
        Throwable error = catchThrowable(
                () -> SamplePlatformClient.builder(BaseUrl.parse("http://127.0.0.1:9/api/v1"), SecretText.of(token))
                        .build());
        assertThat(error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTP header");
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage()))
                    .doesNotContain("spci_abc")
                    .doesNotContain("spci abc");
        }
    }

    @Test
    void timeoutsAndFiveHundredsStillRetryAsBefore() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(
                    FakePlatform.json(503, "{\"code\":\"unavailable\"}"),
                    FakePlatform.json(200, FakePlatform.summaryJson(42)));
            assertThat(SamplePlatformClient.builder(platform.baseUrl(), SecretText.of(TOKEN))
                            .maxWait(Duration.ofSeconds(2))
                            .build()
                            .fetch(42)
                            .runId())
                    .isEqualTo(42);
            assertThat(platform.requests()).isEqualTo(2);
        }
    }
}
