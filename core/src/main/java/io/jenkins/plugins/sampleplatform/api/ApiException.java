package io.jenkins.plugins.sampleplatform.api;

import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.util.Optional;

/**
 * The API refused or failed a request. Subclasses say which way; {@link #error()} carries what the
 * server said, when it said anything.
 */
public class ApiException extends SummaryException {

    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    public ApiException(String message, ApiError error) {
        super(message);
        this.error = error;
    }

    public ApiException(String message, ApiError error, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    /** The server's status, code, message and details; empty when no answer came (a transport failure). */
    public Optional<ApiError> error() {
        return Optional.ofNullable(error);
    }

    /** 400: the server refused the request as invalid. */
    public static class InvalidRequest extends ApiException {
        private static final long serialVersionUID = 1L;

        public InvalidRequest(String message, ApiError error) {
            super(message, error);
        }
    }

    /** 401: the token is missing, expired, revoked or unknown. */
    public static class Unauthorized extends ApiException {
        private static final long serialVersionUID = 1L;

        public Unauthorized(String message, ApiError error) {
            super(message, error);
        }
    }

    /** 403: the token lacks a scope, normally {@code runs:read}. */
    public static class Forbidden extends ApiException {
        private static final long serialVersionUID = 1L;

        private final java.util.List<String> missingScopes;

        public Forbidden(String message, ApiError error, java.util.List<String> missingScopes) {
            super(message, error);
            this.missingScopes = java.util.List.copyOf(missingScopes);
        }

        /** The scopes the server said are missing; empty when it did not say. */
        public java.util.List<String> missingScopes() {
            return missingScopes;
        }

        /** The scopes the server said reading a summary requires ({@code details.required_scopes}); empty when it did not say. */
        public java.util.List<String> requiredScopes() {
            return error().map(e -> ResponseParser.scopeList(e, "required_scopes"))
                    .orElse(java.util.List.of());
        }
    }

    /** 404 for something that is not a run: the URL (or the platform's version) has no such endpoint. */
    public static class NotFound extends ApiException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message, ApiError error) {
            super(message, error);
        }
    }

    /** 429 until the time budget or the retry attempts ran out. */
    public static class RateLimitExhausted extends ApiException {
        private static final long serialVersionUID = 1L;

        public RateLimitExhausted(String message, ApiError error) {
            super(message, error);
        }
    }

    /** 5xx after the retries, or another status the API does not use. */
    public static class ServerError extends ApiException {
        private static final long serialVersionUID = 1L;

        public ServerError(String message, ApiError error) {
            super(message, error);
        }
    }

    /** A 3xx answer: the client never follows redirects, so the token never reaches another server. */
    public static class Redirected extends ApiException {
        private static final long serialVersionUID = 1L;

        public Redirected(String message, ApiError error) {
            super(message, error);
        }
    }

    /** An answer that is not what the API sends: not JSON, HTML from a proxy, empty, too large, wrong shape. */
    public static class MalformedResponse extends ApiException {
        private static final long serialVersionUID = 1L;

        public MalformedResponse(String message, ApiError error) {
            super(message, error);
        }
    }

    /** No answer: connection refused or reset, a timeout, an unknown host. */
    public static class TransportFailure extends ApiException {
        private static final long serialVersionUID = 1L;

        public TransportFailure(String message, Throwable cause) {
            super(message, null, cause);
        }
    }
}
