package io.jenkins.plugins.sampleplatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.results.ResultSource;
import io.jenkins.plugins.sampleplatform.results.RunResults;
import io.jenkins.plugins.sampleplatform.results.SampleResult;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every result of a run through the paged {@code GET /runs/{id}/samples}: ceil(n/100) requests, sorted, each once. */
class RunResultListingTest extends LoopbackClientTest {

    private ResultSource results(BaseUrl baseUrl, RequestGate gate) {
        return support.client(baseUrl).requestGate(gate).build().results();
    }

    @ParameterizedTest(name = "{0} results: {1} requests")
    @CsvSource({"0, 1", "1, 1", "100, 1", "101, 2", "250, 3", "1000, 10"})
    void ceilOfNOverAHundredRequestsEachThroughTheGate(int n, int requests) throws Exception {
        try (SamplesServer server = new SamplesServer(42)) {
            for (int id = n; id >= 1; id--) {
                server.add(id, id % 7 == 0 ? "fail" : "pass", 0, 0);
            }
            AtomicInteger admitted = new AtomicInteger();
            RequestGate counting = new RequestGate() {
                @Override
                public boolean acquire(Instant deadline) {
                    admitted.incrementAndGet();
                    return true;
                }

                @Override
                public void onResponse(int statusCode, HttpHeaders headers) {}
            };

            RunResults results = results(server.baseUrl(), counting).results(42, false);

            assertThat(results.samples()).hasSize(n);
            assertThat(results.samples())
                    .extracting(SampleResult::regressionTestId)
                    .isSorted();
            assertThat(server.queries).hasSize(requests).allMatch(q -> q.startsWith("limit=100"));
            assertThat(admitted).as("every page passes the rate-limit gate").hasValue(requests);
            assertThat(results.cost().count()).isEqualTo(requests);
            assertThat(results.cost().describe())
                    .isEqualTo(requests + " API requests (" + requests + (requests == 1 ? " page" : " pages")
                            + " of GET /runs/42/samples)");
        }
    }

    @Test
    void readsEveryFieldOfAnItem() throws Exception {
        try (SamplesServer server = new SamplesServer(42)) {
            server.add(9, "fail", 1, 0, "31:aaa.srt:pass", "32:bbb.srt:fail").put("runtime_ms", 77);
            server.add(3, "missing_output", null, 0).putNull("runtime_ms");
            server.add(5, "pass", 0, 0, "51:ccc.srt:fail");

            List<SampleResult> samples = results(server.baseUrl(), RequestGate.OPEN)
                    .results(42, false)
                    .samples();

            assertThat(samples)
                    .containsExactly(
                            new SampleResult(
                                    3,
                                    1003,
                                    "sample-3.ts",
                                    SampleStatus.MISSING_OUTPUT,
                                    null,
                                    0,
                                    null,
                                    List.of("Broken", "DVB"),
                                    List.of()),
                            new SampleResult(
                                    5,
                                    1005,
                                    "sample-5.ts",
                                    SampleStatus.PASS,
                                    0,
                                    0,
                                    1234,
                                    List.of("Broken", "DVB"),
                                    List.of(new FailedOutput(51, "ccc.srt"))),
                            new SampleResult(
                                    9,
                                    1009,
                                    "sample-9.ts",
                                    SampleStatus.FAIL,
                                    1,
                                    0,
                                    77,
                                    List.of("Broken", "DVB"),
                                    List.of(new FailedOutput(32, "bbb.srt"))));
        }
    }

    @Test
    void theSelectionAddsTheSamplesThatNeverRanForOneMoreRequest() throws Exception {
        try (SamplesServer server = new SamplesServer(42)) {
            server.add(2, "pass", 0, 0);
            server.add(1, "fail", 1, 0);
            server.select(4, 1, 2, 3, 4);

            RunResults results = results(server.baseUrl(), RequestGate.OPEN).results(42, true);

            assertThat(results.samples())
                    .extracting(SampleResult::regressionTestId)
                    .containsExactly(1, 2, 3, 4);
            assertThat(results.samples()).extracting(SampleResult::ran).containsExactly(true, true, false, false);
            assertThat(results.samples().get(2)).isEqualTo(SampleResult.notRun(3, null, null, List.of()));
            assertThat(server.queries).containsExactly("limit=100", "config");
            assertThat(results.cost().describe())
                    .isEqualTo("2 API requests (1 page of GET /runs/42/samples, 1 GET /runs/42/config)");
        }
    }

    @Test
    void aResultListedTwiceAcrossPagesCountsOnce() throws Exception {
        try (SamplesServer server = new SamplesServer(42)) {
            for (int id = 1; id <= 150; id++) {
                server.add(id, "pass", 0, 0);
            }
            server.add(150, "pass", 0, 0); // the platform's unordered paging can show a row on two pages

            RunResults results = results(server.baseUrl(), RequestGate.OPEN).results(42, false);

            assertThat(results.samples()).hasSize(150);
            assertThat(server.queries).containsExactly("limit=100", "limit=100&offset=100");
        }
    }

    @Test
    void anUnknownRunIsNotFoundAndAMalformedItemNamesItsField() throws Exception {
        try (SamplesServer server = new SamplesServer(42)) {
            server.add(1, "running", 0, 0);
            ResultSource source = results(server.baseUrl(), RequestGate.OPEN);

            assertThatThrownBy(() -> source.results(7, false))
                    .isInstanceOf(RunNotFound.class)
                    .hasMessageContaining("Run 7 not found");
            assertThatThrownBy(() -> source.results(42, false))
                    .isInstanceOf(ApiException.MalformedResponse.class)
                    .hasMessageContaining("the samples of run 42 are not valid: data[0].status must be one of");
        }
    }
}
