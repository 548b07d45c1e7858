package io.jenkins.plugins.sampleplatform.api;

import static io.jenkins.plugins.sampleplatform.api.FakePlatform.html;
import static io.jenkins.plugins.sampleplatform.api.FakePlatform.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.InvalidRunIdException;
import io.jenkins.plugins.sampleplatform.summary.RunNotFoundException;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client against a real HTTP server on loopback: answers, errors, and what the caller sees. */
class SamplePlatformClientTest extends LoopbackClientTest {

    @Test
    void readsTheRealServersShapeAndSendsTheToken() throws Exception {
        platform.then(json(200, FakePlatform.summaryJson(42)));
        RunSummary summary = support.client(platform.baseUrl()).build().fetch(42);

        assertThat(summary).isEqualTo(new RunSummary(42, RunStatus.FAIL, 10, 7, 2, 0, 1, 3, 5400L, null));
        assertThat(platform.paths).containsExactly("/api/v1/runs/42/summary");
        assertThat(platform.authorizations).containsExactly("Bearer " + FakePlatform.TOKEN);
        assertThat(platform.accepts).containsExactly("application/json");
    }

    @Test
    void readsTheReferenceShapeAndToleratesUnknownFields() throws Exception {
        platform.then(json(
                200,
                "{\"run_id\":7,\"total_samples\":3,\"pass_count\":3,\"fail_count\":0,"
                        + "\"duration_ms\":null,\"triggered_by\":\"ci-bot\",\"new_field\":{\"x\":[1,2]}}"));
        RunSummary summary = support.client(platform.baseUrl()).build().fetch(7);
        assertThat(summary).isEqualTo(new RunSummary(7, null, 3, 3, 0, null, null, null, null, "ci-bot"));
    }

    @Test
    void rejectsBadRunIdsWithoutARequest() {
        SamplePlatformClient client = support.client(platform.baseUrl()).build();
        assertThat(catchThrowable(() -> client.fetch(0)))
                .isInstanceOf(InvalidRunIdException.class)
                .hasMessageContaining("out of range");
        assertThat(catchThrowable(() -> client.fetch(-5))).isInstanceOf(InvalidRunIdException.class);
        assertThat(platform.requests()).isZero();
    }

    @ParameterizedTest(name = "{0} with a JSON body")
    @CsvSource({
        "400, validation_error, ApiException$InvalidRequest, 1 to 2147483647",
        "401, unauthorized, ApiException$Unauthorized, Check the credential",
        "403, forbidden, ApiException$Forbidden, runs:read",
        "404, not_found, ApiException$NotFound, ending in /api/v1",
        "500, internal_error, ApiException$ServerError, Try again later",
        "502, bad_gateway, ApiException$ServerError, Try again later",
        "503, unavailable, ApiException$ServerError, Try again later"
    })
    void mapsJsonErrorsToTypedExceptions(int status, String code, String type, String advice) throws Exception {
        platform.then(json(
                status,
                "{\"code\":\"" + code + "\",\"message\":\"Server says " + code + ".\",\"details\":{\"id\":42}}"));
        Throwable error =
                catchThrowable(() -> support.client(platform.baseUrl()).build().fetch(42));

        assertThat(error.getClass().getName()).endsWith("." + type);
        assertThat(error)
                .hasMessageContaining("HTTP " + status + " " + code + ": Server says " + code + ".")
                .hasMessageContaining(advice);
        ApiError said = error instanceof ApiException api
                ? api.error().orElseThrow()
                : ((RunNotFound) error).error().orElseThrow();
        assertThat(said.code()).isEqualTo(code);
        assertThat(said.details()).containsEntry("id", 42);
        assertThat(platform.requests()).as("requests made").isEqualTo(status >= 500 ? 3 : 1);
        support.assertTokenNowhere(error);
    }

    @ParameterizedTest(name = "{0} with an HTML body")
    @CsvSource({
        "400, ApiException$InvalidRequest",
        "401, ApiException$Unauthorized",
        "403, ApiException$Forbidden",
        "500, ApiException$ServerError",
        "502, ApiException$ServerError",
        "503, ApiException$ServerError"
    })
    void mapsHtmlErrorsFromAProxyByStatus(int status, String type) throws Exception {
        platform.then(html(status, "<!DOCTYPE html><html><body><h1>" + status + " nginx</h1></body></html>"));
        Throwable error =
                catchThrowable(() -> support.client(platform.baseUrl()).build().fetch(42));

        assertThat(error.getClass().getName()).endsWith("." + type);
        assertThat(error)
                .hasMessageContaining("HTTP " + status)
                .hasMessageContaining("looks like an HTML page, probably from a proxy");
    }

