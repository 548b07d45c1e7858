package io.jenkins.plugins.sampleplatform.api.ratelimit;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What an answer says about the rate-limit window. Every value is optional: a header that is missing,
 * malformed or out of any plausible range is treated as absent, never as zero.
 *
 * @param limit          {@code X-RateLimit-Limit}: requests allowed per window (at least 1)
 * @param remaining      {@code X-RateLimit-Remaining}: requests left in the current window
 * @param resetEpochSecond {@code X-RateLimit-Reset}: end of the current window, Unix seconds, server time
 * @param retryAfter     {@code Retry-After}: seconds, or an HTTP-date taken relative to the answer's {@code Date}
 * @param dateEpochMilli {@code Date}: when the server stamped the answer
 */
record RateLimitHeaders(
        OptionalInt limit,
        OptionalInt remaining,
        OptionalLong resetEpochSecond,
        Optional<Duration> retryAfter,
        OptionalLong dateEpochMilli) {

    /** Below this a reset is read as seconds from now (some servers send a delta), above it as Unix time. */
    private static final long DELTA_RESET_BELOW = 1_000_000_000L;
    /** The end of year 9999: anything later is garbage. */
    private static final long LATEST_EPOCH_SECOND = 253_402_300_799L;

    /** Reads the headers of one answer; {@code localNowMillis} stands in for a missing {@code Date}. */
    static RateLimitHeaders parse(HttpHeaders headers, long localNowMillis) {
        if (headers == null) {
            return new RateLimitHeaders(
                    OptionalInt.empty(),
                    OptionalInt.empty(),
                    OptionalLong.empty(),
                    Optional.empty(),
                    OptionalLong.empty());
        }
        OptionalLong date = httpDate(headers.firstValue("Date").orElse(null));
        long serverNowMillis = date.orElse(localNowMillis);
        OptionalLong limit = number(headers, "X-RateLimit-Limit");
        OptionalLong remaining = number(headers, "X-RateLimit-Remaining");
        return new RateLimitHeaders(
                limit.isPresent() && limit.getAsLong() >= 1
                        ? OptionalInt.of(saturatedInt(limit.getAsLong()))
                        : OptionalInt.empty(),
                remaining.isPresent() ? OptionalInt.of(saturatedInt(remaining.getAsLong())) : OptionalInt.empty(),
                reset(number(headers, "X-RateLimit-Reset"), serverNowMillis),
                retryAfter(headers.firstValue("Retry-After").orElse(null), serverNowMillis),
                date);
    }

    /** Whether the answer carries any of the {@code X-RateLimit-*} headers. */
    boolean describesWindow() {
        return limit.isPresent() || remaining.isPresent() || resetEpochSecond.isPresent();
    }

    private static OptionalLong reset(OptionalLong value, long serverNowMillis) {
        if (value.isEmpty()) {
            return value;
        }
        long seconds = value.getAsLong();
        if (seconds < DELTA_RESET_BELOW) {
            return OptionalLong.of(Math.floorDiv(serverNowMillis, 1000) + seconds);
        }
        return seconds > LATEST_EPOCH_SECOND ? OptionalLong.of(LATEST_EPOCH_SECOND) : OptionalLong.of(seconds);
    }

    private static Optional<Duration> retryAfter(String text, long serverNowMillis) {
        if (text == null) {
            return Optional.empty();
        }
        OptionalLong seconds = nonNegative(text);
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofSeconds(Math.min(seconds.getAsLong(), LATEST_EPOCH_SECOND)));
        }
        OptionalLong at = httpDate(text);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.max(0, at.getAsLong() - serverNowMillis)));
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        return headers.firstValue(name).map(RateLimitHeaders::nonNegative).orElse(OptionalLong.empty());
    }

    /** A plain non-negative decimal integer (saturated at {@link Long#MAX_VALUE}); anything else is absent. */
    private static OptionalLong nonNegative(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.length() > 40 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return trimmed.length() > 18 ? OptionalLong.of(Long.MAX_VALUE) : OptionalLong.of(Long.parseLong(trimmed));
    }

    private static OptionalLong httpDate(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant()
                    .toEpochMilli());
        } catch (DateTimeParseException | ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    private static int saturatedInt(long value) {
        return (int) Math.min(value, Integer.MAX_VALUE);
    }
}
