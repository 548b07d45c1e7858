package io.jenkins.plugins.sampleplatform.api.ratelimit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback Sample Platform that enforces a fixed rate-limit window per server, as the real one does per
 * token: {@code limit} summaries per window. Windows follow each other from the whole second the server
 * started in, so that the whole-second {@code X-RateLimit-Reset} is exact and the first window is whole. Every answer carries
 * {@code X-RateLimit-Limit/-Remaining/-Reset}; a request over the limit gets 429 with {@code Retry-After}.
 * It counts the requests it accepted and refused, per window.
 */
public final class FixedWindowServer implements AutoCloseable {

    private static final Pattern SUMMARY = Pattern.compile(".*/runs/(\\d+)/summary");

    private final int limit;
    private final long windowMillis;
    private final LongSupplier millis;
    private final long originMillis;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<Long, Integer> acceptedPerWindow = new TreeMap<>();
    private final Map<Long, Integer> refusedPerWindow = new TreeMap<>();

    private FixedWindowServer(int limit, Duration window, int threads, LongSupplier millis) throws IOException {
        this.millis = millis;
        this.originMillis = millis.getAsLong() / 1000 * 1000;
        if (limit < 1 || window.toMillis() < 1000 || window.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException(
                    "need a limit >= 1 and a window of whole seconds, got " + limit + " per " + window);
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        this.executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server allowing {@code limit} summaries per {@code window} (whole seconds). */
    public static FixedWindowServer start(int limit, Duration window) throws IOException {
        return new FixedWindowServer(limit, window, 16, System::currentTimeMillis);
    }

    /** Starts a server on {@code time}'s clock rather than the wall clock. */
    public static FixedWindowServer start(int limit, Duration window, DrivenTime time) throws IOException {
        return new FixedWindowServer(limit, window, 16, time::currentTimeMillis);
    }

    /** Requests being answered now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The API base URL, {@code http://127.0.0.1:PORT/api/v1}. */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/api/v1");
    }

    /** Milliseconds until the next window starts. */
    public long millisToNextWindow() {
        return windowMillis - (millis.getAsLong() - originMillis) % windowMillis;
    }

    /** Requests answered 200. */
    public synchronized int accepted() {
        return acceptedPerWindow.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Requests answered 429. */
    public synchronized int refused() {
        return refusedPerWindow.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The most 429 answers given in any one window. */
    public synchronized int mostRefusedInOneWindow() {
        return refusedPerWindow.values().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(0);
    }

    /** The most 200 answers given in any one window (never more than the limit). */
    public synchronized int mostAcceptedInOneWindow() {
        return acceptedPerWindow.values().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(0);
    }

    /** Number of windows in which at least one request was refused. */
    public synchronized int windowsWithRefusals() {
        return refusedPerWindow.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try (exchange) {
            Matcher summary = SUMMARY.matcher(exchange.getRequestURI().getPath());
            if (!summary.matches()) {
                send(exchange, 404, "{\"code\":\"not_found\",\"message\":\"Not found.\",\"details\":{}}");
                return;
            }
            long now = millis.getAsLong();
            long window = (now - originMillis) / windowMillis;
            long resetSecond = (originMillis + (window + 1) * windowMillis) / 1000;
            int used;
            boolean accepted;
            synchronized (this) {
                used = acceptedPerWindow.getOrDefault(window, 0);
                accepted = used < limit;
                if (accepted) {
                    acceptedPerWindow.put(window, ++used);
                } else {
                    refusedPerWindow.merge(window, 1, Integer::sum);
                }
            }
            exchange.getResponseHeaders().set("X-RateLimit-Limit", Integer.toString(limit));
            exchange.getResponseHeaders().set("X-RateLimit-Remaining", Integer.toString(limit - used));
            exchange.getResponseHeaders().set("X-RateLimit-Reset", Long.toString(resetSecond));
            if (accepted) {
                send(exchange, 200, summaryJson(Integer.parseInt(summary.group(1))));
            } else {
                long retryAfter = Math.max(1, (resetSecond * 1000 - now + 999) / 1000);
                exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter));
                send(
                        exchange,
                        429,
                        "{\"code\":\"rate_limited\",\"message\":\"Rate limit exceeded. Retry after " + retryAfter
                                + " seconds.\",\"details\":{\"retry_after\":" + retryAfter + ",\"limit\":" + limit
                                + ",\"window\":\"" + windowMillis / 1000 + "s\"}}");
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static String summaryJson(int runId) {
        return "{\"run_id\":" + runId + ",\"status\":\"pass\",\"total_samples\":12,\"pass_count\":12,\"fail_count\":0,"
                + "\"skipped_count\":0,\"missing_output_count\":0,\"error_count\":0,\"duration_ms\":1500}";
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
