package io.jenkins.plugins.sampleplatform.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Sample Platform API on loopback. Each request takes the next scripted answer; the last one repeats.
 * It records every request's path and Authorization header.
 */
final class FakePlatform implements AutoCloseable {

    /** One scripted answer. */
    interface Answer {
        void write(HttpExchange exchange) throws IOException;
    }

    static final String TOKEN = "spci_test_9d1c0ffee4b2";

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Answer last = json(200, "{}");
    final List<String> paths = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> accepts = new CopyOnWriteArrayList<>();
    final List<String> methods = new CopyOnWriteArrayList<>();
    final List<String> queries = new CopyOnWriteArrayList<>();
    final List<String> contentTypes = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();

    FakePlatform() throws IOException {
        server = LoopbackServers.start("fake-platform", this::handle);
    }

    FakePlatform then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    BaseUrl baseUrl() {
        return BaseUrl.parse("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1");
    }

    int requests() {
        return paths.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        paths.add(exchange.getRequestURI().getPath());
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        accepts.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
        methods.add(exchange.getRequestMethod());
        queries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
        contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Answer answer = script.poll();
        if (answer == null) {
            answer = last;
        } else if (script.isEmpty()) {
            last = answer;
        }
        try {
            answer.write(exchange);
        } finally {
            exchange.close();
        }
    }

    static Answer json(int status, String body) {
        return answer(status, "application/json", body, Map.of());
    }

    static Answer json(int status, String body, Map<String, String> headers) {
        return answer(status, "application/json", body, headers);
    }

    static Answer html(int status, String body) {
        return answer(status, "text/html; charset=utf-8", body, Map.of());
    }

    static Answer answer(int status, String contentType, String body, Map<String, String> headers) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            headers.forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        };
    }

    /** Sends the headers, then the body one byte every {@code pauseMillis}. */
    static Answer slowBody(String body, long pauseMillis) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (byte b : bytes) {
                    out.write(b);
                    out.flush();
                    try {
                        Thread.sleep(pauseMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            } catch (IOException clientGone) {
                // the client gave up, as it should
            }
        };
    }

    static String rateLimitedBody(int seconds) {
        return "{\"code\":\"rate_limited\",\"message\":\"Rate limit exceeded. Retry after " + seconds
                + " seconds.\",\"details\":{\"retry_after\":" + seconds + ",\"limit\":120,\"window\":\"60s\"}}";
    }

    static String summaryJson(int runId) {
        return "{\"run_id\":" + runId + ",\"status\":\"fail\",\"total_samples\":10,\"pass_count\":7,\"fail_count\":2,"
                + "\"skipped_count\":0,\"missing_output_count\":1,\"error_count\":3,\"duration_ms\":5400}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
