package io.jenkins.plugins.sampleplatform.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * One request to the platform's API, relative to its base URL: what {@link ApiTransport} sends, retries
 * and turns into an answer or a typed error.
 *
 * @param method   {@code GET} or {@code POST}
 * @param path     the path below the base URL, starting with {@code /}, e.g. {@code /runs/42/summary}
 * @param query    query parameters in order (values are encoded when the URI is built); may be empty
 * @param jsonBody the JSON body of a {@code POST}, or {@code null}
 * @param subject  what the request is about, for messages: e.g. {@code run 42}, {@code the runs of commit abc}
 * @param runId    the run the path names, so that its 404 is a {@link RunNotFound}; empty when none
 */
public record ApiRequest(
        String method, String path, Map<String, String> query, byte[] jsonBody, String subject, OptionalInt runId) {

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(subject, "subject");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /, was " + path);
        }
        query = query == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
        runId = runId == null ? OptionalInt.empty() : runId;
    }

    /** A {@code GET} of {@code path} about {@code subject}. */
    public static ApiRequest get(String path, String subject) {
        return new ApiRequest("GET", path, Map.of(), null, subject, OptionalInt.empty());
    }

    /** A {@code POST} of a JSON body to {@code path} about {@code subject}. */
    public static ApiRequest post(String path, byte[] jsonBody, String subject) {
        return new ApiRequest(
                "POST", path, Map.of(), Objects.requireNonNull(jsonBody, "jsonBody"), subject, OptionalInt.empty());
    }

    /** The same request with one more query parameter ({@code null} values are left out). */
    public ApiRequest withQuery(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(name, value);
        return new ApiRequest(method, path, more, jsonBody, subject, runId);
    }

    /** The same request, naming the run its path is about (a 404 is then "no such run"). */
    public ApiRequest aboutRun(int runId) {
        return new ApiRequest(method, path, query, jsonBody, subject, OptionalInt.of(runId));
    }

    /**
     * Whether repeating the request cannot do harm: a {@code GET}. A {@code POST} (it may start a run) is
     * never repeated after a failure that may have reached the server; only after a 429, which the
     * platform's rate limiter answers before any handler runs.
     */
    public boolean idempotent() {
        return method.equals("GET");
    }

    /** The path and encoded query, e.g. {@code /runs?commit_sha=abc&sort=-run_id}. */
    String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        return path + "?"
                + query.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return method + " " + pathAndQuery();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiRequest that
                && method.equals(that.method)
                && path.equals(that.path)
                && query.equals(that.query)
                && java.util.Arrays.equals(jsonBody, that.jsonBody)
                && subject.equals(that.subject)
                && runId.equals(that.runId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, java.util.Arrays.hashCode(jsonBody), subject, runId);
    }
}
