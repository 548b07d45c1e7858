package io.jenkins.plugins.sampleplatform.api;

import static io.jenkins.plugins.sampleplatform.api.FakePlatform.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bodies that are not a valid summary are malformed answers naming what is wrong, never zeros. */
class ResponseParsingTest extends LoopbackClientTest {

    private static final String VALID = FakePlatform.summaryJson(42);

    private Throwable fetchWith(String body) {
        platform.then(json(200, body));
        return catchThrowable(() -> support.client(platform.baseUrl()).build().fetch(42));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing field       | \"fail_count\":2,                  |                          | fail_count is missing",
                "null required       | \"fail_count\":2                   | \"fail_count\":null        | fail_count is null",
                "count as a string   | \"fail_count\":2                   | \"fail_count\":\"2\"       | fail_count must be a whole number, was the string \"2\"",
                "fraction            | \"pass_count\":7                   | \"pass_count\":7.5         | pass_count must be a whole number, was the number 7.5",
                "boolean             | \"total_samples\":10               | \"total_samples\":true     | total_samples must be a whole number, was the boolean true",
                "negative count      | \"fail_count\":2                   | \"fail_count\":-2          | fail_count must be at least 0",
                "negative optional   | \"missing_output_count\":1         | \"missing_output_count\":-1 | missing_output_count must be at least 0",
                "too large for int   | \"total_samples\":10               | \"total_samples\":99999999999 | total_samples must be a whole number",
                "unknown status      | \"status\":\"fail\"                | \"status\":\"exploded\"    | status must be one of",
                "status not a string | \"status\":\"fail\"                | \"status\":3               | status must be a string",
                "duration as text    | \"duration_ms\":5400               | \"duration_ms\":\"5 s\"    | duration_ms must be a whole number or null",
                "other run           | \"run_id\":42                      | \"run_id\":43              | run_id is 43, but run 42 was asked for"
            })
    void rejectsInvalidFieldsNamingThem(String name, String replace, String with, String message) {
        String body = VALID.replace(replace.strip(), with == null ? "" : with.strip());
        Throwable error = fetchWith(body);
        assertThat(error)
                .as(body)
                .isInstanceOf(ApiException.MalformedResponse.class)
                .hasMessageContaining(message.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not JSON      | Service temporarily unavailable   | the answer is not JSON",
                "truncated     | {\"run_id\":42,\"total_samp        | the answer is not JSON",
                "an array      | [1,2,3]                           | JSON but not an object",
                "a string      | \"ok\"                            | JSON but not an object",
                "HTML          | <html><body>Login</body></html>   | looks like an HTML page"
            })
    void rejectsBodiesThatAreNotASummary(String name, String body, String message) {
        assertThat(fetchWith(body.strip()))
                .isInstanceOf(ApiException.MalformedResponse.class)
                .hasMessageContaining(message.strip())
                .hasMessageContaining("/api/v1");
    }

    @Test
    void rejectsAnEmptyBody() {
        platform.then(FakePlatform.answer(200, "application/json", "", java.util.Map.of()));
        Throwable error =
                catchThrowable(() -> support.client(platform.baseUrl()).build().fetch(42));
        assertThat(error)
                .isInstanceOf(ApiException.MalformedResponse.class)
                .hasMessageContaining("the answer was empty");
    }

    @Test
    void stopsReadingAnOversizedBody() {
        String huge = "{\"run_id\":42,\"padding\":\"" + "x".repeat(300_000) + "\"}";
        platform.then(json(200, huge));
        Throwable error = catchThrowable(() -> support.client(platform.baseUrl())
                .maxResponseBytes(64 * 1024)
                .build()
                .fetch(42));
        assertThat(error)
                .isInstanceOf(ApiException.MalformedResponse.class)
                .hasMessageContaining("larger than 65536 bytes");
    }

    @Test
    void quotesOnlyAShortPartOfAForeignBody() {
        Throwable error = fetchWith("<html>" + "y".repeat(5000) + "</html>");
        assertThat(error.getMessage().length()).isLessThan(600);
    }

    /** Any valid summary, written as the server would, reads back as the same value. */
    @RepeatedTest(30)
    void validSummariesRoundTrip(org.junit.jupiter.api.RepetitionInfo repetition) throws Exception {
        long seed = 0x5eedL * repetition.getCurrentRepetition();
        Random random = new Random(seed);
        RunSummary expected = new RunSummary(
                1 + random.nextInt(Integer.MAX_VALUE),
                RunStatus.values()[random.nextInt(7)],
                random.nextInt(100_000),
                random.nextInt(100_000),
                random.nextInt(100_000),
                random.nextBoolean() ? null : random.nextInt(1000),
                random.nextBoolean() ? null : random.nextInt(1000),
                random.nextBoolean() ? null : random.nextInt(1000),
                random.nextBoolean() ? null : (long) random.nextInt(Integer.MAX_VALUE),
                random.nextBoolean() ? null : "user-" + random.nextInt(999) + " \"quoted\" ünïcode");
        String body = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(io.jenkins.plugins.sampleplatform.render.SummaryFields.toMap(
                        new io.jenkins.plugins.sampleplatform.render.SummaryReport(
                                expected,
                                new io.jenkins.plugins.sampleplatform.verdict.Verdict(
                                        io.jenkins.plugins.sampleplatform.verdict.BuildResult.SUCCESS,
                                        java.util.List.of()),
                                null)));
        RunSummary actual = new ResponseParser(SecretText.of(FakePlatform.TOKEN))
                .summary(body.getBytes(StandardCharsets.UTF_8), expected.runId(), "application/json");
        assertThat(actual).as("seed %d: %s", seed, body).isEqualTo(expected);
    }

    /** Any negative count in an otherwise valid summary is rejected, naming that field. */
    @RepeatedTest(20)
    void anyNegativeCountIsNamed(org.junit.jupiter.api.RepetitionInfo repetition) {
        long seed = 0xbadL * repetition.getCurrentRepetition();
        Random random = new Random(seed);
        String[] fields = {
            "total_samples",
            "pass_count",
            "fail_count",
            "skipped_count",
            "missing_output_count",
            "error_count",
            "duration_ms"
        };
        String field = fields[random.nextInt(fields.length)];
        String body =
                VALID.replaceFirst("\"" + field + "\":\\d+", "\"" + field + "\":-" + (1 + random.nextInt(1_000_000)));
        Throwable error = catchThrowable(() -> new ResponseParser(SecretText.of(FakePlatform.TOKEN))
                .summary(body.getBytes(StandardCharsets.UTF_8), 42, "application/json"));
        assertThat(error)
                .as("seed %d", seed)
                .isInstanceOf(ApiException.MalformedResponse.class)
                .hasMessageContaining(field);
    }
}
