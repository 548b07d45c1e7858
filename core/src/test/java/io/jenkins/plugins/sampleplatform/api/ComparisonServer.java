package io.jenkins.plugins.sampleplatform.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoints a comparison reads, on loopback, answering as the platform does (shapes from
 * {@code sample-platform-runs-api.md}): {@code /runs} (filters {@code branch}, {@code commit_sha},
 * {@code platform}; newest run id first), {@code /runs/{id}}, {@code /summary}, {@code /config},
 * {@code /samples} (filter {@code status}, paged in memory), {@code /artifacts?type=actual_output} (403 when the
 * token "lacks" {@code results:read}), {@code /regression-tests/{id}} and the unified diff. Runs are built
 * with {@link #run(int)}; every request path and query is recorded. Public for the benchmark in {@code bench/}.
 */
public final class ComparisonServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RUN_PATH = Pattern.compile("/api/v1/runs/(\\d+)(/[a-z_]+)?");
    private static final Pattern DIFF_PATH =
            Pattern.compile("/api/v1/runs/(\\d+)/samples/(\\d+)/regression-tests/(\\d+)/outputs/(\\d+)/diff");
    private static final Pattern TEST_PATH = Pattern.compile("/api/v1/regression-tests/(\\d+)");

    private final HttpServer server;
    private final Map<Integer, Run> runs = new ConcurrentHashMap<>();
    private final Map<Integer, ObjectNode> definitions = new ConcurrentHashMap<>();
    private final Map<String, String> diffs = new ConcurrentHashMap<>();
    /** Every request: path and query. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    private volatile boolean resultsReadable = true;

    public ComparisonServer() throws IOException {
        server = LoopbackServers.start("comparison-server", this::handle);
    }

    public BaseUrl baseUrl() {
        return BaseUrl.parse("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1");
    }

    /** The token lacks {@code results:read}: artifacts and diffs answer 403. */
    public ComparisonServer withoutResultsRead() {
        resultsReadable = false;
        return this;
    }

    /** Run {@code id}, new on first use (linux, commit, master, status fail, completed at 10:00 plus id minutes). */
    public Run run(int id) {
        return runs.computeIfAbsent(id, Run::new);
    }

    /** The definition {@code GET /regression-tests/{id}} gives; outputs as {@code id:ignored:variant,variant}. */
    public ComparisonServer definition(int testId, List<String> categories, String... outputs) {
        ObjectNode body = JSON.createObjectNode();
        body.put("regression_test_id", testId).put("sample_id", 1000 + testId).put("sample_name", "t" + testId + ".ts");
        ArrayNode names = body.putArray("categories");
        categories.forEach(names::add);
        ArrayNode list = body.putArray("outputs");
        for (String output : outputs) {
            String[] parts = output.split(":", -1);
            ObjectNode o = list.addObject()
                    .put("id", Integer.parseInt(parts[0]))
                    .put("ignore", Boolean.parseBoolean(parts[1]))
                    .put("correct", "base" + parts[0])
                    .put("correct_extension", ".srt");
            ArrayNode variants = o.putArray("variants");
            if (parts.length > 2 && !parts[2].isEmpty()) {
                int v = 1;
                for (String hash : parts[2].split(",")) {
                    variants.addObject().put("id", v++).put("hash", hash);
                }
            }
        }
        definitions.put(testId, body);
        return this;
    }

    /** The unified diff of one output of one run. */
    public ComparisonServer diff(int runId, int testId, int outputId, String content) {
        diffs.put(runId + "/" + testId + "/" + outputId, content);
        return this;
    }

    /** Requests whose path ends with {@code suffix} (e.g. {@code /artifacts}). */
    public long count(String suffix) {
        return requests.stream().filter(r -> r.split("\\?")[0].endsWith(suffix)).count();
    }

    public final class Run {
        final int id;
        String platform = "linux";
        String testType = "commit";
        String branch = "master";
        String commit;
        String status = "fail";
        String completedAt;
        final List<Integer> selection = new ArrayList<>();
        final List<ObjectNode> items = new ArrayList<>();
        public final List<ObjectNode> artifacts = new ArrayList<>();

        Run(int id) {
            this.id = id;
            this.commit = String.format("%040x", id);
            this.completedAt = String.format("2026-01-01T%02d:%02d:00Z", 10 + id / 60 % 14, id % 60);
        }

        public Run platform(String value) {
            platform = value;
            return this;
        }

        public Run pullRequest() {
            testType = "pr";
            branch = "pull_request";
            return this;
        }

        public Run commit(String sha) {
            commit = sha;
            return this;
        }

        /** The run's status ({@code canceled}, {@code running}: not completed; then no completed_at unless set). */
        public Run status(String value) {
            status = value;
            if (value.equals("running") || value.equals("queued")) {
                completedAt = null;
            }
            return this;
        }

        public Run completedAt(String value) {
            completedAt = value;
            return this;
        }

        public Run selects(int... ids) {
            for (int id : ids) {
                selection.add(id);
            }
            return this;
        }

        /**
         * A result item; {@code outputs} as {@code id:status} ({@code fail}: a produced hash is recorded), the
         * baseline named {@code base<id>.srt}; categories as given.
         */
        public Run result(int testId, String status, int exitCode, List<String> categories, String... outputs) {
            ObjectNode item = JSON.createObjectNode();
            item.put("regression_test_id", testId)
                    .put("sample_id", 1000 + testId)
                    .put("sample_name", "t" + testId + ".ts")
                    .put("status", status)
                    .put("exit_code", exitCode)
                    .put("expected_rc", 0)
                    .put("runtime_ms", 10)
                    .put("command", "-autoprogram");
            ArrayNode names = item.putArray("categories");
            categories.forEach(names::add);
            ArrayNode list = item.putArray("outputs");
            for (String output : outputs) {
                String[] parts = output.split(":");
                list.addObject()
                        .put("output_id", Integer.parseInt(parts[0]))
                        .put("filename", "base" + parts[0] + ".srt")
                        .put("status", parts[1]);
            }
            items.add(item);
            return this;
        }

        /** A recorded produced hash ({@code got}) of one output. */
        public Run produced(int testId, int outputId, String got) {
            artifacts.add(JSON.createObjectNode()
                    .put("artifact_id", "actual_" + id + "_" + testId + "_" + outputId)
                    .put("run_id", id)
                    .put("sample_id", 1000 + testId)
                    .put("type", "actual_output")
                    .put("filename", got + ".srt")
                    .put("storage_status", "missing"));
            return this;
        }

        ObjectNode object() {
            ObjectNode run = JSON.createObjectNode();
            run.put("run_id", id)
                    .put("status", status)
                    .put("platform", platform)
                    .put("test_type", testType)
                    .put("repository", "CCExtractor/ccextractor")
                    .put("branch", branch)
                    .put("commit_sha", commit)
                    .put("completed_at", completedAt);
            return run;
        }

        ObjectNode summary() {
            int pass = count("pass");
            int fail = count("fail");
            int missing = count("missing_output");
            return JSON.createObjectNode()
                    .put("run_id", id)
                    .put("status", status)
                    .put("total_samples", selection.size())
                    .put("pass_count", pass)
                    .put("fail_count", fail)
                    .put("missing_output_count", missing)
                    .put("skipped_count", Math.max(0, selection.size() - items.size()))
                    .put("error_count", fail + missing)
                    .put("duration_ms", 1000);
        }

        private int count(String status) {
            return (int) items.stream()
                    .filter(i -> i.get("status").asText().equals(status))
                    .count();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(path + (query == null ? "" : "?" + query));
            Map<String, String> params = SamplesServer.params(query);
            Matcher diff = DIFF_PATH.matcher(path);
            if (diff.matches()) {
                if (!resultsReadable) {
                    forbidden(exchange);
                    return;
                }
                String content = diffs.get(diff.group(1) + "/" + diff.group(3) + "/" + diff.group(4));
                if (content == null) {
                    SamplesServer.send(exchange, 404, error("not_found", "Expected output file not found on disk."));
                } else {
                    SamplesServer.send(
                            exchange,
                            200,
                            JSON.writeValueAsString(JSON.createObjectNode()
                                    .put("format", "unified")
                                    .put("content", content)));
                }
                return;
            }
            Matcher test = TEST_PATH.matcher(path);
            if (test.matches()) {
                ObjectNode body = definitions.get(Integer.parseInt(test.group(1)));
                SamplesServer.send(
                        exchange,
                        body == null ? 404 : 200,
                        body == null
                                ? error("not_found", "Regression test " + test.group(1) + " not found.")
                                : JSON.writeValueAsString(body));
                return;
            }
            if (path.equals("/api/v1/runs")) {
                List<ObjectNode> matching = new ArrayList<>();
                runs.values().stream()
                        .sorted(Comparator.comparingInt((Run r) -> r.id).reversed())
                        .filter(r -> !params.containsKey("branch") || r.branch.equals(params.get("branch")))
                        .filter(r -> !params.containsKey("commit_sha") || r.commit.equals(params.get("commit_sha")))
                        .filter(r -> !params.containsKey("platform") || r.platform.equals(params.get("platform")))
                        .forEach(r -> matching.add(r.object()));
                page(exchange, params, matching);
                return;
            }
            Matcher m = RUN_PATH.matcher(path);
            Run run = m.matches() ? runs.get(Integer.parseInt(m.group(1))) : null;
            if (run == null) {
                SamplesServer.send(
                        exchange, 404, error("not_found", "Run " + (m.matches() ? m.group(1) : path) + " not found."));
                return;
            }
            String tail = m.group(2) == null ? "" : m.group(2);
            switch (tail) {
                case "" -> SamplesServer.send(exchange, 200, JSON.writeValueAsString(run.object()));
                case "/summary" -> SamplesServer.send(exchange, 200, JSON.writeValueAsString(run.summary()));
                case "/config" -> {
                    ObjectNode config = JSON.createObjectNode()
                            .put("run_id", run.id)
                            .put("platform", run.platform)
                            .put("branch", run.branch)
                            .put("commit_sha", run.commit);
                    ArrayNode ids = config.putArray("regression_test_ids");
                    run.selection.forEach(ids::add);
                    SamplesServer.send(exchange, 200, JSON.writeValueAsString(config));
                }
                case "/samples" ->
                    page(
                            exchange,
                            params,
                            run.items.stream()
                                    .filter(i -> !params.containsKey("status")
                                            || i.get("status").asText().equals(params.get("status")))
                                    .toList());
                case "/artifacts" -> {
                    if (resultsReadable) {
                        page(exchange, params, run.artifacts);
                    } else {
                        forbidden(exchange);
                    }
                }
                default -> SamplesServer.send(exchange, 404, error("not_found", "Resource not found."));
            }
        }
    }

    private static void page(HttpExchange exchange, Map<String, String> params, List<ObjectNode> items)
            throws IOException {
        int limit = Integer.parseInt(params.getOrDefault("limit", "50"));
        int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
        if (limit < 1 || limit > 100) {
            SamplesServer.send(exchange, 400, error("validation_error", "limit must be between 1 and 100."));
            return;
        }
        ObjectNode envelope = JSON.createObjectNode();
        ArrayNode data = envelope.putArray("data");
        items.subList(Math.min(offset, items.size()), Math.min(offset + limit, items.size()))
                .forEach(data::add);
        ObjectNode pagination = envelope.putObject("pagination");
        pagination.put("limit", limit).put("offset", offset).put("total", items.size());
        if (offset + limit < items.size()) {
            pagination.put("next_offset", offset + limit);
        } else {
            pagination.putNull("next_offset");
        }
        envelope.putObject("meta");
        SamplesServer.send(exchange, 200, JSON.writeValueAsString(envelope));
    }

    private static void forbidden(HttpExchange exchange) throws IOException {
        SamplesServer.send(
                exchange,
                403,
                "{\"code\":\"forbidden\",\"message\":\"Token lacks the required scopes for this operation.\","
                        + "\"details\":{\"required_scopes\":[\"results:read\"],\"missing_scopes\":[\"results:read\"],"
                        + "\"token_scopes\":[\"runs:read\"]}}");
    }

    private static String error(String code, String message) {
        return "{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"details\":{}}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
