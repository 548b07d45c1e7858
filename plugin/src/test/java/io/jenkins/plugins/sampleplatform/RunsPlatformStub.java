package io.jenkins.plugins.sampleplatform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Sample Platform API on loopback for the run endpoints: each {@code "METHOD /path"} answers what the test set
 * last (a run's status can change between polls), and every request is recorded.
 */
public final class RunsPlatformStub implements AutoCloseable {

    public static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Map<String, CountDownLatch[]> holds = new ConcurrentHashMap<>();
    private final Map<String, String[]> answers = new ConcurrentHashMap<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<String> bodies = new CopyOnWriteArrayList<>();

    public RunsPlatformStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/", this::answer);
        // A held request (holdUntil) must not keep the others waiting.
        server.setExecutor(handlers);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    /** {@code GET /runs/{id}} answers the run with this status. */
    public RunsPlatformStub status(int runId, String status) {
        return set("GET /api/v1/runs/" + runId, 200, run(runId, status));
    }

    /** {@code GET /runs} (any filter) lists these runs, newest first. */
    public RunsPlatformStub list(String... runs) {
        return set(
                "GET /api/v1/runs",
                200,
                "{\"data\":[" + String.join(",", runs) + "],\"pagination\":{\"limit\":1,\"offset\":0,\"total\":"
                        + runs.length + ",\"next_offset\":null},\"meta\":{}}");
    }

    public RunsPlatformStub summary(int runId, String json) {
        return set("GET /api/v1/runs/" + runId + "/summary", 200, json);
    }

    /**
     * {@code GET /runs/{id}/samples?status=STATUS} (the failing samples, listed after the summary) answers this
     * listing. Unset listings are a 404, like any other path the test did not set.
     */
    public RunsPlatformStub samples(int runId, String status, String json) {
        return set("GET /api/v1/runs/" + runId + "/samples?status=" + status, 200, json);
    }

    public RunsPlatformStub set(String methodAndPath, int status, String body) {
        answers.put(methodAndPath, new String[] {Integer.toString(status), body});
        return this;
    }

    /**
     * {@code "METHOD /path"} counts {@code arrived} down when it comes, then answers only once {@code release} is
     * counted down: a request in flight while the test does something else (aborts the build).
     */
    public RunsPlatformStub holdUntil(String methodAndPath, CountDownLatch arrived, CountDownLatch release) {
        holds.put(methodAndPath, new CountDownLatch[] {arrived, release});
        return this;
    }

    public static String run(int runId, String status) {
        return "{\"run_id\":" + runId + ",\"status\":\"" + status
                + "\",\"platform\":\"linux\",\"test_type\":\"commit\","
                + "\"repository\":\"CCExtractor/ccextractor\",\"branch\":\"master\",\"commit_sha\":\"" + SHA + "\"}";
    }

    public long count(String methodAndPath) {
        return requests.stream().filter(methodAndPath::equals).count();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String key =
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        requests.add(key);
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        CountDownLatch[] hold = holds.get(key);
        if (hold != null) {
            hold[0].countDown();
            try {
                hold[1].await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String query = exchange.getRequestURI().getRawQuery();
        String answerKey = key.endsWith("/samples") && query != null
                ? key + "?status=" + query.replaceAll(".*status=([a-z_]+).*", "$1")
                : key;
        String[] answer = answers.getOrDefault(
                answerKey,
                new String[] {"404", "{\"code\":\"not_found\",\"message\":\"Resource not found.\",\"details\":{}}"});
        byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
