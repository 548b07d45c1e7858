package io.jenkins.plugins.sampleplatform.api;

import static io.jenkins.plugins.sampleplatform.api.FakePlatform.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transport every endpoint shares: query encoding, POST bodies, what is retried and what is not. */
class ApiTransportTest {

    private final ClientTestSupport support = new ClientTestSupport();

    @Test
    void encodesTheQueryInOrder() throws Exception {
        try (FakePlatform platform = new FakePlatform().then(json(200, "{\"data\":[]}"))) {
            ApiTransport transport = support.client(platform.baseUrl()).build().transport();

            ApiResponse response = transport.send(ApiRequest.get("/runs", "the runs of a commit")
                    .withQuery("commit_sha", "abc def&x=1")
                    .withQuery("platform", null)
                    .withQuery("sort", "-run_id"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(platform.paths).containsExactly("/api/v1/runs");
            assertThat(platform.queries).containsExactly("commit_sha=abc%20def%26x%3D1&sort=-run_id");
            assertThat(platform.methods).containsExactly("GET");
        }
    }

    @Test
    void postsJsonAndReturnsTheAcceptedAnswer() throws Exception {
        try (FakePlatform platform = new FakePlatform().then(json(202, "{\"run_id\":9}"))) {
            ApiTransport transport = support.client(platform.baseUrl()).build().transport();

            ApiResponse response = transport.send(
                    ApiRequest.post("/runs", "{\"platform\":\"linux\"}".getBytes(StandardCharsets.UTF_8), "a new run"));

            assertThat(response.status()).isEqualTo(202);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"run_id\":9}");
            assertThat(platform.methods).containsExactly("POST");
            assertThat(platform.contentTypes).containsExactly("application/json");
            assertThat(platform.bodies).containsExactly("{\"platform\":\"linux\"}");
            assertThat(platform.authorizations).containsExactly("Bearer " + FakePlatform.TOKEN);
        }
    }

    @Test
    void neverRepeatsAPostAfterAServerError() throws Exception {
        try (FakePlatform platform = new FakePlatform().then(json(503, "{\"code\":\"unavailable\"}"))) {
            ApiTransport transport = support.client(platform.baseUrl()).build().transport();

            Throwable error =
                    catchThrowable(() -> transport.send(ApiRequest.post("/runs", new byte[] {'{', '}'}, "a new run")));

            assertThat(error).isInstanceOf(ApiException.ServerError.class).hasMessageContaining("a new run");
            assertThat(platform.requests()).isEqualTo(1);
            assertThat(support.retries).isEmpty();
        }
    }

    @Test
    void repeatsAPostRefusedByTheRateLimiter() throws Exception {
        try (FakePlatform platform = new FakePlatform()
                .then(
                        json(429, FakePlatform.rateLimitedBody(1), Map.of("Retry-After", "1")),
                        json(202, "{\"run_id\":9}"))) {
            ApiTransport transport = support.client(platform.baseUrl())
                    .requestGate(RequestGate.OPEN)
                    .build()
                    .transport();

            ApiResponse response = transport.send(ApiRequest.post("/runs", new byte[] {'{', '}'}, "a new run"));

            assertThat(response.status()).isEqualTo(202);
            assertThat(platform.requests()).isEqualTo(2);
            assertThat(support.retries)
                    .singleElement()
                    .satisfies(event -> assertThat(event.reason()).isEqualTo(RetryEvent.Reason.RATE_LIMITED));
        }
    }

    @Test
    void aMissingEndpointIsNotAMissingRun() throws Exception {
        try (FakePlatform platform =
                new FakePlatform().then(json(404, "{\"code\":\"not_found\",\"message\":\"Resource not found.\"}"))) {
            ApiTransport transport = support.client(platform.baseUrl()).build().transport();

            Throwable error = catchThrowable(() -> transport.send(ApiRequest.get("/nowhere", "the runs")));

            assertThat(error)
                    .isInstanceOf(ApiException.NotFound.class)
                    .isNotInstanceOf(RunNotFound.class)
                    .hasMessageContaining("/nowhere")
                    .hasMessageContaining("/api/v1");
            support.assertTokenNowhere(error);
        }
    }
}
