package io.jenkins.plugins.sampleplatform.api;

import io.jenkins.plugins.sampleplatform.defer.Deferred;
import io.jenkins.plugins.sampleplatform.security.SecretScrubber;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends {@link ApiRequest}s to the platform with the bearer token, and retries where a retry can help.
 *
 * <ul>
 *   <li>429: waits as the server says ({@code Retry-After}, else {@code X-RateLimit-Reset}, else
 *       back-off), then tries again, for as long as the total budget allows; also for a {@code POST}, since
 *       the platform's limiter refuses before any handler runs;</li>
 *   <li>5xx and failed connections: a few attempts with exponential back-off and jitter, for idempotent
 *       requests only (a {@code POST} that may have reached the server is never repeated);</li>
 *   <li>every other status: no retry, a typed {@link SummaryException} saying what to do.</li>
 * </ul>
 * A wait that would end past the budget ends the call at once instead of sleeping in vain. Waits are
 * interruptible: an interrupted caller (an aborted build) gets an {@link InterruptedException} at once.
 * Redirects are never followed, so the token never reaches another origin. Every attempt passes the
 * {@link RequestGate}, so callers sharing a token take turns on its rate-limit window.
 *
 * <p>Retries are a plain loop rather than a Failsafe policy: the wait depends on each answer's headers,
 * the call must stop before a wait that would pass the budget (Failsafe trims that wait and makes a
 * doomed attempt), every attempt goes through the gate, and an interrupt must surface as the caller's own
 * {@link InterruptedException}, not a wrapped one.
 */
final class ApiTransport {

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
    private final RetrySleeper sleeper;
    /** Non-blocking mode's call state; null in blocking mode. */
    private final CallBudget budget;
    /** A caller's deadline that bounds every request and retry ({@link #within}), or {@code null}. */
    private final Instant outerDeadline;

