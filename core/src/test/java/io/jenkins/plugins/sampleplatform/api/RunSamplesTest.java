package io.jenkins.plugins.sampleplatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.FailureSource;
import io.jenkins.plugins.sampleplatform.failures.SampleFailure;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.summary.InvalidRunIdException;
import org.junit.jupiter.api.Test;

class RunSamplesTest extends LoopbackClientTest {

    private FailureSource failures(BaseUrl baseUrl) {
        return support.client(baseUrl).requestGate(RequestGate.OPEN).build().failures();
    }

    @Test
    void listsMissingOutputFirstThenFailuresEachByRegressionTestIdInTwoRequests() throws Exception {
        try (SamplesServer server = new SamplesServer(42)) {
            server.add(9, "fail", 0, 0, "31:aaa.srt:pass", "32:bbb.srt:fail");
            server.add(2, "pass", 0, 0, "11:ccc.srt:fail");
            server.add(7, "missing_output", 1, 0);
            server.add(4, "fail", 3, 0);
            server.add(3, "missing_output", null, 0, "21:ddd.srt:pass");
            server.add(5, "pass", 0, 0);

            FailureList list = failures(server.baseUrl()).failures(42, 10);

            assertThat(list.entries())
                    .extracting(SampleFailure::regressionTestId, SampleFailure::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(3, SampleStatus.MISSING_OUTPUT),
                            org.assertj.core.groups.Tuple.tuple(7, SampleStatus.MISSING_OUTPUT),
                            org.assertj.core.groups.Tuple.tuple(4, SampleStatus.FAIL),
                            org.assertj.core.groups.Tuple.tuple(9, SampleStatus.FAIL));
            assertThat(list.missingOutputTotal()).isEqualTo(2);
            assertThat(list.failTotal()).isEqualTo(2);
            SampleFailure nine = list.entries().get(3);
            assertThat(nine.outputs())
                    .as("only outputs that differ from the baseline")
                    .containsExactly(new FailedOutput(32, "bbb.srt"));
            assertThat(nine.sampleId()).isEqualTo(1009);
            assertThat(nine.sampleName()).isEqualTo("sample-9.ts");
            assertThat(nine.categories()).containsExactly("Broken", "DVB");
            SampleFailure three = list.entries().get(0);
            assertThat(three.exitCode()).isNull();
            assertThat(three.expectedRc()).isZero();
            assertThat(three.outputs()).isEmpty();
            assertThat(server.queries).containsExactly("status=missing_output&limit=100", "status=fail&limit=100");
        }
    }

    @Test
    void aLargeRunStillCostsTwoRequestsAndCountsEveryFailure() throws Exception {
        try (SamplesServer server = new SamplesServer(42)) {
            for (int id = 1000; id >= 1; id--) {
                server.add(id, id % 10 == 0 ? "fail" : id % 97 == 0 ? "missing_output" : "pass", 1, 0);
            }

            FailureList list = failures(server.baseUrl()).failures(42, 100);

            // 97, 194, ..., 873 are missing output (970 is a multiple of 10: fail).
            assertThat(list.missingOutputTotal()).isEqualTo(9);
            assertThat(list.failTotal()).isEqualTo(100);
            assertThat(list.total()).isEqualTo(109);
            assertThat(list.entries()).hasSize(100);
            assertThat(list.unlisted()).isEqualTo(9);
            assertThat(list.entries().subList(0, 9)).allMatch(e -> e.status() == SampleStatus.MISSING_OUTPUT);
            assertThat(list.entries())
                    .extracting(SampleFailure::regressionTestId)
                    .startsWith(97, 194, 291)
                    .contains(10, 20);
            assertThat(server.queries).hasSize(2);
        }
    }