    @ParameterizedTest(name = "404 at {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // the platform's own HTML 404 page: a path outside the API (the URL lacks /api/v1)
                "/|text/html|<!DOCTYPE html><html><head><title>404 - Not found</title></head></html>",
                "/api|text/html|<!DOCTYPE html><html><head><title>404 - Not found</title></head></html>",
                "/api/v2|text/html|<!DOCTYPE html><html><head><title>404 - Not found</title></head></html>",
                // the API's JSON 404 for an unknown route (the URL has too much)
                "/api/v1/runs|application/json|{\"code\":\"not_found\",\"details\":{},\"message\":\"Resource not found.\"}"
            })
    void aNotFoundThatIsNotAboutTheRunBlamesTheUrlNotTheRun(String path, String type, String body) {
        platform.then(FakePlatform.answer(404, type, body, Map.of()));
        BaseUrl url = BaseUrl.parse(platform.baseUrl().site() + (path.equals("/") ? "" : path));
        Throwable error = catchThrowable(() -> support.client(url).build().fetch(42));

        assertThat(error)
                .isInstanceOf(ApiException.NotFound.class)
                .isNotInstanceOf(RunNotFoundException.class)
                .hasMessageContaining("has no API endpoint /runs/42/summary")
                .hasMessageContaining("end in /api/v1")
                .hasMessageNotContaining("Run 42 not found")
                .hasMessageNotContaining("proxy");
        support.assertTokenNowhere(error);
    }

    @Test
    void theApisOwnNotFoundForTheRunIsRunNotFound() {
        platform.then(json(404, "{\"code\":\"not_found\",\"details\":{},\"message\":\"Run 42 not found.\"}"));
        Throwable error =
                catchThrowable(() -> support.client(platform.baseUrl()).build().fetch(42));
        assertThat(error)
                .isInstanceOf(RunNotFoundException.class)
                .hasMessageContaining("Run 42 not found")
                .hasMessageNotContaining("no API endpoint");
    }

    @Test
    void notFoundIsTheSharedRunNotFound() {
        platform.then(
                json(
                        404,
                        "{\"code\":\"not_found\",\"message\":\"Run 9317 not found.\",\"details\":{\"resource\":\"run\",\"id\":9317}}"));
        Throwable error =
                catchThrowable(() -> support.client(platform.baseUrl()).build().fetch(9317));
        assertThat(error).isInstanceOf(RunNotFoundException.class).hasMessageContaining("Run 9317 not found");
        assertThat(((RunNotFoundException) error).runId()).isEqualTo(9317);
    }

    @Test
    void forbiddenNamesTheMissingScopes() {
        platform.then(json(
                403,
                "{\"code\":\"forbidden\",\"message\":\"Missing scope.\","
                        + "\"details\":{\"required_scopes\":[\"runs:read\"],\"missing_scopes\":[\"runs:read\"]}}"));
        Throwable error =
                catchThrowable(() -> support.client(platform.baseUrl()).build().fetch(1));
        assertThat(error).isInstanceOf(ApiException.Forbidden.class).hasMessageContaining("needs the scope runs:read");
        assertThat(((ApiException.Forbidden) error).missingScopes()).containsExactly("runs:read");
    }

    @Test
    void aServerThatEchoesTheTokenHasItScrubbed() {
        platform.then(json(
                401,
                "{\"code\":\"unauthorized\",\"message\":\"Token " + FakePlatform.TOKEN + " is revoked.\","
                        + "\"details\":{\"token\":\"" + FakePlatform.TOKEN + "\"}}"));
        Throwable error =
                catchThrowable(() -> support.client(platform.baseUrl()).build().fetch(1));
        assertThat(error).isInstanceOf(ApiException.Unauthorized.class).hasMessageContaining("Token **** is revoked");
        assertThat(((ApiException) error).error().orElseThrow().details().toString())
                .doesNotContain(FakePlatform.TOKEN);
        support.assertTokenNowhere(error);
    }

    @Test
    void neverShowsTheToken() {
        SamplePlatformClient client = support.client(platform.baseUrl()).build();
        assertThat(client.toString()).doesNotContain(FakePlatform.TOKEN);
        assertThat(client.describe()).isEqualTo("API " + platform.baseUrl());
    }

    @Test
    void warnsAboutPlainHttpOffLoopback() {
        SamplePlatformClient remote = SamplePlatformClient.builder(
                        BaseUrl.parse("http://platform.example.org/api/v1"), SecretText.of(FakePlatform.TOKEN))
                .build();
        assertThat(remote.warning()).hasValueSatisfying(w -> assertThat(w).contains("unencrypted"));
        assertThat(support.client(platform.baseUrl()).build().warning()).isEmpty();
    }

    @Test
    void doesNotFollowRedirectsSoTheTokenStaysHome() throws Exception {
        try (FakePlatform elsewhere = new FakePlatform()) {
            elsewhere.then(json(200, FakePlatform.summaryJson(42)));
            String target = elsewhere.baseUrl() + "/runs/42/summary";
            platform.then(FakePlatform.answer(302, "text/plain", "", Map.of("Location", target)));
            Throwable error = catchThrowable(
                    () -> support.client(platform.baseUrl()).build().fetch(42));

            assertThat(error)
                    .isInstanceOf(ApiException.Redirected.class)
                    .hasMessageContaining("redirects (HTTP 302) to http://127.0.0.1:"
                            + elsewhere.baseUrl().uri().getPort());
            assertThat(elsewhere.requests())
                    .as("requests reaching the other server")
                    .isZero();
        }
    }
}
