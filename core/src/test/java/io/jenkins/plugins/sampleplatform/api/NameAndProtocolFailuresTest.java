package io.jenkins.plugins.sampleplatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A host name that does not resolve, and a port that does not speak HTTP: one attempt each (a retry mends
 * neither), and a message that says which it was. {@code .invalid} never resolves (RFC 6761), so nothing
 * leaves the machine.
 */
class NameAndProtocolFailuresTest {

    private static final String TOKEN = FakePlatform.TOKEN;

    private final List<RetryEvent> retries = new CopyOnWriteArrayList<>();

    /** What fetching run 42 from {@code url} throws, with up to 3 attempts; {@link #retries} gets the retries. */
    private Throwable fetchFrom(String url) {
        return catchThrowable(() -> SamplePlatformClient.builder(BaseUrl.parse(url), SecretText.of(TOKEN))
                .maxAttempts(3)
                .retryListener(retries::add)
                .build()
                .fetch(42));
    }

    @Test
    void aNameThatDoesNotResolveIsTriedOnceAndSaidSo() {
        Throwable error = fetchFrom("http://no-such-host.invalid/api/v1");

        assertThat(error)
                .isInstanceOf(ApiException.TransportFailure.class)
                .hasMessageContaining("the host name no-such-host.invalid did not resolve")
                .hasMessageNotContaining("refused")
                .hasMessageNotContaining(TOKEN);
        assertThat(retries).as("a name that does not resolve is not retried").isEmpty();
    }

    @Test
    void aPortThatDoesNotSpeakHttpIsTriedOnceAndItsBytesAreNeverPrintedRaw() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket database = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                while (!database.isClosed()) {
                    try (Socket s = database.accept()) {
                        connections.incrementAndGet();
                        OutputStream out = s.getOutputStream();
                        // A MariaDB greeting: a length, NUL bytes, a protocol number, an escape sequence.
                        out.write(new byte[] {'d', 0, 0, 0, 10, '5', '.', '5', 0x1b, '[', '2', 'J', '\r', '\n'});
                        out.flush();
                        s.getInputStream().read(new byte[512]);
                    } catch (Exception e) {
                        // closed at the end of the test
                    }
                }
            });
            server.setDaemon(true);
            server.start();
            Throwable error = fetchFrom("http://127.0.0.1:" + database.getLocalPort() + "/api/v1");

            assertThat(error)
                    .isInstanceOf(ApiException.TransportFailure.class)
                    .hasMessageContaining("the server at 127.0.0.1:" + database.getLocalPort() + " does not speak HTTP")
                    .hasMessageContaining("\\x00")
                    .hasMessageContaining("Check the port");
            assertThat(error.getMessage().chars().filter(Character::isISOControl))
                    .as("control characters in the message")
                    .isEmpty();
            assertThat(retries)
                    .as("a server that does not speak HTTP is not retried")
                    .isEmpty();
            assertThat(connections.get()).isEqualTo(1);
        }
    }
}
