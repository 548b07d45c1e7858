package io.jenkins.plugins.sampleplatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code summary --failures N} through the real jar against a platform on loopback, and in DB mode. */
class FailuresCommandIT {

    private static final String TOKEN = "spci_cli_failures_5be1";
    private static final String SUMMARY = "{\"run_id\":42,\"status\":\"fail\",\"total_samples\":20,\"pass_count\":16,"
            + "\"fail_count\":3,\"skipped_count\":0,\"missing_output_count\":1,\"error_count\":4,\"duration_ms\":5000}";
    private static final String CLEAN = "{\"run_id\":42,\"status\":\"pass\",\"total_samples\":20,\"pass_count\":20,"
            + "\"fail_count\":0,\"skipped_count\":0,\"missing_output_count\":0,\"error_count\":0,\"duration_ms\":5000}";
    private static final String MISSING = "{\"data\":[{\"regression_test_id\":12,\"sample_id\":7,"
            + "\"sample_name\":\"teletext|<b>.ts\",\"status\":\"missing_output\",\"exit_code\":-11,\"expected_rc\":0,"
            + "\"runtime_ms\":10,\"command\":\"-autoprogram\",\"categories\":[\"Teletext\"],\"outputs\":[]}],"
            + "\"pagination\":{\"limit\":100,\"offset\":0,\"total\":1,\"next_offset\":null},\"meta\":{}}";
    private static final String FAILED = "{\"data\":[" + failed(30) + "," + failed(4) + "," + failed(17) + "],"
            + "\"pagination\":{\"limit\":100,\"offset\":0,\"total\":3,\"next_offset\":null},\"meta\":{}}";

    @TempDir
    Path home;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String summary = SUMMARY;
    private volatile boolean samplesMissing;

