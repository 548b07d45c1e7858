package io.jenkins.plugins.sampleplatform.api;

import io.jenkins.plugins.sampleplatform.api.ratelimit.RateLimitGates;
import io.jenkins.plugins.sampleplatform.failures.FailureSource;
import io.jenkins.plugins.sampleplatform.security.ApiTokens;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import io.jenkins.plugins.sampleplatform.summary.SummarySource;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Sample Platform REST API for this project: {@link #fetch} reads a run's summary,
 * {@code GET {base}/runs/{runId}/summary}, with a bearer token. Requests go through an
 * {@link ApiTransport}, which retries with back-off where a retry can help (429 as the server says; 5xx
 * and failed connections a few times, for reads only), never follows redirects, and turns every failure
 * into a typed {@link ApiException} saying what to do.
 */
public final class SamplePlatformClient implements SummarySource {

    /**
     * Time for one request by default: 2 minutes. The summary of a 10,000-sample run took a slow platform
     * 33 to 57 s to compute, beyond the former 30 s; a run several times that size still fits.
     */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final BaseUrl baseUrl;
    private final ApiTransport transport;

    private SamplePlatformClient(Builder builder) {
        this.baseUrl = builder.baseUrl;
        HttpClient http = builder.httpClient != null
                ? builder.httpClient
                : HttpClient.newBuilder()
                        .connectTimeout(builder.connectTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        this.transport = new ApiTransport(
                baseUrl,
                builder.token,
                http,
                builder.requestTimeout,
                builder.totalBudget,
                builder.maxAttempts,
                builder.maxResponseBytes,
                builder.listener,
                builder.gate != null ? builder.gate : RateLimitGates.shared(baseUrl, builder.token),
                new RetryDelays(builder.maxWait, ThreadLocalRandom.current()),
                builder.clock,
                builder.sleeper);
    }

    private SamplePlatformClient(BaseUrl baseUrl, ApiTransport transport) {
        this.baseUrl = baseUrl;
        this.transport = transport;
    }

    /**
     * A new call's state for {@link #deferring}: its total time budget (the builder's {@code totalBudget})
     * starts now.
     */
    public CallBudget newCall() {
        return transport.newCall();
    }

    /**
     * This client in non-blocking mode, for one call ({@link #fetch}, {@link #failures()}, {@link #runs()}):
     * every wait the blocking client would sleep (the shared gate's hold while the token's window is spent, a
     * 429's {@code Retry-After} or reset, the back-off after a 5xx or a failed connection) instead ends the call
     * with a {@link io.jenkins.plugins.sampleplatform.defer.Deferred} saying "nothing (more) was sent; try again
     * not before T". Run the same call again then, through {@code deferring(sameBudget)}: the budget carries the
     * call's deadline, the deferred request's attempt count and its place at the gate. Everything else (the
     * limits, the typed failures, the token handling) is the blocking client's. A call of several requests (a
     * failure list, a trigger) starts over when resumed; the requests it repeats are reads, and a POST that was
     * deferred had not been sent.
     */
    public SamplePlatformClient deferring(CallBudget budget) {
        return new SamplePlatformClient(baseUrl, transport.deferring(budget));
    }

    /**
     * The call of {@code budget} will not be resumed (its build was aborted): its place in the gate's line, or a
     * slot held for it, goes to the next caller at once instead of after a patience period.
     */
    public void abandon(CallBudget budget) {
        transport.gate().leave(budget.ticket());
    }

    /** Starts a client for {@code baseUrl} authenticating with {@code token}. */
    public static Builder builder(BaseUrl baseUrl, SecretText token) {
        return new Builder(baseUrl, token);
    }

    /** The API's base URL. */
    public BaseUrl baseUrl() {
        return baseUrl;
    }

    /** A warning to show the user when the token would travel unencrypted (plain http:// off loopback). */
    public Optional<String> warning() {
        return baseUrl.insecureTransportWarning();
    }

    /**
     * The transport every endpoint of this client goes through; the endpoint classes of this package
     * ({@code /runs}, {@code /samples}, ...) build their {@link ApiRequest}s and parse the answers.
     */
    ApiTransport transport() {
        return transport;
    }

    /**
     * The failing samples of a run through {@code GET /runs/{id}/samples}: two requests for up to 100 entries
     * (see {@link RunSamples}), through the same transport, gate and retries as the summary.
     */
    @Override
    public FailureSource failures() {
        return new RunSamples(transport);
    }

    /** The run endpoints: find a commit's run, poll a run's status, start and cancel runs. */
    public RunsEndpoint runs() {
        return new RunsEndpoint(transport);
    }

    @Override
    public RunSummary fetch(int runId) throws SummaryException, InterruptedException {
        RunIds.require(runId);
        ApiRequest request =
                ApiRequest.get("/runs/" + runId + "/summary", "run " + runId).aboutRun(runId);
        ApiResponse response = transport.send(request);
        return transport.parser().summary(response.body(), runId, response.contentType());
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
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        // The platform's window is 60 s and ends up to 1 s after its quoted reset: a whole window fits.
        private Duration maxWait = Duration.ofSeconds(90);
        private Duration totalBudget = Duration.ofMinutes(5);
        private int maxAttempts = 3;
        private long maxResponseBytes = 1024 * 1024;
        private RetryListener listener = RetryListener.NONE;
        private RequestGate gate;
        private Clock clock = Clock.systemUTC();
        private RetrySleeper sleeper = RetrySleeper.SYSTEM;

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

        /** Time for one request, headers and body (default {@link #DEFAULT_REQUEST_TIMEOUT}). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        /**
         * The longest single wait (default 90 s): for the token's next rate-limit window, or before a retry.
         * When the server's next window opens later, the call ends at once with
         * {@link ApiException.RateLimitExhausted} saying when it opens.
         */
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

        /** Test seam: the clock deadlines, waits and deferrals are read on (default: the system's, UTC). */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Test seam: how the blocking client sleeps a back-off (default: {@link Thread#sleep}). */
        Builder sleeper(RetrySleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * @throws IllegalArgumentException when the token cannot be sent in an HTTP header (a line break, a
         *         control or non-ASCII character; read tokens with {@link ApiTokens#read}); the message never
         *         holds the token
         */
        public SamplePlatformClient build() {
            if (!ApiTokens.isWellFormed(token)) {
                throw new IllegalArgumentException("The API token is empty or holds white space, a line break,"
                        + " a control or a non-ASCII character, which an HTTP header cannot carry; a token is one"
                        + " line of visible ASCII characters.");
            }
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
