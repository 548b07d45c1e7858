package io.jenkins.plugins.sampleplatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.sampleplatform.db.DemoDatabase;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The messages a new user met in the first hour (issue 18), through the real jar: each says what really
 * happened, in the command line's terms, with a defined exit code.
 */
class FirstHourMessagesIT {

    private static final String TOKEN = "spci_first_hour_5e2b";

    @TempDir
    Path directory;

    private CliProcess.Outcome summary(String... args) throws Exception {
        return CliProcess.summary(
                Map.of("XDG_DATA_HOME", directory.resolve("data").toString(), "SAMPLEPLATFORM_TOKEN", TOKEN), args);
    }

    private static void assertUsageError(CliProcess.Outcome outcome, String message) {
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.stderr()).contains(message).contains("--help");
        assertThat(outcome.stderr().strip().lines()).as(outcome.stderr()).hasSize(2);
        assertThat(outcome.stdout()).isEmpty();
    }

    private static void assertOneLineNoSummary(CliProcess.Outcome outcome, String message) {
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.NO_SUMMARY);
        assertThat(outcome.stderr()).contains(message).doesNotContain("Exception");
        assertThat(outcome.stdout()).isEmpty();
    }

    @Test
    void aDemoFileThisToolDidNotMakeIsCalledSoAndNeverProposedForDeletion() throws Exception {
        Path text = Files.writeString(directory.resolve("notes.txt"), "my notes\n");
        Path other = directory.resolve("music.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE tracks (id INTEGER PRIMARY KEY, title TEXT)");
        }
        for (Path file : new Path[] {text, other}) {
            byte[] before = Files.readAllBytes(file);
            CliProcess.Outcome outcome = summary("--demo", "--demo-db", file.toString(), "--run", "1");
            assertOneLineNoSummary(outcome, "The file " + file + " is not a demo database");
            assertThat(outcome.stderr()).doesNotContain("delete", "another version");
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
        }
    }

    @Test
    void aHostNameThatDoesNotResolveIsTriedOnceAndSaidSo() throws Exception {
        // .invalid never resolves (RFC 6761): nothing leaves the machine.
        CliProcess.Outcome outcome = summary("--url", "https://no-such-host.invalid/api/v1", "--run", "1");
        assertOneLineNoSummary(outcome, "the host name no-such-host.invalid did not resolve");
        assertThat(outcome.stderr()).doesNotContain("retrying", "refused");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--demo --url http://x/api/v1 --run 1     | --url does nothing with --demo",
                "--demo --url not~a~url --run 1           | --url does nothing with --demo",
                "--demo --timeout 5s --run 1              | --timeout goes with --wait",
                "--demo --poll-interval 5s --run 1        | --poll-interval goes with --wait",
                "--run 1 --timeout 5s                     | --timeout goes with --wait",
                "--demo --max-wait 5s --run 1             | --max-wait is for the platform's API; it does nothing with --demo",
                "--jdbc jdbc:sqlite:x.db --token-file t --run 1 | --token-file is for the platform's API",
            })
    void optionsThatWouldDoNothingAreRefused(String arguments, String message) throws Exception {
        // '~' stands for a space inside one argument
        String[] args = java.util.Arrays.stream(arguments.strip().split("\\s+"))
                .map(a -> a.replace('~', ' '))
                .toArray(String[]::new);
        assertUsageError(summary(args), message);
    }

    @Test
    void runRefusesATimeoutWithoutWait() throws Exception {
        CliProcess.Outcome outcome = CliProcess.run(
                Map.of("SAMPLEPLATFORM_TOKEN", TOKEN),
                "run",
                "--url",
                "http://127.0.0.1:9/api/v1",
                "--commit",
                DemoDatabase.commitOf(1),
                "--platform",
                "linux",
                "--repository",
                "CCExtractor/ccextractor",
                "--timeout",
                "10m");
        assertUsageError(outcome, "--timeout goes with --wait");
    }

    @Test
    void aToleratedRunSaysWhatItTolerated() throws Exception {
        CliProcess.Outcome outcome = summary("--demo", "--run", "3", "--missing-output-threshold", "2");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(outcome.stdout())
                .contains("Verdict:      SUCCESS\n    - 2 samples without output, within the threshold of 2")
                .doesNotContain("no problems found");
    }

    @Test
    void theDemosFailureLinesNameRealisticBaselines() throws Exception {
        CliProcess.Outcome outcome = summary("--demo", "--run", "2");
        assertThat(outcome.stdout())
                .containsPattern("differing outputs: [0-9a-f]{32}\\.srt")
                .doesNotContain("differing outputs: expected");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'jdbc:mariadb://127.0.0.1:3306/sp?user=root&password=X', password",
        "'jdbc:mysql://root:X@127.0.0.1:3306/sp', user:password@"
    })
    void aJdbcUrlWithAPasswordIsRefusedWithoutEchoingIt(String url, String part) throws Exception {
        CliProcess.Outcome outcome = summary("--jdbc", url, "--run", "1");
        assertUsageError(outcome, "--jdbc holds a password (" + part + ")");
        assertThat(outcome.stderr()).contains("--db-password-file").doesNotContain("=X", ":X@");
    }

    @Test
    void theVerdictOptionsAreNamedAsTheCommandLineSpellsThem() throws Exception {
        CliProcess.Outcome outcome = summary("--demo", "--run", "1", "--fail-threshold", "-1");
        assertUsageError(outcome, "--fail-threshold must be at least 0, was -1");
        assertThat(outcome.stderr()).doesNotContain("failThreshold");
    }

    @Test
    void noRunForACommitAdvisesTheOptionNotThePipelineParameter() throws Exception {
        CliProcess.Outcome outcome = summary("--demo", "--commit", "de" + "9".repeat(38), "--platform", "linux");
        assertOneLineNoSummary(outcome, "wait for it with --wait.");
        assertThat(outcome.stderr()).doesNotContain("wait: true");
    }

    @Test
    void aRefusedTokenIsAboutTheTokenNotACredential() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/", exchange -> {
            byte[] body = "{\"code\":\"unauthorized\",\"message\":\"Invalid or expired token.\",\"details\":{}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            CliProcess.Outcome outcome =
                    summary("--url", "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1", "--run", "1");
            assertOneLineNoSummary(outcome, "Check the token in --token-file or SAMPLEPLATFORM_TOKEN");
            assertThat(outcome.stderr()).doesNotContain("credential").doesNotContain(TOKEN);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aNegativeTimeIsCalledNegative() throws Exception {
        assertUsageError(summary("--demo", "--run", "1", "--wait", "--timeout", "-5s"), "'-5s' is negative");
    }

    @Test
    void aBadUrlCharacterIsNamed() throws Exception {
        assertUsageError(
                summary("--url", "https://example.invalid/api v1", "--run", "1"), "a space (U+0020) at position 28");
    }

    @Test
    void aFileThatIsNotSqliteIsSaidInPlainWords() throws Exception {
        Path text = Files.writeString(directory.resolve("notes.db"), "not a database, just text\n");
        CliProcess.Outcome outcome = summary("--jdbc", "jdbc:sqlite:" + text, "--run", "1");
        assertOneLineNoSummary(outcome, "is not an SQLite database. Check the path in the JDBC URL.");
        assertThat(outcome.stderr()).doesNotContain("SQLITE_NOTADB");
    }

    @Test
    void aPortThatDoesNotSpeakHttpPrintsNoRawBytes() throws Exception {
        try (ServerSocket database = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread greeter = new Thread(() -> {
                while (!database.isClosed()) {
                    try (Socket s = database.accept()) {
                        s.getOutputStream().write(new byte[] {'d', 0, 0, 0, 10, '5', '.', '5', 0x1b, '[', '2', 'J'});
                        s.getOutputStream().flush();
                        s.getInputStream().read(new byte[512]);
                    } catch (Exception e) {
                        // closed at the end of the test
                    }
                }
            });
            greeter.setDaemon(true);
            greeter.start();
            CliProcess.Outcome outcome =
                    summary("--url", "http://127.0.0.1:" + database.getLocalPort() + "/api/v1", "--run", "1");
            assertOneLineNoSummary(outcome, "does not speak HTTP");
            assertThat(outcome.stderr().chars().filter(c -> Character.isISOControl(c) && c != '\n'))
                    .isEmpty();
            assertThat(outcome.stderr()).doesNotContain("retrying");
        }
    }

    @Test
    void htmlPageIsACompleteDocumentAndHtmlStaysAFragment() throws Exception {
        CliProcess.Outcome page = summary("--demo", "--run", "3", "--format", "html-page");
        assertThat(page.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(page.stdout())
                .startsWith("<!DOCTYPE html>")
                .contains("<meta charset=\"utf-8\">", "<title>Sample Platform run 3: FAILURE</title>", "<style>")
                .endsWith("</html>\n");
        assertThat(summary("--demo", "--run", "3", "--format", "html").stdout()).doesNotContain("<!DOCTYPE", "<html");
    }

    @Test
    void aMissingTokenFileAndADirectoryAreToldApart() throws Exception {
        Path missing = directory.resolve("no-token");
        Path folder = Files.createDirectories(directory.resolve("secrets"));
        assertUsageError(summary("--token-file", missing.toString(), "--run", "1"), missing + " (it does not exist)");
        assertUsageError(summary("--token-file", folder.toString(), "--run", "1"), folder + " (it is a directory");
    }
}
