package io.jenkins.plugins.sampleplatform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the API's JSON strictly (its package-private helpers serve the parsers of every endpoint): unknown fields are fine (the server adds fields over time), but a
 * required field that is missing, null or of the wrong type, or a count below zero, is a malformed
 * answer naming the field, never a silent 0.
 */
final class ResponseParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUOTE_LIMIT = 200;

    private final SecretText token;

    ResponseParser(SecretText token) {
        this.token = token;
    }

    /** A 200 body as a summary of {@code expectedRunId}. */
    RunSummary summary(byte[] body, int expectedRunId, String contentType) throws ApiException.MalformedResponse {
        ObjectNode object = object(body, contentType, 200);
        try {
            RunSummary summary = new RunSummary(
                    requiredInt(object, "run_id"),
                    status(object),
                    requiredInt(object, "total_samples"),
                    requiredInt(object, "pass_count"),
                    requiredInt(object, "fail_count"),
                    optionalInt(object, "skipped_count"),
                    optionalInt(object, "missing_output_count"),
                    optionalInt(object, "error_count"),
                    optionalLong(object, "duration_ms"),
                    optionalText(object, "triggered_by"));
            if (summary.runId() != expectedRunId) {
                throw new IllegalArgumentException(
                        "run_id is " + summary.runId() + ", but run " + expectedRunId + " was asked for");
            }
            return summary;
        } catch (IllegalArgumentException e) {
            throw malformed("the summary is not valid: " + e.getMessage(), 200);
        }
    }

    /** What a non-2xx answer says: the API's {@code {code, message, details}}, or just the status. */
    ApiError error(int status, byte[] body, String contentType) {
        try {
            ObjectNode object = object(body, contentType, status);
            String code = object.path("code").isTextual() ? object.get("code").asText() : null;
            String message = object.path("message").isTextual()
                    ? quote(object.get("message").asText())
                    : null;
            Map<String, Object> details = object.path("details").isObject()
                    ? JSON.convertValue(
                            scrub(object.get("details")),
                            JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class))
                    : Map.of();
            return new ApiError(status, code, message, details);
        } catch (ApiException.MalformedResponse e) {
            return new ApiError(status, null, describeBody(body, contentType), Map.of());
        }
    }

    /** A short description of a body that is not the API's JSON, for messages. */
    String describeBody(byte[] body, String contentType) {
        if (body.length == 0) {
            return "the answer was empty";
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if ((contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html"))
                || lower.startsWith("<!doctype html")
                || lower.startsWith("<html")) {
            return "the answer looks like an HTML page, probably from a proxy or load balancer in front of the platform: "
                    + quote(text);
        }
        return "the answer is not JSON: " + quote(text);
    }

    ObjectNode object(byte[] body, String contentType, int status) throws ApiException.MalformedResponse {
        JsonNode node;
        try {
            node = body.length == 0 ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed(describeBody(body, contentType), status);
        } catch (java.io.IOException e) {
            throw malformed(describeBody(body, contentType), status);
        }
        if (node == null || node.isMissingNode()) {
            throw malformed(describeBody(body, contentType), status);
        }
        if (!(node instanceof ObjectNode object)) {
            throw malformed("the answer is JSON but not an object: " + quote(node.toString()), status);
        }
        return object;
    }

    static int requiredInt(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (value.isNull()) {
            throw new IllegalArgumentException(field + " is null");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(field + " must be a whole number, was " + typeOf(value));
        }
        return value.intValue();
    }

    static Integer optionalInt(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : requiredInt(object, field);
    }

    static Long optionalLong(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " must be a whole number or null, was " + typeOf(value));
        }
        return value.longValue();
    }

    String optionalText(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string or null, was " + typeOf(value));
        }
        return token.scrub(value.asText());
    }

    static RunStatus status(ObjectNode object) {
        JsonNode value = object.get("status");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("status must be a string, was " + typeOf(value));
        }
        return RunStatus.fromWire(value.asText());
    }

    static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "the string \"" + abbreviate(value.asText()) + "\"";
            case NUMBER -> "the number " + value.asText();
            case BOOLEAN -> "the boolean " + value.asText();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private JsonNode scrub(JsonNode details) {
        try {
            return JSON.readTree(token.scrub(JSON.writeValueAsString(details)));
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    String quote(String text) {
        // Control characters (terminal escapes, NULs) from a foreign body must not reach a console or build log.
        return abbreviate(token.scrub(text).replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?"));
    }

    private static String abbreviate(String text) {
        return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "…";
    }

    ApiException.MalformedResponse malformed(String why, int status) {
        return new ApiException.MalformedResponse(
                "The Sample Platform sent an answer this client cannot read (HTTP " + status + "): " + token.scrub(why)
                        + ". Check that the URL points at the platform's API (it ends in /api/v1).",
                null);
    }

    /** The scopes named in a 403's details ({@code missing_scopes}, else {@code required_scopes}). */
    static List<String> scopes(ApiError error) {
        String key = error.details().get("missing_scopes") instanceof List<?> ? "missing_scopes" : "required_scopes";
        return scopeList(error, key);
    }

    /** The strings listed under {@code key} in the error's details; empty when there is no such list. */
    static List<String> scopeList(ApiError error, String key) {
        if (error.details().get(key) instanceof List<?> list) {
            List<String> scopes = new ArrayList<>();
            list.forEach(s -> scopes.add(String.valueOf(s)));
            return List.copyOf(scopes);
        }
        return List.of();
    }
}
