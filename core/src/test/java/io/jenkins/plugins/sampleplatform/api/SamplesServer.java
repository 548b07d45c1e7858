package io.jenkins.plugins.sampleplatform.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code GET /runs/{id}/samples} on loopback as the platform serves it (mod_api/routes/samples.py): one run,
 * its items filtered by {@code status} in memory, then paged by {@code limit}/{@code offset} (1..100, default
 * 50) in the envelope {@code {data, pagination: {limit, offset, total, next_offset}, meta}}, in the order the
 * items were added (no sorting, like the platform). Other runs are 404 {@code Run {id} not found.}. Every
 * request's query is recorded. Public for the failure-list benchmark in {@code bench/}.
 */
public final class SamplesServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final int runId;
    private final List<ObjectNode> items = new CopyOnWriteArrayList<>();
    public final List<String> queries = new CopyOnWriteArrayList<>();
    private volatile List<Integer> selection;

    public SamplesServer(int runId) throws IOException {
        this.runId = runId;
        server = LoopbackServers.start("samples-server", this::handle);
    }

    public BaseUrl baseUrl() {
        return BaseUrl.parse("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1");
    }

    /**
     * Adds an item as the platform serializes one; {@code outputs} as {@code id:filename:status}. The item's
     * {@code runtime_ms} is 1234; change it on the returned node.
     */
    public ObjectNode add(
            int regressionTestId, String status, Integer exitCode, Integer expectedRc, String... outputs) {
        ObjectNode item = JSON.createObjectNode();
        item.put("regression_test_id", regressionTestId);
        item.put("sample_id", 1000 + regressionTestId);
        item.put("sample_name", "sample-" + regressionTestId + ".ts");
        item.put("status", status);
        if (exitCode == null) {
            item.putNull("exit_code");
        } else {
            item.put("exit_code", exitCode);
        }
        if (expectedRc == null) {
            item.putNull("expected_rc");
        } else {
            item.put("expected_rc", expectedRc);
        }
        item.put("runtime_ms", 1234);
        item.put("command", "-autoprogram -out=srt");
        item.putArray("categories").add("Broken").add("DVB");
        ArrayNode array = item.putArray("outputs");
        for (String output : outputs) {
            String[] parts = output.split(":");
            array.addObject()
                    .put("output_id", Integer.parseInt(parts[0]))
                    .put("filename", parts[1])
                    .put("status", parts[2]);
        }
        items.add(item);
        return item;
    }

    /**
     * The run's selection, as {@code GET /runs/{id}/config} gives it ({@code regression_test_ids}); by default the
     * ids of the items added.
     */
    public void select(Integer... regressionTestIds) {
        selection = List.of(regressionTestIds);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/api/v1/runs/" + runId + "/config")) {
                queries.add("config");
                ObjectNode config = JSON.createObjectNode().put("run_id", runId);
                ArrayNode ids = config.putArray("regression_test_ids");
                if (selection != null) {
                    selection.forEach(ids::add);
                } else {
                    items.forEach(item -> ids.add(item.get("regression_test_id").intValue()));
                }
                send(exchange, 200, JSON.writeValueAsString(config));
                return;
            }
            queries.add(String.valueOf(query));
            Map<String, String> params = params(query);
            if (!path.equals("/api/v1/runs/" + runId + "/samples")) {
                String id = path.replaceAll("^/api/v1/runs/([^/]+)/samples$", "$1");
                send(
                        exchange,
                        404,
                        "{\"code\":\"not_found\",\"message\":\"Run " + id + " not found.\",\"details\":{}}");
                return;
            }
            int limit = Integer.parseInt(params.getOrDefault("limit", "50"));
            int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
            if (limit < 1 || limit > 100) {
                send(
                        exchange,
                        400,
                        "{\"code\":\"validation_error\",\"message\":\"limit must be between 1 and 100.\","
                                + "\"details\":{\"fields\":{\"limit\":\"limit must be between 1 and 100.\"}}}");
                return;
            }
            List<ObjectNode> matching = new ArrayList<>();
            for (ObjectNode item : items) {
                if (!params.containsKey("status") || item.get("status").asText().equals(params.get("status"))) {
                    matching.add(item);
                }
            }
            ObjectNode envelope = JSON.createObjectNode();
            ArrayNode data = envelope.putArray("data");
            matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()))
                    .forEach(data::add);
            ObjectNode pagination = envelope.putObject("pagination");
            pagination.put("limit", limit).put("offset", offset).put("total", matching.size());
            if (offset + limit < matching.size()) {
                pagination.put("next_offset", offset + limit);
            } else {
                pagination.putNull("next_offset");
            }
            envelope.putObject("meta");
            send(exchange, 200, JSON.writeValueAsString(envelope));
        }
    }

    /** The query's parameters, decoded (shared with {@link ComparisonServer}). */
    static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** Answers with a JSON body (shared with {@link ComparisonServer}). */
    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
