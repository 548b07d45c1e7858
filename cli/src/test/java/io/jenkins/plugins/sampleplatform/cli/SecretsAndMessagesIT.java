package io.jenkins.plugins.sampleplatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10 through the real jar: no secret ever printed, every message true, no wasted request, and only
 * the command line's own lines on standard error.
 */
class SecretsAndMessagesIT {

    private static final String TOKEN = "spci_Sx4mQ0cTlN7pZ2dR8vW1yK5jH3gF6bA9eC0uL-iT";
    private static final String SUMMARY = "{\"run_id\":42,\"status\":\"fail\",\"total_samples\":10,\"pass_count\":8,"
            + "\"fail_count\":2,\"skipped_count\":0,\"missing_output_count\":0,\"error_count\":2,\"duration_ms\":5000}";

    @TempDir
    Path directory;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile long resetIn = 30;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/runs/", exchange -> {
            requests.incrementAndGet();
            int status = 200;
            String text = SUMMARY;
            if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 429;
                long reset = Instant.now().getEpochSecond() + resetIn;
                text = "{\"code\":\"rate_limited\",\"message\":\"Rate limit exceeded.\",\"details\":{}}";
                exchange.getResponseHeaders().add("Retry-After", Long.toString(resetIn));
                exchange.getResponseHeaders().add("X-RateLimit-Limit", "120");
                exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
                exchange.getResponseHeaders().add("X-RateLimit-Reset", Long.toString(reset));
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    private static void assertSecretNowhere(CliProcess.Outcome outcome, String secret) {
        for (String piece : secret.split("[^\\x21-\\x7E]+")) {
            if (piece.length() >= 6) {
                assertThat(outcome.stdout()).doesNotContain(piece);
                assertThat(outcome.stderr()).doesNotContain(piece);
            }
        }
    }

    private static void assertOnlyOwnLines(CliProcess.Outcome outcome) {
        assertThat(outcome.stderr().lines().toList())
                .as("stderr: only the command line's own lines")
                .allSatisfy(line -> assertThat(line).matches("sampleplatform: .*|Try 'sampleplatform .* --help' .*"));
    }

