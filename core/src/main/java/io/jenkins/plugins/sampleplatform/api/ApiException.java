package io.jenkins.plugins.sampleplatform.api;

import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.time.Duration;
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

    /**
     * 429, and the next window opens later than the client may wait: past the time budget, or longer than
     * the longest single wait allowed. {@link #nextWindowIn()} and {@link #limit()} let each front end give
     * advice in its own terms (an option of the command line, a field of the Jenkins configuration).
     */
    public static class RateLimitExhausted extends ApiException {
        private static final long serialVersionUID = 1L;

        /** Waiting mends it. */
        @Override
        public boolean isTransient() {
            return true;
        }

        /** Which limit of the client the wait exceeded. */
        public enum Limit {
            /** The whole call's time budget. */
            TOTAL_BUDGET,
            /** The longest single wait before a retry. */
            MAX_WAIT
        }

        private final Duration nextWindowIn;
        private final Limit limit;
        private final Duration limitValue;

        public RateLimitExhausted(String message, ApiError error) {
            this(message, error, null, Limit.TOTAL_BUDGET, null);
        }

        public RateLimitExhausted(
                String message, ApiError error, Duration nextWindowIn, Limit limit, Duration limitValue) {
            super(message, error);
            this.nextWindowIn = nextWindowIn;
            this.limit = limit;
            this.limitValue = limitValue;
        }

        /** How long until the token's next window opens, when known. */
        public Optional<Duration> nextWindowIn() {
            return Optional.ofNullable(nextWindowIn);
        }

        /** The limit the wait exceeded. */
        public Limit limit() {
            return limit;
        }

        /** That limit's value, when known. */
        public Optional<Duration> limitValue() {
            return Optional.ofNullable(limitValue);
        }
    }

    /** 5xx after the retries, or another status the API does not use. */
    public static class ServerError extends ApiException {
        private static final long serialVersionUID = 1L;

        /** Waiting mends it. */
        @Override
        public boolean isTransient() {
            return true;
        }

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

        /** Waiting mends it. */
        @Override
        public boolean isTransient() {
            return true;
        }

        public TransportFailure(String message, Throwable cause) {
            super(message, null, cause);
        }
    }
}
