package io.jenkins.plugins.sampleplatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.sampleplatform.db.PlatformSchema;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Find, wait and trigger through the real jar, against a scripted platform on loopback (and a SQLite file). */
class RunsCommandIT {

    private static final String TOKEN = "spci_runs_cli_5be1";
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path directory;

    private HttpServer server;
    /** Answers per "METHOD path": each request takes the next; the last one repeats. */
    private final Map<String, Queue<String[]>> answers = new ConcurrentHashMap<>();

    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws java.io.IOException {
        String key =
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        requests.add(key);
        Queue<String[]> queue = answers.get(key);
        String[] answer = queue == null
                ? new String[] {"404", "{\"code\":\"not_found\",\"message\":\"nothing\"}"}
                : queue.size() > 1 ? queue.poll() : queue.peek();
        byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void script(String key, String... statusAndBody) {
        Queue<String[]> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < statusAndBody.length; i += 2) {
            queue.add(new String[] {statusAndBody[i], statusAndBody[i + 1]});
        }
        answers.put(key, queue);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    private static String run(int id, String status) {
        return "{\"run_id\":" + id + ",\"status\":\"" + status + "\",\"platform\":\"linux\",\"test_type\":\"commit\","
                + "\"repository\":\"CCExtractor/ccextractor\",\"commit_sha\":\"" + SHA + "\"}";
    }

    private static String list(String... runs) {
        return "{\"data\":[" + String.join(",", runs) + "],\"pagination\":{\"limit\":1,\"offset\":0,\"total\":"
                + runs.length + ",\"next_offset\":null},\"meta\":{}}";
    }

    private static String summary(int id, String status, int failed) {
        return "{\"run_id\":" + id + ",\"status\":\"" + status + "\",\"total_samples\":10,\"pass_count\":"
                + (10 - failed) + ",\"fail_count\":" + failed + ",\"skipped_count\":0,\"missing_output_count\":0,"
                + "\"error_count\":" + failed + ",\"duration_ms\":5000}";
    }

    private CliProcess.Outcome cli(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = args[0];
        all[1] = "--url=" + url();
        System.arraycopy(args, 1, all, 2, args.length - 1);
        return CliProcess.run(Map.of("SAMPLEPLATFORM_TOKEN", TOKEN), all);
    }

    @Test
    void summaryOfACommitUsesItsNewestRun() throws Exception {
        script("GET /api/v1/runs", "200", list(run(44, "pass")));
        script("GET /api/v1/runs/44/summary", "200", summary(44, "pass", 0));
        CliProcess.Outcome outcome = cli("summary", "--commit", SHA, "--platform", "linux");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(outcome.stderr()).contains("Found run 44 for commit 01234567 on linux (pass).");
        assertThat(requests).containsExactly("GET /api/v1/runs", "GET /api/v1/runs/44/summary");
    }

    @Test
    void noRunForTheCommitIsAClearError() throws Exception {
        script("GET /api/v1/runs", "200", list());
        CliProcess.Outcome outcome = cli("summary", "--commit", SHA);
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.NO_SUMMARY);
        assertThat(outcome.stderr())
                .contains("No run found for commit 01234567")
                .contains("--wait");
    }

