package io.jenkins.plugins.sampleplatform.api;

import io.jenkins.plugins.sampleplatform.api.ratelimit.RateLimitGates;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.InvalidRunIdException;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import io.jenkins.plugins.sampleplatform.summary.SummarySource;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads run summaries from the Sample Platform REST API: {@code GET {base}/runs/{runId}/summary}
 * with a bearer token, retrying with back-off where a retry can help.
 *
 * <ul>
 *   <li>429: waits as the server says ({@code Retry-After}, else {@code X-RateLimit-Reset}, else
 *       back-off), then tries again, for as long as the total budget allows;</li>
 *   <li>5xx and failed connections: a few attempts with exponential back-off and jitter;</li>
 *   <li>every other status: no retry, a typed {@link SummaryException} saying what to do.</li>
 * </ul>
 * A wait that would end past the budget ends the call at once instead of sleeping in vain. Waits are
 * interruptible: an interrupted caller (an aborted build) gets an {@link InterruptedException} at once.
 * Redirects are never followed, so the token never reaches another origin.
 *
 * <p>Retries are a plain loop rather than a Failsafe policy: the wait depends on each answer's headers,
 * the call must stop before a wait that would pass the budget (Failsafe trims that wait and makes a
 * doomed attempt), every attempt goes through the {@link RequestGate}, and an interrupt must surface as
 * the caller's own {@link InterruptedException}, not a wrapped one.
 */
public final class SamplePlatformClient implements SummarySource {

    private static final String USER_AGENT = "sampleplatform-jenkins/0.1";

    private final BaseUrl baseUrl;
    private final SecretText token;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Duration totalBudget;
    private final int maxAttempts;
    private final long maxResponseBytes;
    private final RetryListener listener;
    private final RequestGate gate;
    private final RetryDelays delays;
    private final ResponseParser parser;
    private final Clock clock;

