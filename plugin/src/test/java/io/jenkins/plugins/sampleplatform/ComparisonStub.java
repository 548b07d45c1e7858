package io.jenkins.plugins.sampleplatform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The endpoints a comparison reads, on loopback, with fixed answers: run 2 (a PR run, judged) and run 1 (the
 * tip of master), three regression tests: 1 passes in both, 2 is broken in run 2 (a wrong hash), 3 fails in
 * both with different hashes. Every other path is a 404 {@code not_found}; every request is recorded with its
 * query.
 */
public final class ComparisonStub implements AutoCloseable {

    private static final String EMPTY =
            "{\"data\":[],\"pagination\":{\"limit\":100,\"offset\":0,\"total\":0,\"next_offset\":null},\"meta\":{}}";

    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public ComparisonStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/", this::answer);
        server.start();
        for (int run = 1; run <= 2; run++) {
            answers.put("/runs/" + run, run(run));
            answers.put(
                    "/runs/" + run + "/summary",
                    "{\"run_id\":" + run + ",\"status\":\"fail\",\"total_samples\":3,\"pass_count\":" + (3 - run)
                            + ",\"fail_count\":" + run + ",\"skipped_count\":0,\"missing_output_count\":0,"
                            + "\"error_count\":" + run + ",\"duration_ms\":1000}");
            answers.put(
                    "/runs/" + run + "/config",
                    "{\"run_id\":" + run + ",\"platform\":\"linux\",\"branch\":\"master\",\"commit_sha\":\"" + sha(run)
                            + "\",\"regression_test_ids\":[1,2,3]}");
            answers.put("/runs/" + run + "/samples?status=missing_output", EMPTY);
        }
        answers.put("/runs/1/samples?status=fail", listing(item(3, "Teletext")));
        answers.put("/runs/2/samples?status=fail", listing(item(2, "DVB") + "," + item(3, "Teletext")));
        answers.put("/runs/1/artifacts?type=actual_output", listing(artifact(1, 3, "before")));
        answers.put(
                "/runs/2/artifacts?type=actual_output",
                listing(artifact(2, 2, "<b>broken</b>") + "," + artifact(2, 3, "after")));
        answers.put(
                "/runs?branch=master&platform=linux&sort=-run_id",
                listing(run(2) + "," + run(1)).replace("\"total\":0", "\"total\":2"));
        answers.put(
                "/runs/2/samples/1002/regression-tests/2/outputs/20/diff?format=unified",
                "{\"format\":\"unified\",\"content\":\"--- expected\\n+++ actual\\n-<i>old</i>\\n+new\"}");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    /** The requests received: path and query below the base URL, in order. */
    public List<String> requests() {
        return requests;
    }

    private static String sha(int run) {
        return String.format("%040x", run);
    }

    private static String run(int run) {
        return "{\"run_id\":" + run + ",\"status\":\"fail\",\"platform\":\"linux\",\"test_type\":\""
                + (run == 1 ? "commit" : "pr") + "\",\"repository\":\"CCExtractor/ccextractor\",\"branch\":\""
                + (run == 1 ? "master" : "pull_request") + "\",\"commit_sha\":\"" + sha(run)
                + "\",\"completed_at\":\"2026-01-01T10:0" + run + ":00Z\"}";
    }

    private static String item(int test, String category) {
        return "{\"regression_test_id\":" + test + ",\"sample_id\":" + (1000 + test) + ",\"sample_name\":\"t" + test
                + ".ts\",\"status\":\"fail\",\"exit_code\":0,\"expected_rc\":0,\"runtime_ms\":10,\"command\":\"\","
                + "\"categories\":[\"" + category + "\"],\"outputs\":[{\"output_id\":" + (test * 10)
                + ",\"filename\":\"base" + test + ".srt\",\"status\":\"fail\"}]}";
    }

    private static String artifact(int run, int test, String got) {
        return "{\"artifact_id\":\"actual_" + run + "_" + test + "_" + (test * 10) + "\",\"run_id\":" + run
                + ",\"sample_id\":" + (1000 + test) + ",\"type\":\"actual_output\",\"filename\":\"" + got
                + ".srt\",\"storage_status\":\"missing\"}";
    }

    private static String listing(String items) {
        int total = items.isEmpty() ? 0 : items.split("\\{\"(regression_test_id|artifact_id|run_id)\"").length - 1;
        return "{\"data\":[" + items + "],\"pagination\":{\"limit\":100,\"offset\":0,\"total\":" + total
                + ",\"next_offset\":null},\"meta\":{}}";
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/api/v1".length());
        String query = exchange.getRequestURI().getRawQuery();
        String key = path
                + (query == null
                        ? ""
                        : "?" + query.replaceAll("&?(limit|offset)=\\d+", "").replaceAll("^&", ""));
        key = key.endsWith("?") ? key.substring(0, key.length() - 1) : key;
        requests.add(key);
        String body = answers.get(key);
        PlatformStub.send(
                exchange,
                body == null ? 404 : 200,
                body == null ? "{\"code\":\"not_found\",\"message\":\"Resource not found.\",\"details\":{}}" : body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