    @ParameterizedTest(name = "SAMPLEPLATFORM_TOKEN with {0}")
    @ValueSource(strings = {"ESC", "CR", "LF", "second line", "NUL-free control", "non-ASCII"})
    void aTokenVariableAHeaderCannotCarryIsAUsageErrorNamingTheVariableNeverTheValue(String kind) throws Exception {
        String token =
                switch (kind) {
                    case "ESC" -> TOKEN + "\u001b[31m";
                    case "CR" -> TOKEN.substring(0, 20) + "\r" + TOKEN.substring(20);
                    case "LF" -> TOKEN.substring(0, 20) + "\n" + TOKEN.substring(20);
                    case "second line" -> TOKEN + "\n# the CI token";
                    case "NUL-free control" -> TOKEN + "\u0007";
                    default -> TOKEN + "\u00e9";
                };
        for (String verbose : List.of("--format=text", "--verbose")) {
            CliProcess.Outcome outcome =
                    CliProcess.summary(Map.of("SAMPLEPLATFORM_TOKEN", token), "--url", url(), "--run", "42", verbose);
            assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.USAGE);
            assertThat(outcome.stderr()).contains("SAMPLEPLATFORM_TOKEN");
            assertSecretNowhere(outcome, token);
            assertOnlyOwnLines(outcome);
        }
        assertThat(requests.get()).as("nothing sent").isZero();
    }

    @ParameterizedTest(name = "token file with {0}")
    @ValueSource(strings = {"a comment line", "a second line", "an escape", "Windows line end and a second line"})
    void aTokenFileWithMoreThanTheTokenIsAUsageErrorNamingTheFile(String kind) throws Exception {
        String content =
                switch (kind) {
                    case "a comment line" -> "# token for the nightly job\n" + TOKEN + "\n";
                    case "a second line" -> TOKEN + "\nspci_anotherTokenValue123\n";
                    case "an escape" -> TOKEN + "\u001b\n";
                    default -> TOKEN + "\r\n" + TOKEN + "\r\n";
                };
        Path file = Files.writeString(directory.resolve("token"), content);
        CliProcess.Outcome outcome = CliProcess.summary(
                Map.of(), "--url", url(), "--run", "42", "--token-file", file.toString(), "--verbose");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.stderr()).contains(file.toString());
        assertSecretNowhere(outcome, content);
        assertOnlyOwnLines(outcome);
        assertThat(requests.get()).isZero();
    }

    @Test
    void aTokenFileSavedWithAByteOrderMarkWorks() throws Exception {
        Path file =
                Files.write(directory.resolve("token"), ("\uFEFF" + TOKEN + "\r\n").getBytes(StandardCharsets.UTF_8));
        CliProcess.Outcome outcome =
                CliProcess.summary(Map.of(), "--url", url(), "--run", "42", "--token-file", file.toString());
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.UNSTABLE);
        assertThat(outcome.stderr()).isEmpty();
    }

    @Test
    void aSpentWindowPrintsOnlyTheCommandLinesOwnLines() throws Exception {
        refusals.set(1);
        resetIn = 1;
        CliProcess.Outcome outcome =
                CliProcess.summary(Map.of("SAMPLEPLATFORM_TOKEN", TOKEN), "--url", url(), "--run", "42");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.UNSTABLE);
        assertThat(outcome.stderr()).contains("rate limited (HTTP 429), retrying in");
        assertThat(outcome.stderr()).doesNotContain("INFO").doesNotContain("WindowGate");
        assertOnlyOwnLines(outcome);
    }

    @Test
    void aWindowThatOpensBeyondMaxWaitEndsTheCommandAtOnceSayingWhen() throws Exception {
        refusals.set(5);
        resetIn = 30;
        long start = System.nanoTime();
        CliProcess.Outcome outcome = CliProcess.summary(
                Map.of("SAMPLEPLATFORM_TOKEN", TOKEN), "--url", url(), "--run", "42", "--max-wait", "10s");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.NO_SUMMARY);
        assertThat(outcome.stderr())
                .contains("the next window opens in 3") // 30 or 31 s
                .contains("longest single wait allowed (10 s)")
                .contains("--max-wait")
                .doesNotContain("retrying in")
                .doesNotContain("run fewer builds");
        assertThat(requests.get()).isEqualTo(1);
        assertThat((System.nanoTime() - start) / 1_000_000_000L).as("seconds").isLessThan(20);
        assertOnlyOwnLines(outcome);
    }

    @Test
    void aWindowBeyondTheBudgetSaysWhenItOpensAndGivesCommandLineAdvice() throws Exception {
        refusals.set(5);
        resetIn = 50;
        CliProcess.Outcome outcome = CliProcess.summary(
                Map.of("SAMPLEPLATFORM_TOKEN", TOKEN),
                "--url",
                url(),
                "--run",
                "42",
                "--max-wait",
                "2m",
                "--total-budget",
                "20s");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.NO_SUMMARY);
        assertThat(outcome.stderr())
                .contains("the next window opens in 5")
                .contains("beyond the time budget of 20 s")
                .contains("--total-budget")
                .doesNotContain("kept refusing")
                .doesNotContain("builds");
        assertThat(requests.get()).isEqualTo(1);
    }

    @ParameterizedTest(name = "--url ending in ''{0}''")
    @ValueSource(strings = {"", "/", "/api", "/api/v2"})
    void aUrlWithoutApiV1IsReportedAsAWrongUrlNotAMissingRun(String path) throws Exception {
        String site = "http://127.0.0.1:" + server.getAddress().getPort();
        CliProcess.Outcome outcome =
                CliProcess.summary(Map.of("SAMPLEPLATFORM_TOKEN", TOKEN), "--url", site + path, "--run", "42");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.NO_SUMMARY);
        assertThat(outcome.stderr())
                .contains("must end in /api/v1")
                .doesNotContain("Run 42 not found")
                .doesNotContain("proxy");
        assertOnlyOwnLines(outcome);
    }

    @Test
    void theDatabasePasswordIsNowhereWhenTheDatabaseRefuses() throws Exception {
        String password = "db-Secret-Pa55word-771";
        for (String verbose : List.of("--format=text", "--verbose")) {
            CliProcess.Outcome outcome = CliProcess.summary(
                    Map.of("SAMPLEPLATFORM_DB_PASSWORD", password),
                    "--jdbc",
                    "jdbc:mariadb://127.0.0.1:3306/sp_no_such_db_" + System.nanoTime(),
                    "--db-user",
                    "no_such_user_api10",
                    "--run",
                    "1",
                    verbose);
            assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.NO_SUMMARY);
            assertSecretNowhere(outcome, password);
            if (verbose.equals("--verbose")) {
                // the driver's own warning, routed through java.util.logging, as a detail line
                assertThat(outcome.stderr())
                        .contains("sampleplatform: detail: ")
                        .contains("\tat ");
            } else {
                assertOnlyOwnLines(outcome);
            }
        }
    }

    @Test
    void portZeroIsAUsageError() throws Exception {
        CliProcess.Outcome outcome = CliProcess.summary(
                Map.of("SAMPLEPLATFORM_TOKEN", TOKEN), "--url", "http://127.0.0.1:0/api/v1", "--run", "42");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.stderr()).contains("impossible port");
    }

    @Test
    void httpsToAPlainHttpPortIsOneAttemptWithAHint() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket plain = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!plain.isClosed()) {
                    try (Socket s = plain.accept()) {
                        connections.incrementAndGet();
                        s.getInputStream().read(new byte[512]);
                        s.getOutputStream()
                                .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                        .getBytes(StandardCharsets.US_ASCII));
                    } catch (Exception e) {
                        // closed at the end
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            CliProcess.Outcome outcome = CliProcess.summary(
                    Map.of("SAMPLEPLATFORM_TOKEN", TOKEN),
                    "--url",
                    "https://127.0.0.1:" + plain.getLocalPort() + "/api/v1",
                    "--run",
                    "42");
            assertThat(outcome.exitCode()).isEqualTo(ExitCodes.NO_SUMMARY);
            assertThat(outcome.stderr())
                    .contains("does not speak TLS on this port")
                    .doesNotContain("retrying");
            // one attempt: no retry notice; the JDK's HttpClient may itself reconnect once when the
            // connection closes mid-handshake (docs/api-client.md), never three attempts' worth
            assertThat(connections.get()).isBetween(1, 2);
        }
    }
}