    private static String failed(int id) {
        return "{\"regression_test_id\":" + id + ",\"sample_id\":" + (100 + id) + ",\"sample_name\":\"s" + id
                + ".mpg\",\"status\":\"fail\",\"exit_code\":0,\"expected_rc\":0,\"runtime_ms\":10,\"command\":\"\","
                + "\"categories\":[\"DVB\",\"General\"],\"outputs\":[{\"output_id\":" + (900 + id)
                + ",\"filename\":\"ab" + id + ".srt\",\"status\":\"fail\"},{\"output_id\":1,\"filename\":\"same.srt\","
                + "\"status\":\"pass\"}]}";
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/runs/42/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = String.valueOf(exchange.getRequestURI().getRawQuery());
        String path = exchange.getRequestURI().getPath();
        requests.add(path.substring(path.lastIndexOf('/') + 1) + "?" + query);
        int status = 200;
        String body;
        if (path.endsWith("/summary")) {
            body = summary;
        } else if (samplesMissing) {
            status = 403;
            body = "{\"code\":\"forbidden\",\"message\":\"Token lacks the required scopes for this operation.\","
                    + "\"details\":{\"missing_scopes\":[\"runs:read\"]}}";
        } else {
            body = query.contains("status=missing_output") ? MISSING : FAILED;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String site() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private CliProcess.Outcome summary(String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("summary", "--url", site() + "/api/v1", "--run", "42"));
        args.addAll(List.of(more));
        return CliProcess.run(Map.of("SAMPLEPLATFORM_TOKEN", TOKEN), args.toArray(String[]::new));
    }

    @Test
    void textListsMissingOutputFirstThenFailuresByIdWithLinksInTwoRequests() throws Exception {
        CliProcess.Outcome outcome = summary();

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(outcome.stdout())
                .contains("  Failing samples: 4 failing samples (1 without output, 3 failed)\n"
                        + "    - No output: regression test 12, sample 7 \"teletext|<b>.ts\"; exit code -11, expected 0;"
                        + " categories: Teletext\n"
                        + "      " + site() + "/regression/test/12/view\n"
                        + "    - Failed: regression test 4, sample 104 \"s4.mpg\"; exit code 0 as expected;"
                        + " differing outputs: ab4.srt; categories: DVB, General\n");
        assertThat(outcome.stdout().indexOf("regression test 17"))
                .isLessThan(outcome.stdout().indexOf("regression test 30"));
        assertThat(outcome.stdout()).doesNotContain("same.srt").doesNotContain("more on the platform");
        assertThat(requests)
                .containsExactly(
                        "summary?null", "samples?status=missing_output&limit=100", "samples?status=fail&limit=100");
    }

    @Test
    void jsonCarriesEveryFailureWithTheApiFieldsAndTheTotal() throws Exception {
        CliProcess.Outcome outcome = summary("--format", "json");

        JsonNode json = new ObjectMapper().readTree(outcome.stdout());
        assertThat(json.get("failures_total").asInt()).isEqualTo(4);
        assertThat(json.get("failures")).hasSize(4);
        JsonNode first = json.get("failures").get(0);
        assertThat(first.get("regression_test_id").asInt()).isEqualTo(12);
        assertThat(first.get("status").asText()).isEqualTo("missing_output");
        assertThat(first.get("sample_name").asText()).isEqualTo("teletext|<b>.ts");
        assertThat(first.get("exit_code").asInt()).isEqualTo(-11);
        assertThat(first.get("regression_test_url").asText()).isEqualTo(site() + "/regression/test/12/view");
        assertThat(first.get("run_url").asText()).isEqualTo(site() + "/test/42");
        JsonNode output = json.get("failures").get(1).get("outputs").get(0);
        assertThat(output.get("filename").asText()).isEqualTo("ab4.srt");
        assertThat(output.get("diff_url").asText()).isEqualTo(site() + "/test/diff/42/4/904/0");
        assertThat(json.get("failures").get(1).get("outputs")).hasSize(1);
        assertThat(requests).contains("samples?status=missing_output&limit=100", "samples?status=fail&limit=100");
        assertThat(outcome.stdout()).doesNotContain(TOKEN);
    }

    @Test
    void markdownAndHtmlShowTheTableAndAlimitSaysHowManyMore() throws Exception {
        String markdown = summary("--format", "markdown", "--failures", "2").stdout();
        assertThat(markdown)
                .contains("#### Failing samples")
                .contains("| No output | [\\#12](<" + site()
                        + "/regression/test/12/view>) | teletext\\|\\<b\\>.ts (sample 7)")
                .contains("and 2 more [on the platform](<" + site() + "/test/42>)");

        String html = summary("--format", "html").stdout();
        assertThat(html)
                .contains("<tr class=\"sp-failure sp-failure--missing-output\" data-sample-status=\"missing_output\">")
                .contains("teletext|&lt;b&gt;.ts")
                .doesNotContain("<b>.ts");
    }

    @Test
    void failuresZeroAndACleanRunCostNoRequestBeyondTheSummary() throws Exception {
        CliProcess.Outcome none = summary("--failures", "0", "--format", "json");
        assertThat(new ObjectMapper().readTree(none.stdout()).has("failures")).isFalse();
        assertThat(requests).containsExactly("summary?null");

        requests.clear();
        summary = CLEAN;
        CliProcess.Outcome clean = summary("--format", "json");
        JsonNode json = new ObjectMapper().readTree(clean.stdout());
        assertThat(json.get("failures")).isEmpty();
        assertThat(json.get("failures_total").asInt()).isZero();
        assertThat(requests).containsExactly("summary?null");
        assertThat(summary("--failures", "-2").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aListThatCannotBeHadIsSaidAndLeavesTheVerdictAlone() throws Exception {
        samplesMissing = true;

        CliProcess.Outcome text = summary();
        assertThat(text.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(text.stdout()).contains("  Failing samples: not listed: ").contains("runs:read");

        JsonNode json = new ObjectMapper().readTree(summary("--format", "json").stdout());
        assertThat(json.get("failures").isNull()).isTrue();
        assertThat(json.get("failures_error").asText()).contains("runs:read");
    }

    @Test
    void dbModeListsThemFromTheDatabaseWithoutLinksForTheDemo() throws Exception {
        CliProcess.Outcome outcome = CliProcess.summary(
                Map.of("XDG_DATA_HOME", home.toString()), "--demo", "--run", "3", "--format", "json");

        JsonNode json = new ObjectMapper().readTree(outcome.stdout());
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(json.get("failures_total").asInt()).isEqualTo(2);
        assertThat(json.get("failures"))
                .hasSize(2)
                .allMatch(f -> f.get("status").asText().equals("missing_output"));
        assertThat(json.get("failures").get(0).get("regression_test_url").isNull())
                .isTrue();
        assertThat(json.get("failures").get(0).get("regression_test_id").asInt())
                .isLessThan(
                        json.get("failures").get(1).get("regression_test_id").asInt());

        CliProcess.Outcome text = CliProcess.summary(Map.of("XDG_DATA_HOME", home.toString()), "--demo", "--run", "3");
        assertThat(text.stdout()).contains("  Failing samples: 2 failing samples (2 without output, 0 failed)\n");
    }
}
