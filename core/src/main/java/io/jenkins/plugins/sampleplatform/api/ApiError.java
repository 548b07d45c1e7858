package io.jenkins.plugins.sampleplatform.api;

import java.util.Map;

/**
 * What the server said about a failed request: the HTTP status and, when the answer was the API's JSON
 * error body, its {@code code}, {@code message} and {@code details}.
 *
 * @param status  the HTTP status
 * @param code    the machine-readable code, e.g. {@code unauthorized}; {@code null} when the body was not the API's
 * @param message the server's message (scrubbed of the token, at most 500 characters); {@code null} when none
 * @param details the structured details, immutable; empty when none
 */
public record ApiError(int status, String code, String message, Map<String, Object> details) {

    public ApiError {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
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