    ApiTransport(
            BaseUrl baseUrl,
            SecretText token,
            HttpClient http,
            Duration requestTimeout,
            Duration totalBudget,
            int maxAttempts,
            long maxResponseBytes,
            RetryListener listener,
            RequestGate gate,
            RetryDelays delays,
            Clock clock,
            RetrySleeper sleeper) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.totalBudget = totalBudget;
        this.maxAttempts = maxAttempts;
        this.maxResponseBytes = maxResponseBytes;
        this.listener = listener;
        this.gate = gate;
        this.delays = delays;
        this.parser = new ResponseParser(token);
        this.clock = clock;
        this.sleeper = sleeper;
        this.budget = null;
        this.outerDeadline = null;
    }

    /** {@code base}'s settings, for the call of {@code budget} (null: blocking) and within {@code outerDeadline}. */
    private ApiTransport(ApiTransport base, CallBudget budget, Instant outerDeadline) {
        baseUrl = base.baseUrl;
        token = base.token;
        http = base.http;
        requestTimeout = base.requestTimeout;
        totalBudget = base.totalBudget;
        maxAttempts = base.maxAttempts;
        maxResponseBytes = base.maxResponseBytes;
        listener = base.listener;
        gate = base.gate;
        delays = base.delays;
        parser = base.parser;
        clock = base.clock;
        sleeper = base.sleeper;
        this.budget = budget;
        this.outerDeadline = outerDeadline;
    }

    /** This transport with every request, retries included, ending within {@code timeLeft} from now. */
    ApiTransport within(Duration timeLeft) {
        Instant deadline = clock.instant().plus(timeLeft);
        return new ApiTransport(this, budget, outerDeadline == null ? deadline : earliest(outerDeadline, deadline));
    }

    /** This transport in non-blocking mode for one call: every wait ends the call with a {@link Deferred}. */
    ApiTransport deferring(CallBudget budget) {
        return new ApiTransport(this, java.util.Objects.requireNonNull(budget, "budget"), outerDeadline);
    }

    /** A new call's state: its total budget starts now. */
    CallBudget newCall() {
        return new CallBudget(clock.instant().plus(totalBudget));
    }

    /** The gate every attempt passes. */
    RequestGate gate() {
        return gate;
    }

    /** The parser that knows the token, for reading the bodies this transport returns. */
    ResponseParser parser() {
        return parser;
    }

    /**
     * Sends the request until it gets a 2xx answer, retrying as the class comment says.
     *
     * @return the 2xx answer
     * @throws SummaryException     a typed {@link ApiException} (or {@link RunNotFound}) saying what went wrong
     * @throws InterruptedException when the caller is interrupted while sending or waiting
     */
    ApiResponse send(ApiRequest request) throws SummaryException, InterruptedException {
        try {
            return sendWithRetries(request);
        } catch (RuntimeException e) {
            // Defence in depth at core's edge: an unforeseen library message never carries the token out.
            SecretScrubber scrubber = SecretScrubber.of(token);
            if (!scrubber.stackTrace(e).equals(SecretScrubber.NONE.stackTrace(e))) {
                throw (RuntimeException) scrubber.scrub(e);
            }
            throw e;
        }
    }

    private ApiResponse sendWithRetries(ApiRequest request) throws SummaryException, InterruptedException {
        URI uri = baseUrl.endpoint(request.pathAndQuery());
        Instant deadline = budget != null ? budget.deadline() : clock.instant().plus(totalBudget);
        if (outerDeadline != null) {
            deadline = earliest(deadline, outerDeadline);
        }
        // Set after a 429 in non-blocking mode: the gate's deferral that follows is that refusal's wait.
        Deferred.Reason deferredFor = Deferred.Reason.WINDOW_SPENT;
        String deferredDetail = null;
        for (int attempt = budget != null ? budget.attemptFor(request) : 1; ; attempt++) {
            // Never held longer than the longest single wait allowed, nor past the budget.
            Instant admitBy = earliest(deadline, clock.instant().plus(delays.maxWait()));
            if (budget == null) {
                if (!gate.acquire(admitBy)) {
                    throw windowSpentPastLimit(request, null, gate.holdTime().orElse(null), deadline);
                }
            } else {
                // No thread is held while deferred: only the call's budget bounds its place in line, so that a
                // long line (hundreds of waiting builds on one token) is worked through rather than given up on.
                Admission admission = gate.tryAcquire(deadline, budget.ticket());
                if (admission.kind() == Admission.Kind.NEVER) {
                    budget.settled(request);
                    throw windowSpentPastLimit(request, null, gate.holdTime().orElse(null), deadline);
                }
                if (admission.kind() == Admission.Kind.DEFERRED) {
                    budget.deferred(request, attempt);
                    throw deferral(clock.instant(), admission.notBefore(), deferredFor, deferredDetail, attempt);
                }
            }
            HttpResponse<byte[]> response;
            try {
                response = exchange(request, uri, deadline);
            } catch (ApiException.TransportFailure e) {
                if (!request.idempotent() || !worthRetrying(e) || attempt >= maxAttempts) {
                    settle(request);
                    throw e;
                }
                waitBeforeRetry(
                        request,
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
            if (status >= 200 && status <= 299) {
                settle(request);
                return new ApiResponse(status, response.headers(), response.body(), contentType);
            }
            ApiError error = parser.error(status, response.body(), contentType);
            if (status == 429) {
                boolean gateHolds = gate.holdsAfterRateLimit();
                if (budget != null && gateHolds) {
                    // The gate defers the retry (and keeps this caller's place in its line) on the next turn;
                    // no thread waits, so only the call's budget bounds it.
                    deferredFor = Deferred.Reason.RATE_LIMITED;
                    deferredDetail = "HTTP 429";
                    continue;
                }
                // A gate that holds callers until the reset times the retry for every caller of the token
                // alike; the notice names its hold, the wait that really happens.
                java.util.Optional<Duration> held = gateHolds ? gate.holdTime() : java.util.Optional.empty();
                Duration wait = held.isPresent()
                        ? upToTenthOfSecond(held.get())
                        : delays.afterRateLimit(response.headers(), attempt, clock.instant());
                if (wait.compareTo(delays.maxWait()) > 0
                        || clock.instant().plus(wait).isAfter(deadline)) {
                    settle(request);
                    throw windowSpentPastLimit(request, error, wait, deadline);
                }
                waitBeforeRetry(
                        request,
                        attempt + 1,
                        wait,
                        !gateHolds,
                        RetryEvent.Reason.RATE_LIMITED,
                        "HTTP 429",
                        deadline,
                        windowSpentPastLimit(request, error, wait, deadline));
            } else if (status >= 500 && status <= 599 && request.idempotent() && attempt < maxAttempts) {
                waitBeforeRetry(
                        request,
                        attempt + 1,
                        delays.afterFailure(attempt),
                        true,
                        RetryEvent.Reason.SERVER_ERROR,
                        "HTTP " + status,
                        deadline,
                        ApiErrors.toException(request, error, response, baseUrl));
            } else {
                settle(request);
                throw ApiErrors.toException(request, error, response, baseUrl);
            }
        }
    }

    private void settle(ApiRequest request) {
        if (budget != null) {
            budget.settled(request);
        }
    }

    private static Deferred deferral(
            Instant now, Instant notBefore, Deferred.Reason reason, String detail, int nextAttempt) {
        Instant at = notBefore.isBefore(now) ? now : notBefore;
        return new Deferred(at, Duration.between(now, at), reason, detail, nextAttempt);
    }

    private HttpResponse<byte[]> exchange(ApiRequest request, URI uri, Instant deadline)
            throws ApiException, InterruptedException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofMillis(Math.max(
                            1,
                            Math.min(
                                    requestTimeout.toMillis(),
                                    Duration.between(clock.instant(), deadline).toMillis()))))
                    .header("Authorization", "Bearer " + token.reveal())
                    .header("Accept", "application/json")
                    .header("User-Agent", USER_AGENT);
        } catch (IllegalArgumentException e) {
            // The JDK quotes an invalid header value in full, token included: never let that message out.
            throw new IllegalArgumentException(
                    "The API token cannot be sent in an HTTP header (it holds a line break, a control or a"
                            + " non-ASCII character); read it with ApiTokens.read.",
                    null);
        }
        if (request.jsonBody() != null) {
            builder.header("Content-Type", "application/json")
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.jsonBody()));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(builder.build(), CappedBody.handler(maxResponseBytes));
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
        return cause instanceof IOException
                && !(cause instanceof HttpTimeoutException)
                && !TlsFailures.isTlsFailure(cause)
                && !ConnectionFailures.isUnresolvedHost(cause)
                && !ConnectionFailures.isNotHttp(cause);
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
        if (ConnectionFailures.isUnresolvedHost(cause)) {
            // Before ConnectException: the JDK wraps an unresolved name in one, which read "connection refused".
            return new ApiException.TransportFailure(
                    "Could not reach the Sample Platform: the host name "
                            + baseUrl.uri().getHost()
                            + " did not resolve (no such name in DNS, or no DNS server reachable). Check the host"
                            + " name in the URL, and the network's DNS or proxy settings.",
                    cause instanceof IOException ? cause : null);
        }
        if (ConnectionFailures.isNotHttp(cause)) {
            return new ApiException.TransportFailure(
                    "Could not reach the Sample Platform: the server at " + host + " does not speak HTTP (its"
                            + " answer began with "
                            + ConnectionFailures.printable(
                                    token.scrub(cause.getMessage().replaceFirst("^Invalid status line:?\\s*", "")))
                            + "). Check the port in the URL.",
                    cause);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            what = "connecting to " + host + " timed out";
        } else if (cause instanceof HttpTimeoutException) {
            what = host + " did not answer in time";
        } else if (cause instanceof ConnectException) {
            what = "could not connect to " + host + " (connection refused or unreachable)";
        } else if (TlsFailures.isTlsFailure(cause)) {
            what = TlsFailures.describe(cause, host, token);
        } else {
            what = "the connection to " + host + " failed ("
                    + ConnectionFailures.printable(token.scrub(String.valueOf(cause.getMessage()))) + ")";
        }
        return new ApiException.TransportFailure(
                "Could not reach the Sample Platform: " + what + ". Check the URL, the network and the proxy settings.",
                cause instanceof IOException ? cause : null);
    }

    /**
     * Tells the listener, then sleeps unless {@code sleep} is false (the gate does the waiting); or gives up at
     * once with {@code failure} when the wait would pass the deadline. In non-blocking mode nothing sleeps: the
     * call ends with a {@link Deferred} that carries the wait and the attempt that follows it.
     */
    private void waitBeforeRetry(
            ApiRequest request,
            int nextAttempt,
            Duration wait,
            boolean sleep,
            RetryEvent.Reason reason,
            String detail,
            Instant deadline,
            SummaryException failure)
            throws SummaryException, InterruptedException {
        if (clock.instant().plus(wait).isAfter(deadline)) {
            settle(request);
            throw failure;
        }
        if (budget != null) {
            budget.deferred(request, nextAttempt);
            Instant now = clock.instant();
            throw deferral(now, now.plus(wait), deferredReason(reason), detail, nextAttempt);
        }
        listener.onRetry(new RetryEvent(nextAttempt, wait, reason, detail));
        if (sleep) {
            sleeper.sleep(wait);
        }
    }

    private static Deferred.Reason deferredReason(RetryEvent.Reason reason) {
        return switch (reason) {
            case RATE_LIMITED -> Deferred.Reason.RATE_LIMITED;
            case SERVER_ERROR -> Deferred.Reason.SERVER_ERROR;
            case CONNECTION_FAILED -> Deferred.Reason.CONNECTION_FAILED;
        };
    }

    /**
     * The token's window is spent and opens again later than this call may wait: past the budget, or
     * longer than the longest single wait. States the facts; each front end adds advice in its own terms.
     */
    private ApiException.RateLimitExhausted windowSpentPastLimit(
            ApiRequest request, ApiError error, Duration nextWindowIn, Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        boolean pastBudget = nextWindowIn == null
                ? left.compareTo(delays.maxWait()) <= 0
                : clock.instant().plus(nextWindowIn).isAfter(deadline);
        ApiException.RateLimitExhausted.Limit limit = pastBudget
                ? ApiException.RateLimitExhausted.Limit.TOTAL_BUDGET
                : ApiException.RateLimitExhausted.Limit.MAX_WAIT;
        String budget = "the time budget of " + seconds(totalBudget)
                + (left.compareTo(totalBudget.minusSeconds(1)) < 0
                        ? " (" + roundedUp(left.isNegative() ? Duration.ZERO : left) + " of it left)"
                        : "");
        String maxWait = "the longest single wait allowed (" + seconds(delays.maxWait()) + ")";
        String when = nextWindowIn == null
                ? "the next window does not open within " + (pastBudget ? budget : maxWait)
                : "the next window opens in " + roundedUp(nextWindowIn) + ", "
                        + (pastBudget ? "beyond " + budget : "longer than " + maxWait);
        String how = error != null
                ? "HTTP 429 for " + request.subject()
                : "by earlier requests with the same token, from here or elsewhere";
        return new ApiException.RateLimitExhausted(
                "The token's rate limit at the Sample Platform is used up (" + how + "): " + when
                        + ". Gave up at once rather than wait in vain.",
                error,
                nextWindowIn,
                limit,
                pastBudget ? totalBudget : delays.maxWait());
    }

    /** The gate's hold, rounded up to 0.1 s for the notice: never shorter than the real wait. */
    private static Duration upToTenthOfSecond(Duration hold) {
        long tenths = (Math.max(0, hold.toMillis()) + 99) / 100;
        return Duration.ofMillis(tenths * 100);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Whole seconds, rounded up: "opens in 52 s" must not promise a window that opens later. */
    private static String roundedUp(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        return ((millis + 999) / 1000) + " s";
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
