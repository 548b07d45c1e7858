package io.jenkins.plugins.sampleplatform.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server said about a failed request: the HTTP status and, when the answer was the API's JSON
 * error body, its {@code code}, {@code message} and {@code details}.
 *
 * @param status  the HTTP status
 * @param code    the machine-readable code, e.g. {@code unauthorized}; {@code null} when the body was not the API's
 * @param message the server's message (scrubbed of the token, at most 500 characters); {@code null} when none
 * @param details the structured details, deeply immutable (nested objects and lists too); empty when none
 */
public record ApiError(int status, String code, String message, Map<String, Object> details) {

    public ApiError {
        details = details == null ? Map.of() : freeze(details);
    }

    /** A deep, unmodifiable copy: JSON details nest lists and objects, and may hold nulls (so no Map.copyOf). */
    private static Map<String, Object> freeze(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), freezeValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object freezeValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freeze(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(freezeValue(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** {@code HTTP 401 unauthorized: Bearer token is missing, expired, or invalid.}, as far as known. */
    String describe() {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (code != null) {
            text.append(' ').append(code);
        }
        if (message != null && !message.isBlank()) {
            text.append(": ").append(message);
        }
        return text.toString();
    }
}
