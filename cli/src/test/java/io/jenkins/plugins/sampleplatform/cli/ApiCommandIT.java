package io.jenkins.plugins.sampleplatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API mode through the real jar against a Sample Platform on loopback. */
class ApiCommandIT {

    private static final String TOKEN = "spci_cli_test_71a9e3";
    private static final String SUMMARY = "{\"run_id\":42,\"status\":\"fail\",\"total_samples\":10,\"pass_count\":8,"
            + "\"fail_count\":2,\"skipped_count\":0,\"missing_output_count\":0,\"error_count\":2,\"duration_ms\":5000}";

    @TempDir
    Path directory;

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger rateLimitedAnswers = new AtomicInteger();
    private volatile int status = 200;
    private volatile String body = SUMMARY;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/runs/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            int answer = status;
            String text = body;
            if (rateLimitedAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer = 429;
                text = "{\"code\":\"rate_limited\",\"message\":\"Rate limit exceeded.\",\"details\":{}}";
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    private volatile String retryAfter = "1";

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    @Test
    void readsTheTokenFromTheEnvironment() throws Exception {
        CliProcess.Outcome outcome =
                CliProcess.run(Map.of("SAMPLEPLATFORM_TOKEN", TOKEN), "summary", "--url", url(), "--run", "42");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.UNSTABLE);
        assertThat(outcome.stdout()).contains("2 samples failed", url().replace("/api/v1", "") + "/test/42");
        assertThat(authorizations).containsExactly("Bearer " + TOKEN);
    }

    @Test
    void readsTheTokenFromAFile() throws Exception {
        Path file = Files.writeString(directory.resolve("token"), TOKEN + "\n");
        CliProcess.Outcome outcome = CliProcess.run(
                Map.of(),
                "summary",
                "--url",
                url(),
                "--token-file",
                file.toString(),
                "--run",
                "42",
                "--format",
                "json");
        assertThat(outcome.stdout()).startsWith("{\"run_id\":42");
        assertThat(authorizations).containsExactly("Bearer " + TOKEN);
    }

    @Test
    void withoutATokenItIsAUsageError() throws Exception {
        CliProcess.Outcome outcome = CliProcess.run(Map.of(), "summary", "--url", url(), "--run", "42");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.stderr()).contains("No API token").contains("SAMPLEPLATFORM_TOKEN");
        assertThat(authorizations).isEmpty();
    }

    @Test
    void aRefusedTokenIsReportedWithoutTheTokenEvenVerbose() throws Exception {
        status = 401;
        body = "{\"code\":\"unauthorized\",\"message\":\"Token " + TOKEN + " is revoked.\",\"details\":{}}";
        CliProcess.Outcome outcome = CliProcess.run(
                Map.of("SAMPLEPLATFORM_TOKEN", TOKEN), "summary", "--url", url(), "--run", "42", "--verbose");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.NO_SUMMARY);
        assertThat(outcome.stderr())
                .contains("could not get the summary of run 42")
                .contains("Check the credential");
        assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(TOKEN);
    }

    @Test
    void aServerThatIsDownIsOneClearLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CliProcess.Outcome outcome = CliProcess.run(
                Map.of("SAMPLEPLATFORM_TOKEN", TOKEN),
                "summary",
                "--url",
                "http://127.0.0.1:" + closedPort + "/api/v1",
                "--run",
                "42",
                "--max-wait",
                "1");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.NO_SUMMARY);
        assertThat(outcome.stderr())
                .contains("could not connect to 127.0.0.1:" + closedPort)
                .doesNotContain("Exception");
        assertThat(outcome.stdout()).isEmpty();
    }

    @Test
    void saysOnStandardErrorWhileItWaitsForTheRateLimit() throws Exception {
        rateLimitedAnswers.set(1);
        CliProcess.Outcome outcome = CliProcess.run(
                Map.of("SAMPLEPLATFORM_TOKEN", TOKEN), "summary", "--url", url(), "--run", "42", "--format", "json");
        // the gate's real hold, to 0.1 s: "Retry-After: 1" less the time the answer took to read
        assertThat(outcome.stderr())
                .containsPattern("rate limited \\(HTTP 429\\), retrying in (0\\.\\d|1) s \\(attempt 2\\)");
        assertThat(outcome.stdout()).startsWith("{").doesNotContain("rate limited");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.UNSTABLE);
    }

    @Test
    void ctrlCStopsALongWaitAtOnce() throws Exception {
        rateLimitedAnswers.set(100);
        retryAfter = "30";
        Process process =
                CliProcess.start(Map.of("SAMPLEPLATFORM_TOKEN", TOKEN), "summary", "--url", url(), "--run", "42");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (authorizations.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // into the 30 s wait
        long start = System.nanoTime();
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        CliProcess.Outcome outcome = CliProcess.finish(process, 10);
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to stop").isLessThan(5_000);
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(authorizations).hasSize(1);
    }
}