    @Test
    void waitsForALateRunThenJudgesItOnceAndReportsTheWaitInJson() throws Exception {
        script("GET /api/v1/runs", "200", list(), "200", list(run(45, "queued")));
        script("GET /api/v1/runs/45", "200", run(45, "running"), "200", run(45, "fail"));
        script("GET /api/v1/runs/45/summary", "200", summary(45, "fail", 2));
        CliProcess.Outcome outcome = cli(
                "summary", "--commit", SHA, "--wait", "--poll-interval", "1s", "--timeout", "1m", "--format", "json");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.UNSTABLE);
        JsonNode json = new ObjectMapper().readTree(outcome.stdout());
        assertThat(json.get("run_id").asInt()).isEqualTo(45);
        assertThat(json.get("waited_ms").asLong()).isPositive();
        assertThat(outcome.stderr())
                .contains("No run for commit 01234567 yet")
                .contains("Found run 45 for commit 01234567 (queued).")
                .contains("Run 45: queued -> running")
                .contains("Run 45: running -> fail");
        assertThat(requests.stream().filter(r -> r.endsWith("/summary"))).hasSize(1);
    }

    @Test
    void aTimeoutExitsFourWithTheLastStatus() throws Exception {
        script("GET /api/v1/runs/42", "200", run(42, "running"));
        CliProcess.Outcome outcome =
                cli("summary", "--run", "42", "--wait", "--poll-interval", "1s", "--timeout", "2s");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.NOT_BUILT);
        assertThat(outcome.stderr()).contains("Run 42 is still running after waiting 2 s");
        assertThat(requests).doesNotContain("GET /api/v1/runs/42/summary");
    }

    @Test
    void runStartsARunAndPrintsItsIdAndLink() throws Exception {
        script("GET /api/v1/runs", "200", list(run(60, "pass")));
        script("POST /api/v1/runs", "202", run(61, "queued"));
        CliProcess.Outcome outcome =
                cli("run", "--commit", SHA, "--platform", "linux", "--repository", "CCExtractor/ccextractor");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(outcome.stdout().strip()).isEqualTo("61");
        assertThat(outcome.stderr()).contains("started run 61 (queued): http://127.0.0.1:");
        assertThat(requests).containsExactly("GET /api/v1/runs", "POST /api/v1/runs");
    }

    @Test
    void runWaitsAndJudges() throws Exception {
        script("GET /api/v1/runs", "200", list());
        script("POST /api/v1/runs", "202", run(62, "queued"));
        script("GET /api/v1/runs/62", "200", run(62, "pass"));
        script("GET /api/v1/runs/62/summary", "200", summary(62, "pass", 0));
        CliProcess.Outcome outcome = cli(
                "run",
                "--commit",
                SHA,
                "--platform",
                "linux",
                "--repository",
                "CCExtractor/ccextractor",
                "--wait",
                "--poll-interval",
                "1s");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(outcome.stdout()).contains("Sample Platform run 62");
    }

    @Test
    void runListsTheFailingSamplesOfTheRunItStartedUnlessToldNotTo() throws Exception {
        script("GET /api/v1/runs", "200", list());
        script("POST /api/v1/runs", "202", run(63, "queued"));
        script("GET /api/v1/runs/63", "200", run(63, "fail"));
        script("GET /api/v1/runs/63/summary", "200", summary(63, "fail", 1));
        // Missing-output listing first (none), then the failed one (the last answer repeats).
        script(
                "GET /api/v1/runs/63/samples",
                "200",
                "{\"data\":[],\"pagination\":{\"limit\":100,\"offset\":0,\"total\":0,\"next_offset\":null},"
                        + "\"meta\":{}}",
                "200",
                "{\"data\":[{\"regression_test_id\":5,\"sample_id\":9,\"sample_name\":\"dvb.ts\",\"status\":\"fail\","
                        + "\"exit_code\":1,\"expected_rc\":0,\"runtime_ms\":10,\"command\":\"\",\"categories\":[],"
                        + "\"outputs\":[]}],\"pagination\":{\"limit\":100,\"offset\":0,\"total\":1,"
                        + "\"next_offset\":null},\"meta\":{}}");
        String[] start = {
            "run",
            "--commit",
            SHA,
            "--platform",
            "linux",
            "--repository",
            "CCExtractor/ccextractor",
            "--wait",
            "--poll-interval",
            "1s"
        };

        CliProcess.Outcome listed = cli(start);

        assertThat(listed.exitCode()).as(listed.stderr()).isEqualTo(ExitCodes.UNSTABLE);
        assertThat(listed.stdout())
                .contains("Failing samples: 1 failing sample")
                .contains("regression test 5, sample 9 \"dvb.ts\"; exit code 1, expected 0");

        requests.clear();
        String[] quiet = java.util.Arrays.copyOf(start, start.length + 2);
        quiet[start.length] = "--failures";
        quiet[start.length + 1] = "0";
        CliProcess.Outcome unlisted = cli(quiet);

        assertThat(unlisted.exitCode()).as(unlisted.stderr()).isEqualTo(ExitCodes.UNSTABLE);
        assertThat(unlisted.stdout()).doesNotContain("Failing samples");
        assertThat(requests).doesNotContain("GET /api/v1/runs/63/samples");
    }

    @Test
    void aNegativeFailureCountIsAUsageErrorBeforeAnythingStarts() throws Exception {
        CliProcess.Outcome outcome = cli(
                "run",
                "--commit",
                SHA,
                "--platform",
                "linux",
                "--repository",
                "CCExtractor/ccextractor",
                "--failures",
                "-1");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.stderr()).contains("--failures must be 0 or more");
        assertThat(requests).isEmpty();
    }

    @Test
    void aRefusedStartIsOneLine() throws Exception {
        script("GET /api/v1/runs", "200", list());
        script(
                "POST /api/v1/runs",
                "422",
                "{\"code\":\"unprocessable\",\"message\":\"No CI build artifact found for commit 01234567 on linux.\"}");
        CliProcess.Outcome outcome =
                cli("run", "--commit", SHA, "--platform", "linux", "--repository", "CCExtractor/ccextractor");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.NO_SUMMARY);
        assertThat(outcome.stderr().strip().lines()).singleElement().asString().contains("no CI build artifact");
        assertThat(outcome.stderr() + outcome.stdout()).doesNotContain(TOKEN);
    }

    @Test
    void runRefusesDatabaseMode() throws Exception {
        CliProcess.Outcome outcome = CliProcess.run(
                Map.of(),
                "run",
                "--jdbc",
                "jdbc:sqlite:x.db",
                "--commit",
                SHA,
                "--platform",
                "linux",
                "--repository",
                "a/b");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.stderr()).contains("through the platform's API only");
    }

    @Test
    void runAndCommitTogetherIsAUsageError() throws Exception {
        CliProcess.Outcome outcome = cli("summary", "--run", "4", "--commit", SHA);
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.stderr()).contains("exactly one of --run N and --commit SHA");
        CliProcess.Outcome shortSha = cli("summary", "--commit", "abc123");
        assertThat(shortSha.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(shortSha.stderr()).contains("not a full commit id");
    }

    @Test
    void ctrlCWhileWaitingExits130AndCancelsOnlyWhenAsked() throws Exception {
        script("GET /api/v1/runs/42", "200", run(42, "running"));
        script("POST /api/v1/runs/42/cancel", "200", "{\"run_id\":42,\"action\":\"cancel\",\"status\":\"canceled\"}");
        for (boolean cancel : new boolean[] {false, true}) {
            requests.clear();
            List<String> args = new java.util.ArrayList<>(
                    List.of("summary", "--url=" + url(), "--run", "42", "--wait", "--poll-interval", "1s"));
            if (cancel) {
                args.add("--cancel-on-interrupt");
            }
            Process process = CliProcess.start(Map.of("SAMPLEPLATFORM_TOKEN", TOKEN), args.toArray(String[]::new));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // Two polls: the first one's answer has surely been read.
            while (requests.size() < 2 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .start()
                    .waitFor();
            CliProcess.Outcome outcome = CliProcess.finish(process, 30);
            assertThat(outcome.exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
            assertThat(outcome.stderr()).contains("interrupted while waiting for run 42 (last status running).");
            if (cancel) {
                assertThat(requests).contains("POST /api/v1/runs/42/cancel");
                assertThat(outcome.stderr()).contains("asked the platform to cancel run 42: canceled.");
            } else {
                assertThat(requests).doesNotContain("POST /api/v1/runs/42/cancel");
            }
        }
    }

    @Test
    void databaseModeFindsAndWaitsOnSqlite() throws Exception {
        String jdbc = "jdbc:sqlite:" + directory.resolve("platform.db");
        try (Connection connection = DriverManager.getConnection(jdbc);
                Statement sql = connection.createStatement()) {
            PlatformSchema.create(connection);
            sql.execute("INSERT INTO regression_test (id, active, expected_rc) VALUES (1, 1, 0)");
            sql.execute("INSERT INTO test (id, platform, `commit`) VALUES (7, 'linux', '" + SHA + "')");
            sql.execute("INSERT INTO test_progress (id, test_id, status) VALUES (1, 7, 'completed')");
            sql.execute("INSERT INTO test_result (test_id, regression_test_id, runtime, exit_code, expected_rc)"
                    + " VALUES (7, 1, 10, 0, 0)");
        }
        CliProcess.Outcome outcome = CliProcess.run(
                Map.of(),
                "summary",
                "--jdbc",
                jdbc,
                "--commit",
                SHA,
                "--platform",
                "linux",
                "--wait",
                "--format",
                "json");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(outcome.stdout())
                .startsWith("{\"run_id\":7,\"status\":\"pass\"")
                .contains("\"waited_ms\":");
        assertThat(outcome.stderr()).contains("Found run 7 for commit 01234567 on linux (pass).");
    }
}
