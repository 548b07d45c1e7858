package io.jenkins.plugins.sampleplatform.api;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait before a retry. After a 429: until the window opens, the later of {@code Retry-After}
 * (seconds or an HTTP-date) and {@code X-RateLimit-Reset} + 1 s, else exponential back-off with jitter.
 * After a 5xx or a failed connection: exponential back-off with jitter. Back-off waits are clamped to
 * [{@link #MIN_WAIT}, maxWait]; the server's word is at least {@link #MIN_WAIT} and is ignored when absurd
 * (years ahead, garbage).
 */
final class RetryDelays {

    /** The shortest wait: a server that says "retry after 0 s" is not hammered. */
    static final Duration MIN_WAIT = Duration.ofSeconds(1);

    /** The platform quotes its window's end truncated to the second: the window ends up to this much later. */
    static final Duration RESET_TRUNCATION = Duration.ofSeconds(1);

    /** A server's wait further away than this is garbage (as the rate-limit gate reads it too). */
    static final Duration MAX_PLAUSIBLE = Duration.ofMinutes(15);

    private static final Duration BACKOFF_BASE = Duration.ofSeconds(1);

    private final Duration maxWait;
    private final RandomGenerator random;

    RetryDelays(Duration maxWait, RandomGenerator random) {
        this.maxWait = maxWait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : maxWait;
        this.random = random;
    }

    /**
     * The wait after a 429, read from its headers; {@code attempt} is the attempt that was refused (1-based).
     * What the server asks for is not cut to maxWait (waking before the window opens would only be refused
     * again; the caller decides whether the wait is acceptable); a back-off of our own is.
     */
    Duration afterRateLimit(HttpHeaders headers, int attempt, Instant now) {
        return serverWait(headers, now).map(RetryDelays::atLeastMin).orElseGet(() -> clamp(backoff(attempt)));
    }

    /**
     * Until the window opens again, as the 429 says: not before {@code X-RateLimit-Reset} + 1 s (the
     * platform truncates its window's end to the second, so the window ends up to a second after the
     * quoted reset) nor before {@code Retry-After}. Empty when the answer says nothing plausible (no hint,
     * garbage, more than {@link #MAX_PLAUSIBLE} away).
     */
    Optional<Duration> serverWait(HttpHeaders headers, Instant now) {
        Instant serverNow = serverDate(headers).orElse(now);
        Optional<Duration> retryAfter = retryAfter(headers, serverNow).filter(RetryDelays::plausible);
        Optional<Duration> reset = untilReset(headers, serverNow)
                .map(wait -> wait.plus(RESET_TRUNCATION))
                .filter(RetryDelays::plausible);
        if (retryAfter.isPresent() && reset.isPresent()) {
            return Optional.of(retryAfter.get().compareTo(reset.get()) >= 0 ? retryAfter.get() : reset.get());
        }
        return retryAfter.or(() -> reset);
    }

    /** The longest single wait this client accepts before giving up at once. */
    Duration maxWait() {
        return maxWait;
    }

    private static boolean plausible(Duration wait) {
        return wait.compareTo(MAX_PLAUSIBLE) <= 0;
    }

    private static Duration atLeastMin(Duration wait) {
        return wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
    }

    /** The wait after a 5xx or a connection failure. */
    Duration afterFailure(int attempt) {
        return clamp(backoff(attempt));
    }

    private Duration backoff(int attempt) {
        // Exponential with "equal jitter": half fixed, half random, so callers spread without waiting 0.
        long ceiling = BACKOFF_BASE.toMillis() << Math.min(attempt - 1, 16);
        long millis = ceiling / 2 + (long) (random.nextDouble() * (ceiling / 2.0));
        return Duration.ofMillis(millis);
    }

    private Duration clamp(Duration wait) {
        if (wait.compareTo(MIN_WAIT) < 0) {
            return MIN_WAIT;
        }
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    private static Optional<Duration> retryAfter(HttpHeaders headers, Instant serverNow) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        if (text.matches("-?\\d{1,18}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        return httpDate(text).map(date -> Duration.between(serverNow, date));
    }

    private static Optional<Duration> untilReset(HttpHeaders headers, Instant serverNow) {
        return headers.firstValue("X-RateLimit-Reset")
                .map(String::strip)
                .filter(text -> text.matches("\\d{1,12}"))
                .map(text -> Duration.between(serverNow, Instant.ofEpochSecond(Long.parseLong(text))));
    }

    private static Optional<Instant> serverDate(HttpHeaders headers) {
        return headers.firstValue("Date").flatMap(RetryDelays::httpDate);
    }

    private static Optional<Instant> httpDate(String text) {
        try {
            return Optional.of(ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
