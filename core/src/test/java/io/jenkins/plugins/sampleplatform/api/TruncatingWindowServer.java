package io.jenkins.plugins.sampleplatform.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback platform whose rate limiter quotes its window the way the real one does
 * ({@code mod_api/middleware/rate_limit.py}): one fixed window from the first request, {@code X-RateLimit-Reset
 * = int(window_start + window)} and {@code Retry-After = max(1, reset - int(now))}, both truncated to the
 * second. Its windows start 0.95 s into a second, the worst case: each ends 0.95 s after the reset it
 * quotes, so a caller that trusts the quoted reset is refused again.
 */
final class TruncatingWindowServer implements AutoCloseable {

    private static final Pattern SUMMARY = Pattern.compile(".*/runs/(\\d+)/summary");

    private final int limit;
    private final long windowMillis;
    private final LongSupplier millis;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private long windowStartMillis = -1;
    private int count;
    private int accepted;
    private int refused;
    private long lastRefusalMillis;
    private long firstAcceptAfterRefusalMillis = -1;

    /** A server reading the time from {@code millis} (the test's driven time, in epoch milliseconds). */
    TruncatingWindowServer(int limit, int windowSeconds, LongSupplier millis) throws IOException {
        this.millis = millis;
        this.limit = limit;
        this.windowMillis = windowSeconds * 1000L;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    BaseUrl baseUrl() {
        return BaseUrl.parse("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1");
    }

    /** Requests being answered now. */
    int inFlight() {
        return inFlight.get();
    }

    synchronized int accepted() {
        return accepted;
    }

    synchronized int refused() {
        return refused;
    }

    /** Milliseconds from the last 429 to the first 200 after it; -1 when there was none. */
    synchronized long refusalToNextAcceptMillis() {
        return firstAcceptAfterRefusalMillis < 0 ? -1 : firstAcceptAfterRefusalMillis - lastRefusalMillis;
    }

    private void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try {
            answer(exchange);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        Matcher m = SUMMARY.matcher(exchange.getRequestURI().getPath());
        int run = m.matches() ? Integer.parseInt(m.group(1)) : 1;
        long now = millis.getAsLong();
        boolean ok;
        long reset;
        long retryAfter;
        synchronized (this) {
            if (windowStartMillis < 0 || now >= windowStartMillis + windowMillis) {
                // the latest moment at or before now that lies 0.95 s into a second
                long start = now / 1000 * 1000 + 950;
                windowStartMillis = start > now ? start - 1000 : start;
                count = 0;
            }
            count++;
            reset = (windowStartMillis + windowMillis) / 1000;
            retryAfter = Math.max(1, reset - now / 1000);
            ok = count <= limit;
            if (ok) {
                accepted++;
                if (refused > 0 && firstAcceptAfterRefusalMillis < 0) {
                    firstAcceptAfterRefusalMillis = now;
                }
            } else {
                refused++;
                lastRefusalMillis = now;
                firstAcceptAfterRefusalMillis = -1;
            }
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-RateLimit-Limit", Integer.toString(limit));
        exchange.getResponseHeaders().add("X-RateLimit-Reset", Long.toString(reset));
        String body;
        int status;
        if (ok) {
            status = 200;
            exchange.getResponseHeaders().add("X-RateLimit-Remaining", Integer.toString(Math.max(0, limit - count)));
            body = FakePlatform.summaryJson(run);
        } else {
            status = 429;
            exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
            exchange.getResponseHeaders().add("Retry-After", Long.toString(retryAfter));
            body = "{\"code\":\"rate_limited\",\"message\":\"Rate limit exceeded. Retry after " + retryAfter
                    + " seconds.\",\"details\":{\"retry_after\":" + retryAfter + ",\"limit\":" + limit
                    + ",\"window\":\"" + windowMillis / 1000 + "s\"}}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
