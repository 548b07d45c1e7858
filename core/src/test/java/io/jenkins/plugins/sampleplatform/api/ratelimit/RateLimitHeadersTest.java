package io.jenkins.plugins.sampleplatform.api.ratelimit;

import static io.jenkins.plugins.sampleplatform.api.ratelimit.GateTestSupport.headers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitHeadersTest {

    private static final Instant DATE = Instant.parse("2026-01-15T10:00:00Z");

    @Test
    void readsThePlatformsRefusal() {
        RateLimitHeaders parsed = RateLimitHeaders.parse(
                headers(
                        DATE,
                        "Retry-After",
                        "42",
                        "X-RateLimit-Limit",
                        "120",
                        "X-RateLimit-Remaining",
                        "0",
                        "X-RateLimit-Reset",
                        "1768471242"),
                0);
        assertThat(parsed.limit()).hasValue(120);
        assertThat(parsed.remaining()).hasValue(0);
        assertThat(parsed.resetEpochSecond()).hasValue(1768471242L);
        assertThat(parsed.retryAfter()).hasValue(Duration.ofSeconds(42));
        assertThat(parsed.dateEpochMilli()).hasValue(DATE.toEpochMilli());
        assertThat(parsed.describesWindow()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "-5", "1.5", "0x10", "1e3", "\uFF11\uFF12", "12 apples"})
    void garbageIsAbsentNeverZero(String value) {
        RateLimitHeaders parsed = RateLimitHeaders.parse(
                headers(
                        DATE,
                        "X-RateLimit-Limit",
                        value,
                        "X-RateLimit-Remaining",
                        value,
                        "X-RateLimit-Reset",
                        value,
                        "Retry-After",
                        value),
                0);
        assertThat(parsed.limit()).isEmpty();
        assertThat(parsed.remaining()).isEmpty();
        assertThat(parsed.resetEpochSecond()).isEmpty();
        assertThat(parsed.retryAfter()).isEmpty();
        assertThat(parsed.describesWindow()).isFalse();
    }

    @Test
    void aLimitOfZeroIsAbsentAndHugeNumbersSaturate() {
        assertThat(RateLimitHeaders.parse(headers(DATE, "X-RateLimit-Limit", "0"), 0)
                        .limit())
                .isEmpty();
        RateLimitHeaders huge = RateLimitHeaders.parse(
                headers(
                        DATE,
                        "X-RateLimit-Limit",
                        "99999999999999999999999",
                        "X-RateLimit-Remaining",
                        "4294967296",
                        "X-RateLimit-Reset",
                        "99999999999999999999",
                        "Retry-After",
                        "99999999999999999999"),
                0);
        assertThat(huge.limit()).hasValue(Integer.MAX_VALUE);
        assertThat(huge.remaining()).hasValue(Integer.MAX_VALUE);
        assertThat(huge.resetEpochSecond()).hasValue(253_402_300_799L);
        assertThat(huge.retryAfter())
                .hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofDays(365)));
    }

    @Test
    void retryAfterAsAnHttpDateIsReadAgainstTheAnswersDate() {
        String at =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(DATE.plusSeconds(30).atOffset(ZoneOffset.UTC));
        RateLimitHeaders parsed =
                RateLimitHeaders.parse(headers(DATE, "Retry-After", at), DATE.toEpochMilli() + 3_600_000);
        assertThat(parsed.retryAfter()).hasValue(Duration.ofSeconds(30));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                DATE.minusSeconds(30).atOffset(ZoneOffset.UTC));
        assertThat(RateLimitHeaders.parse(headers(DATE, "Retry-After", past), 0).retryAfter())
                .hasValue(Duration.ZERO);
    }

    @Test
    void aSmallResetIsSecondsFromTheAnswersDate() {
        RateLimitHeaders parsed = RateLimitHeaders.parse(headers(DATE, "X-RateLimit-Reset", "42"), 0);
        assertThat(parsed.resetEpochSecond()).hasValue(DATE.getEpochSecond() + 42);
    }

    @Test
    void noHeadersAtAll() {
        RateLimitHeaders parsed = RateLimitHeaders.parse(null, 0);
        assertThat(parsed.describesWindow()).isFalse();
        assertThat(parsed.retryAfter()).isEmpty();
        assertThat(parsed.dateEpochMilli()).isEmpty();
    }
}
