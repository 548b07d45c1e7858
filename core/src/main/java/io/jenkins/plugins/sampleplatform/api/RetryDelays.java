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
 * How long to wait before a retry. After a 429: the server's {@code Retry-After} (seconds or an
 * HTTP-date), else the end of the window ({@code X-RateLimit-Reset}), else exponential back-off with
 * jitter. After a 5xx or a failed connection: exponential back-off with jitter. Every wait is clamped
 * to [{@link #MIN_WAIT}, maxWait], so absurd values (0, negative, years ahead, garbage) stay sane.
 */
final class RetryDelays {

    /** The shortest wait: a server that says "retry after 0 s" is not hammered. */
    static final Duration MIN_WAIT = Duration.ofSeconds(1);

    private static final Duration BACKOFF_BASE = Duration.ofSeconds(1);

    private final Duration maxWait;
    private final RandomGenerator random;

    RetryDelays(Duration maxWait, RandomGenerator random) {
        this.maxWait = maxWait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : maxWait;
        this.random = random;
    }

    /** The wait after a 429, read from its headers; {@code attempt} is the attempt that was refused (1-based). */
    Duration afterRateLimit(HttpHeaders headers, int attempt, Instant now) {
        Instant serverNow = serverDate(headers).orElse(now);
        Optional<Duration> told = retryAfter(headers, serverNow).or(() -> untilReset(headers, serverNow));
        return clamp(told.orElseGet(() -> backoff(attempt)));
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
