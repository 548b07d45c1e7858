package io.jenkins.plugins.sampleplatform.api;

import static io.jenkins.plugins.sampleplatform.api.FakePlatform.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.runs.RunQuery;
import io.jenkins.plugins.sampleplatform.runs.TriggerRequest;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run endpoints against a loopback platform: what is sent, what is read, and every refusal. */
class RunsEndpointTest {

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private final ClientTestSupport support = new ClientTestSupport();

    static String runJson(int id, String status, String testType) {
        return "{\"run_id\":" + id + ",\"status\":\"" + status + "\",\"platform\":\"linux\",\"test_type\":\""
                + testType + "\",\"repository\":\"CCExtractor/ccextractor\",\"branch\":\"master\",\"commit_sha\":\""
                + SHA + "\",\"pr_number\":null,\"created_at\":null,\"queued_at\":null,\"started_at\":null,"
                + "\"completed_at\":null,\"github_link\":null}";
    }

    static String page(int offset, Integer nextOffset, int total, String... runs) {
        return "{\"data\":[" + String.join(",", runs) + "],\"pagination\":{\"limit\":100,\"offset\":" + offset
                + ",\"total\":" + total + ",\"next_offset\":" + nextOffset + "},\"meta\":{}}";
    }

    /** Closes the connection without answering: the request may or may not have been handled. */
    static FakePlatform.Answer drop() {
        return exchange -> {};
    }

    private RunsEndpoint runs(FakePlatform platform) {
        return support.client(platform.baseUrl()).build().runs();
    }