    private SamplePlatformClient(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.token = builder.token;
        this.http = builder.httpClient != null
                ? builder.httpClient
                : HttpClient.newBuilder()
                        .connectTimeout(builder.connectTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        this.requestTimeout = builder.requestTimeout;
        this.totalBudget = builder.totalBudget;
        this.maxAttempts = builder.maxAttempts;
        this.maxResponseBytes = builder.maxResponseBytes;
        this.listener = builder.listener;
        this.gate = builder.gate != null ? builder.gate : RateLimitGates.shared(baseUrl, token);
        this.delays = new RetryDelays(builder.maxWait, ThreadLocalRandom.current());
        this.parser = new ResponseParser(token);
        this.clock = Clock.systemUTC();
    }

    /** Starts a client for {@code baseUrl} authenticating with {@code token}. */
    public static Builder builder(BaseUrl baseUrl, SecretText token) {
        return new Builder(baseUrl, token);
    }

    /** A warning to show the user when the token would travel unencrypted (plain http:// off loopback). */
    public Optional<String> warning() {
        return baseUrl.insecureTransportWarning();
    }

    @Override
    public RunSummary fetch(int runId) throws SummaryException, InterruptedException {
        try {
            RunIds.check(runId);
        } catch (IllegalArgumentException e) {
            throw new InvalidRunIdException(e.getMessage());
        }
        URI uri = baseUrl.summaryUri(runId);
        Instant deadline = clock.instant().plus(totalBudget);
        for (int attempt = 1; ; attempt++) {
            if (!gate.acquire(deadline)) {
                throw windowSpentPastBudget(runId);
            }
            HttpResponse<byte[]> response;
            try {
                response = send(uri, deadline);
            } catch (ApiException.TransportFailure e) {
                if (!worthRetrying(e) || attempt >= maxAttempts) {
                    throw e;
                }
                waitBeforeRetry(
                        attempt + 1,
                        delays.afterFailure(attempt),
                        true,
                        RetryEvent.Reason.CONNECTION_FAILED,
                        "connection failed",
                        deadline,
                        e);
                continue;
            }
            gate.onResponse(response.statusCode(), response.headers());
            int status = response.statusCode();
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            if (status == 200) {
                return parser.summary(response.body(), runId, contentType);
            }
            ApiError error = parser.error(status, response.body(), contentType);
            if (status == 429) {
                Duration wait = delays.afterRateLimit(response.headers(), attempt, clock.instant());
                // A gate that holds callers until the reset times the retry for every caller of the token alike.
                waitBeforeRetry(
                        attempt + 1,
                        wait,
                        !gate.holdsAfterRateLimit(),
                        RetryEvent.Reason.RATE_LIMITED,
                        "HTTP 429",
                        deadline,
                        rateLimitExhausted(runId, error));
            } else if (status >= 500 && status <= 599 && attempt < maxAttempts) {
                waitBeforeRetry(
                        attempt + 1,
                        delays.afterFailure(attempt),
                        true,
                        RetryEvent.Reason.SERVER_ERROR,
                        "HTTP " + status,
                        deadline,
                        ApiErrors.toException(runId, error, response, baseUrl));
            } else {
                throw ApiErrors.toException(runId, error, response, baseUrl);
            }
        }
    }

    private HttpResponse<byte[]> send(URI uri, Instant deadline) throws ApiException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + token.reveal())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, CappedBody.handler(maxResponseBytes));
        // The request timeout covers the headers; this also bounds a body that trickles in slowly.
        long waitMillis = Math.max(
                1,
                Math.min(
                        requestTimeout.toMillis(),
                        Duration.between(clock.instant(), deadline).toMillis()));
        try {
            return future.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ApiException.TransportFailure(
                    "The Sample Platform at " + baseUrl + " did not answer within "
                            + seconds(Duration.ofMillis(waitMillis)) + ". Check the URL, or raise the request timeout.",
                    e);
        } catch (ExecutionException e) {
            throw transportFailure(e.getCause());
        }
    }

    /**
     * A connection refused, reset or closed before the whole answer came is worth another try: it is
     * often transient (a restarting server, a recycled load-balancer connection) and a GET is safe to
     * repeat. A timeout is not: a slow server gets no faster, and every retry would cost another whole
     * request timeout of the budget.
     */
    private static boolean worthRetrying(ApiException.TransportFailure failure) {
        Throwable cause = failure.getCause();
        return cause instanceof IOException && !(cause instanceof HttpTimeoutException);
    }

    private ApiException transportFailure(Throwable cause) {
        if (cause instanceof CappedBody.TooLarge tooLarge) {
            return new ApiException.MalformedResponse(
                    "The Sample Platform sent an answer this client cannot read: the " + tooLarge.getMessage()
                            + ". Check that the URL points at the platform's API (it ends in /api/v1).",
                    null);
        }
        String host = baseUrl.uri().getHost()
                + (baseUrl.uri().getPort() > 0 ? ":" + baseUrl.uri().getPort() : "");
        String what;
        if (cause instanceof HttpConnectTimeoutException) {
            what = "connecting to " + host + " timed out";
        } else if (cause instanceof HttpTimeoutException) {
            what = host + " did not answer in time";
        } else if (cause instanceof ConnectException) {
            what = "could not connect to " + host + " (connection refused or unreachable)";
        } else if (cause instanceof java.nio.channels.UnresolvedAddressException
                || cause instanceof java.net.UnknownHostException) {
            what = "the host " + baseUrl.uri().getHost() + " is unknown";
        } else {
            what = "the connection to " + host + " failed (" + token.scrub(String.valueOf(cause.getMessage())) + ")";
        }
        return new ApiException.TransportFailure(
                "Could not reach the Sample Platform: " + what + ". Check the URL, the network and the proxy settings.",
                cause instanceof IOException ? cause : null);
    }

    /**
     * Tells the listener, then sleeps unless {@code sleep} is false (the gate does the waiting); or gives up at
     * once with {@code failure} when the wait would pass the deadline.
     */
    private void waitBeforeRetry(
            int nextAttempt,
            Duration wait,
            boolean sleep,
            RetryEvent.Reason reason,
            String detail,
            Instant deadline,
            SummaryException failure)
            throws SummaryException, InterruptedException {
        if (clock.instant().plus(wait).isAfter(deadline)) {
            throw failure;
        }
        listener.onRetry(new RetryEvent(nextAttempt, wait, reason, detail));
        if (sleep) {
            TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        }
    }

    private ApiException.RateLimitExhausted rateLimitExhausted(int runId, ApiError error) {
        return new ApiException.RateLimitExhausted(
                "The Sample Platform kept refusing requests for run " + runId
                        + " with HTTP 429 (rate limited) until the time budget of " + seconds(totalBudget)
                        + " ran out. The token's"
                        + " requests per minute are spent: raise the time budget, or run fewer builds with this token at once.",
                error);
    }

    private ApiException.RateLimitExhausted windowSpentPastBudget(int runId) {
        return new ApiException.RateLimitExhausted(
                "The token's rate-limit window at the Sample Platform is spent (requests"
                        + " with the same token, from this or other builds, used it up) and does not reset within the time budget of "
                        + seconds(totalBudget) + " for run " + runId
                        + ". Raise the time budget, or run fewer builds with this token at once.",
                null);
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }

    @Override
    public String describe() {
        return "API " + baseUrl;
    }

    @Override
    public String toString() {
        return "SamplePlatformClient[" + baseUrl + "]";
    }

    /** Configures a {@link SamplePlatformClient}. */
    public static final class Builder {
        private final BaseUrl baseUrl;
        private final SecretText token;
        private HttpClient httpClient;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration maxWait = Duration.ofSeconds(60);
        private Duration totalBudget = Duration.ofMinutes(5);
        private int maxAttempts = 3;
        private long maxResponseBytes = 1024 * 1024;
        private RetryListener listener = RetryListener.NONE;
        private RequestGate gate;

        private Builder(BaseUrl baseUrl, SecretText token) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            this.token = Objects.requireNonNull(token, "token");
        }

        /**
         * The HTTP client to use (the plugin passes the one Jenkins builds from its proxy settings).
         *
         * @throws IllegalArgumentException when it follows redirects: it must be built with
         *         {@code followRedirects(HttpClient.Redirect.NEVER)}, so the token never leaves the origin
         */
        public Builder httpClient(HttpClient httpClient) {
            Objects.requireNonNull(httpClient, "httpClient");
            // A client that follows redirects would resend the Authorization header to wherever it is sent.
            if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalArgumentException(
                        "The HTTP client for the Sample Platform must not follow redirects (it follows "
                                + httpClient.followRedirects()
                                + "); build it with followRedirects(HttpClient.Redirect.NEVER)"
                                + " so the token is never sent to another server.");
            }
            this.httpClient = httpClient;
            return this;
        }

        /** Time to establish a connection (default 10 s); used when the client builds its own HttpClient. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /** Time for one request, headers and body (default 30 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        /** The longest single wait before a retry (default 60 s), whatever the server asks. */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = positive("maxWait", maxWait);
            return this;
        }

        /** The whole call's time budget, waits included (default 5 min). */
        public Builder totalBudget(Duration budget) {
            this.totalBudget = positive("totalBudget", budget);
            return this;
        }

        /**
         * Attempts in all after a 5xx or a connection refused, reset or closed early (default 3); timeouts
         * are not retried, 429s are retried for as long as the budget allows.
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /** The largest response body read (default 1 MiB); a larger one is a malformed answer. */
        public Builder maxResponseBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be at least 1, was " + bytes);
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /** Told about every wait before a retry. */
        public Builder retryListener(RetryListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Admits each attempt. Default: the gate shared by every client of this process with the same base URL
         * and token ({@link RateLimitGates#shared}), so that builds take turns on the token's rate-limit window;
         * {@link RequestGate#OPEN} opts out (each call then backs off on its own after a 429).
         */
        public Builder requestGate(RequestGate gate) {
            this.gate = Objects.requireNonNull(gate, "gate");
            return this;
        }

        public SamplePlatformClient build() {
            return new SamplePlatformClient(this);
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
