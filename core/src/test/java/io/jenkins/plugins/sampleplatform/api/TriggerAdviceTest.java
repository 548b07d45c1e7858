package io.jenkins.plugins.sampleplatform.api;

import static io.jenkins.plugins.sampleplatform.api.FakePlatform.json;
import static io.jenkins.plugins.sampleplatform.api.RunsEndpointTest.SHA;
import static io.jenkins.plugins.sampleplatform.api.RunsEndpointTest.page;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.runs.TriggerRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The advice of a refused start fits the platform's reason (its real 422 and 403 bodies). */
class TriggerAdviceTest {

    private final ClientTestSupport support = new ClientTestSupport();

    private RunsEndpoint runs(FakePlatform platform) {
        return support.client(platform.baseUrl()).build().runs();
    }

    /** Starting a run (of {@code tests}, or all) that the platform refuses with a 422 of {@code body}. */
    private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> refusedWith422(
            FakePlatform platform, String body, List<Integer> tests) {
        platform.then(json(200, page(0, null, 0)), json(422, body));
        return assertThatThrownBy(() -> runs(platform)
                        .trigger(TriggerRequest.of(SHA, "linux", "CCExtractor/ccextractor", null, null, tests)))
                .isInstanceOf(TriggerRefused.class);
    }

    @Test
    void anInactiveTestIsNamedAsSuchAndNotBlamedOnTheBuildWorkflow() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            refusedWith422(
                            platform,
                            "{\"code\":\"unprocessable\",\"message\":\"Some regression test IDs are inactive or do"
                                    + " not exist.\",\"details\":{\"inactive_ids\":[99]}}",
                            List.of(99))
                    .hasMessageContaining("A chosen regression test is inactive or does not exist")
                    .hasMessageContaining("Choose active regression tests")
                    .hasMessageNotContaining("build workflow");
        }
    }

    @Test
    void aMissingArtifactAdvisesWaitingForTheBuildWorkflow() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            refusedWith422(
                            platform,
                            "{\"code\":\"unprocessable\",\"message\":\"No CI build artifact found for commit 01234567"
                                    + " on linux.\",\"details\":{\"commit_sha\":\"" + SHA
                                    + "\",\"platform\":\"linux\"}}",
                            null)
                    .hasMessageContaining("no CI build artifact for this commit yet")
                    .hasMessageContaining("Wait for the build workflow")
                    .hasMessageNotContaining("inactive");
        }
    }

    @Test
    void aTokenThatMayNotReadRunsIsToldTheLookUpNeedsRunsRead() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(json(
                    403,
                    "{\"code\":\"forbidden\",\"message\":\"Missing required scope.\",\"details\":{\"required_scopes\":"
                            + "[\"runs:read\"]}}"));
            assertThatThrownBy(() -> runs(platform)
                            .trigger(TriggerRequest.of(SHA, "linux", "CCExtractor/ccextractor", null, null, null)))
                    .isInstanceOf(TriggerRefused.class)
                    .hasMessageStartingWith("Could not start a run of commit 01234567")
                    .hasMessageContaining("needs the scope runs:read as well as runs:write")
                    .hasMessageNotContaining("may not read run summaries");
            org.assertj.core.api.Assertions.assertThat(platform.methods).containsExactly("GET");
        }
    }
}