    @Test
    void moreThanAHundredReadsEveryPageAndKeepsTheLowestIds() throws Exception {
        try (SamplesServer server = new SamplesServer(42)) {
            // Served highest id first, as a platform without ORDER BY may: the client must sort all pages.
            for (int id = 250; id >= 1; id--) {
                server.add(id, "fail", 1, 0);
            }
            server.add(400, "missing_output", 1, 0);

            FailureList list = failures(server.baseUrl()).failures(42, 120);

            assertThat(list.entries()).hasSize(120);
            assertThat(list.entries().get(0).regressionTestId()).isEqualTo(400);
            assertThat(list.entries().subList(1, 120))
                    .extracting(SampleFailure::regressionTestId)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 119)
                            .boxed()
                            .toList());
            assertThat(server.queries)
                    .containsExactly(
                            "status=missing_output&limit=100",
                            "status=fail&limit=100",
                            "status=fail&limit=100&offset=100",
                            "status=fail&limit=100&offset=200");
        }
    }

    @Test
    void limitZeroGivesOnlyTheTotalsWithOneItemPages() throws Exception {
        try (SamplesServer server = new SamplesServer(42)) {
            server.add(1, "fail", 1, 0);
            server.add(2, "missing_output", 1, 0);

            FailureList list = failures(server.baseUrl()).failures(42, 0);

            assertThat(list.entries()).isEmpty();
            assertThat(list.total()).isEqualTo(2);
            assertThat(server.queries).containsExactly("status=missing_output&limit=1", "status=fail&limit=1");
        }
    }

    @Test
    void anUnknownRunIsRunNotFoundAndABadRunIdIsRefusedBeforeAnyRequest() throws Exception {
        try (SamplesServer server = new SamplesServer(42)) {
            FailureSource source = failures(server.baseUrl());

            assertThatThrownBy(() -> source.failures(43, 10))
                    .isInstanceOf(RunNotFound.class)
                    .hasMessageContaining("43");
            assertThatThrownBy(() -> source.failures(0, 10)).isInstanceOf(InvalidRunIdException.class);
            assertThatThrownBy(() -> source.failures(42, -1)).isInstanceOf(IllegalArgumentException.class);
            assertThat(server.queries).hasSize(1);
        }
    }

    @Test
    void malformedListingsAreNamedNeverGuessed() {
        String wrongStatus = page("{\"regression_test_id\":5,\"status\":\"pass\"}", 1, null);
        String noId = page("{\"status\":\"missing_output\"}", 1, null);
        String badOutput = page(
                "{\"regression_test_id\":5,\"status\":\"missing_output\",\"outputs\":[{\"output_id\":1,\"status\":\"fail\"}]}",
                1,
                null);
        String moreThanTotal = page("{\"regression_test_id\":5,\"status\":\"missing_output\"}", 0, null);

        assertMalformed(wrongStatus, "status is 'pass' in a listing filtered on status=missing_output");
        assertMalformed(noId, "data[0].regression_test_id is missing");
        assertMalformed(badOutput, "outputs[].filename is missing");
        assertMalformed("{\"data\":{},\"pagination\":{\"total\":0}}", "data must be an array, was an object");
        assertMalformed("{\"data\":[]}", "pagination must be an object, was missing");
        assertMalformed("{\"data\":[],\"pagination\":{\"total\":\"3\"}}", "pagination.total must be a whole number");
        assertMalformed("{\"data\":[],\"pagination\":{\"total\":-1}}", "pagination.total must be at least 0");
        assertMalformed(moreThanTotal, "has 1 items but a total of 0");
        assertMalformed("[1,2]", "not an object");
    }

    @Test
    void aServerWhosePagingNeverEndsIsReadAtMostOncePerHundredOfItsTotal() throws Exception {
        platform.then(
                FakePlatform.json(200, page("", 0, null)),
                FakePlatform.json(200, page("{\"regression_test_id\":1,\"status\":\"fail\"}", 150, 100)));

        FailureList list = failures(platform.baseUrl()).failures(42, 1000);

        assertThat(list.entries()).hasSize(1);
        assertThat(list.failTotal()).isEqualTo(150);
        assertThat(platform.queries).as("queries").hasSize(3);
    }

    @Test
    void theTokenIsScrubbedFromSampleText() throws Exception {
        platform.then(
                FakePlatform.json(
                        200,
                        page(
                                "{\"regression_test_id\":1,\"status\":\"missing_output\",\"sample_name\":\"x"
                                        + FakePlatform.TOKEN + "\",\"categories\":[\"" + FakePlatform.TOKEN + "\"]}",
                                1,
                                null)),
                FakePlatform.json(200, page("", 0, null)));

        SampleFailure entry =
                failures(platform.baseUrl()).failures(42, 10).entries().get(0);

        assertThat(entry.sampleName()).doesNotContain(FakePlatform.TOKEN);
        assertThat(entry.categories()).noneMatch(c -> c.contains(FakePlatform.TOKEN));
    }

    private void assertMalformed(String body, String expected) {
        platform.then(FakePlatform.json(200, body));
        assertThatThrownBy(() -> failures(platform.baseUrl()).failures(42, 10))
                .isInstanceOf(ApiException.MalformedResponse.class)
                .hasMessageContaining(expected)
                .satisfies(support::assertTokenNowhere);
    }

    private static String page(String items, int total, Integer nextOffset) {
        return "{\"data\":[" + items + "],\"pagination\":{\"limit\":100,\"offset\":0,\"total\":" + total
                + ",\"next_offset\":" + nextOffset + "},\"meta\":{}}";
    }
}
