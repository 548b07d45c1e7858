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

/**
 * A Sample Platform API on loopback that answers every summary request with one canned answer, and
 * {@code GET /runs/{id}/samples?status=...} with the listing set for that status (an empty one by default).
 */
public final class PlatformStub implements AutoCloseable {

    public static final String TOKEN = "spci_plugin_test_token_5f2b";

    private final HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile Map<String, String> headers = Map.of();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> listings = new ConcurrentHashMap<>();
    private volatile int listingStatus = 200;

    public static final String EMPTY_LISTING =
            "{\"data\":[],\"pagination\":{\"limit\":100,\"offset\":0,\"total\":0,\"next_offset\":null},\"meta\":{}}";

    public PlatformStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/runs/", this::answer);
        server.start();
    }

    /** The API's base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    public PlatformStub answer(int status, String body, Map<String, String> headers) {
        this.status = status;
        this.body = body;
        this.headers = headers;
        return this;
    }

    public PlatformStub summary(String json) {
        return answer(200, json, Map.of());
    }

    /** Answers {@code /samples?status=STATUS} with {@code json}; an HTTP error status when not 200. */
    public PlatformStub samples(String status, String json) {
        listings.put(status, json);
        return this;
    }

    /** The HTTP status of every {@code /samples} answer (e.g. 403), the body being the listing as set. */
    public PlatformStub samplesStatus(int status) {
        this.listingStatus = status;
        return this;
    }

    /** The requests received, as {@code summary} or {@code samples?QUERY}, in order. */
    public List<String> requests() {
        return requests;
    }

    /** The Authorization headers received, in order. */
    public List<String> authorizations() {
        return authorizations;
    }

    private void answer(HttpExchange exchange) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        boolean listing = path.endsWith("/samples");
        requests.add(listing ? "samples?" + query : path.substring(path.lastIndexOf('/') + 1));
        String text = body;
        int code = status;
        if (listing) {
            String wanted = query == null ? "" : query.replaceAll(".*status=([a-z_]+).*", "$1");
            text = listings.getOrDefault(wanted, EMPTY_LISTING);
            code = listingStatus;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