    @Test
    void findsTheNewestRunOfACommitWithTheDocumentedQuery() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(json(200, page(0, 1, 3, runJson(44, "running", "commit"))));
            RunInfo run = runs(platform)
                    .newest(RunQuery.of(SHA.toUpperCase(), "linux", "CCExtractor/ccextractor", null))
                    .orElseThrow();
            assertThat(run.runId()).isEqualTo(44);
            assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(platform.paths).containsExactly("/api/v1/runs");
            assertThat(platform.queries)
                    .containsExactly("commit_sha=" + SHA
                            + "&platform=linux&repository=CCExtractor%2Fccextractor&sort=-run_id&limit=1&offset=0");
        }
    }

    @Test
    void noRunIsEmpty() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(json(200, page(0, null, 0)));
            assertThat(runs(platform).newest(RunQuery.of(SHA, null, null, null)))
                    .isEmpty();
        }
    }

    @Test
    void theTestTypeIsMatchedHerePageByPage() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(
                    json(200, page(0, 100, 101, runJson(50, "queued", "commit"))),
                    json(200, page(100, null, 101, runJson(48, "pass", "pr"))));
            RunInfo run =
                    runs(platform).newest(RunQuery.of(SHA, null, null, "pr")).orElseThrow();
            assertThat(run.runId()).isEqualTo(48);
            assertThat(platform.queries.get(0)).contains("limit=100&offset=0");
            assertThat(platform.queries.get(1)).contains("limit=100&offset=100");
        }
    }

    @Test
    void pollsTheLightEndpointAndReadsEveryStatus() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(json(200, runJson(42, "error", "commit")));
            RunInfo run = runs(platform).run(42);
            assertThat(run.status()).isEqualTo(RunStatus.ERROR);
            assertThat(run.status().isFinished()).isTrue();
            assertThat(platform.paths).containsExactly("/api/v1/runs/42");
        }
    }

    @Test
    void aMissingRunIsRunNotFoundAndABadAnswerIsMalformed() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(
                    json(404, "{\"code\":\"not_found\",\"message\":\"Run 9 not found.\",\"details\":{}}"),
                    json(200, "{\"run_id\":9,\"status\":\"sleeping\"}"),
                    json(200, runJson(10, "pass", "commit")));
            RunsEndpoint runs = runs(platform);
            assertThatThrownBy(() -> runs.run(9)).isInstanceOf(RunNotFound.class);
            assertThatThrownBy(() -> runs.run(9))
                    .isInstanceOf(ApiException.MalformedResponse.class)
                    .hasMessageContaining("status must be one of");
            assertThatThrownBy(() -> runs.run(9))
                    .isInstanceOf(ApiException.MalformedResponse.class)
                    .hasMessageContaining("run_id is 10, but run 9 was asked for");
        }
    }

    @Test
    void triggerPostsTheDocumentedBodyOnce() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(json(200, page(0, null, 0)), json(202, runJson(77, "queued", "pr")));
            RunInfo run = runs(platform)
                    .trigger(TriggerRequest.of(SHA, "linux", "someone/ccextractor", "fix/x", 12, List.of(3, 4)));
            assertThat(run.runId()).isEqualTo(77);
            assertThat(platform.methods).containsExactly("GET", "POST");
            // The API has no test type filter: a PR run is looked for among a page of the newest.
            assertThat(platform.queries.get(0)).contains("limit=100").doesNotContain("test_type");
            assertThat(platform.contentTypes.get(1)).isEqualTo("application/json");
            assertThat(platform.bodies.get(1))
                    .isEqualTo("{\"commit_sha\":\"" + SHA + "\",\"platform\":\"linux\",\"repository\":"
                            + "\"someone/ccextractor\",\"branch\":\"fix/x\",\"pull_request\":12,"
                            + "\"regression_test_ids\":[3,4]}");
        }
    }

    @Test
    void refusalsAreOneClearLineEach() throws Exception {
        TriggerRequest request = TriggerRequest.of(SHA, "linux", "CCExtractor/ccextractor", null, null, null);
        Map<Integer, String> expected = Map.of(
                422, "cannot start this run",
                403, "needs a token with the scope runs:write",
                400, "refused the request's fields");
        for (var entry : expected.entrySet()) {
            try (FakePlatform platform = new FakePlatform()) {
                platform.then(
                        json(200, page(0, null, 0)),
                        json(
                                entry.getKey(),
                                "{\"code\":\"x\",\"message\":\"refused " + entry.getKey() + "\",\"details\":{}}"));
                assertThatThrownBy(() -> runs(platform).trigger(request))
                        .isInstanceOf(TriggerRefused.class)
                        .hasMessageStartingWith("Could not start a run of commit 01234567 on linux of "
                                + "CCExtractor/ccextractor (commit runs): ")
                        .hasMessageContaining(entry.getValue())
                        .hasMessageContaining("refused " + entry.getKey())
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
                assertThat(platform.methods).containsExactly("GET", "POST");
            }
        }
    }

    @Test
    void aLostAnswerIsNeverRepeatedAndTheRunItCreatedIsFound() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(
                    json(200, page(0, null, 1, runJson(60, "pass", "commit"))),
                    drop(),
                    json(200, page(0, null, 2, runJson(61, "queued", "commit"))));
            RunInfo run = runs(platform)
                    .trigger(TriggerRequest.of(SHA, "linux", "CCExtractor/ccextractor", null, null, null));
            assertThat(run.runId()).isEqualTo(61);
            assertThat(platform.methods).containsExactly("GET", "POST", "GET");
        }
    }

    @Test
    void aLostAnswerWithoutANewRunFailsWithoutRepeating() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(
                    json(200, page(0, null, 1, runJson(60, "pass", "commit"))),
                    json(503, "{\"code\":\"internal_error\",\"message\":\"Failed to create run.\",\"details\":{}}"),
                    json(200, page(0, null, 1, runJson(60, "pass", "commit"))));
            assertThatThrownBy(() -> runs(platform)
                            .trigger(TriggerRequest.of(SHA, "linux", "CCExtractor/ccextractor", null, null, null)))
                    .isInstanceOf(TriggerRefused.class)
                    .hasMessageContaining("the request was not repeated");
            assertThat(platform.methods).containsExactly("GET", "POST", "GET");
        }
    }

    @Test
    void cancelSendsTheReasonAndAForbiddenCancelSaysWhichRole() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(
                    json(200, "{\"run_id\":5,\"action\":\"cancel\",\"status\":\"canceled\"}"),
                    json(403, "{\"code\":\"forbidden\",\"message\":\"Your role does not have permission.\"}"));
            RunsEndpoint runs = runs(platform);
            assertThat(runs.cancel(5, "Jenkins build aborted")).isEqualTo("canceled");
            assertThat(platform.paths.get(0)).isEqualTo("/api/v1/runs/5/cancel");
            assertThat(platform.bodies.get(0)).isEqualTo("{\"reason\":\"Jenkins build aborted\"}");
            assertThatThrownBy(() -> runs.cancel(5, null))
                    .isInstanceOf(TriggerRefused.class)
                    .hasMessageContaining("admin, contributor or tester");
            assertThat(platform.authorizations).allMatch(a -> a.equals("Bearer " + FakePlatform.TOKEN));
        }
    }
}
