package io.jenkins.plugins.sampleplatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.DiffExcerpt;
import io.jenkins.plugins.sampleplatform.compare.ProducedOutput;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.ResultStatus;
import io.jenkins.plugins.sampleplatform.compare.RunComparer;
import io.jenkins.plugins.sampleplatform.compare.RunState;
import io.jenkins.plugins.sampleplatform.compare.Signature;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * API mode of the comparison against the endpoints on loopback ({@link ComparisonServer}): the states each API
 * answer gives, the verdicts, the requests it takes, the references it picks and the diff excerpts. The real
 * platform's own answer for the same rules is checked in {@code contract/ComparisonContractIT}.
 */
class ApiComparisonTest {

    private static final List<String> GENERAL = List.of("General");

    private final ComparisonServer server;

    ApiComparisonTest() throws Exception {
        server = new ComparisonServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SamplePlatformClient client() {
        return SamplePlatformClient.builder(server.baseUrl(), SecretText.of("spci_test"))
                .requestGate(RequestGate.OPEN)
                .build();
    }

    /** Run 2 judged against run 1, every verdict once (test ids 1..7), no never-ran test. */
    private void everyVerdict() {
        server.run(1)
                .selects(1, 2, 3, 4, 5, 6, 8)
                .result(2, "fail", 0, GENERAL, "21:fail")
                .result(4, "fail", 0, GENERAL, "41:fail")
                .result(5, "fail", 0, GENERAL, "51:fail")
                .result(6, "fail", 2, GENERAL, "61:fail")
                .result(1, "pass", 0, GENERAL, "11:pass")
                .result(3, "pass", 0, GENERAL, "31:pass")
                .result(8, "pass", 0, GENERAL)
                .produced(2, 21, "old")
                .produced(4, 41, "same")
                .produced(5, 51, "before")
                .produced(6, 61, "g");
        server.run(2)
                .pullRequest()
                .selects(1, 2, 3, 4, 5, 6, 7, 9)
                .result(1, "pass", 0, GENERAL, "11:pass")
                .result(2, "pass", 0, GENERAL, "21:pass")
                .result(3, "fail", 1, List.of("General", "DVB"), "31:pass")
                .result(4, "fail", 0, GENERAL, "41:fail")
                .result(5, "fail", 0, GENERAL, "51:fail")
                .result(6, "fail", 1, GENERAL, "61:fail")
                .result(7, "pass", 0, GENERAL)
                .result(9, "fail", 3, List.of(), "91:pass") // no category: the platform leaves it out
                .produced(4, 41, "same")
                .produced(5, 51, "after")
                .produced(6, 61, "g");
    }

    @Test
    void everyVerdictFromFiveRequestsPerRunWhenEveryTestRan() throws Exception {
        everyVerdict();
        ApiStateSource states = client().states(true);

        RunState here = states.state(2);
        RunState there = states.state(1);
        Comparison comparison = Comparison.of(new Reference.Run(1), here, there);

        assertThat(ids(comparison))
                .containsEntry(TestVerdict.BROKEN_HERE, List.of(3))
                .containsEntry(TestVerdict.FIXED_HERE, List.of(2))
                .containsEntry(TestVerdict.FAILING_DIFFERENTLY, List.of(5))
                .containsEntry(TestVerdict.FAILING_IDENTICALLY, List.of(4, 6)) // exit 1 and 2, same file
                .containsEntry(TestVerdict.UNCHANGED_PASS, List.of(1))
                .containsEntry(TestVerdict.NO_REFERENCE, List.of(7));
        assertThat(here.tests()).doesNotContainKey(9);
        assertThat(here.state(5).signature()).isEqualTo(Signature.of(List.of(new ProducedOutput(51, "after"))));
        assertThat(here.state(3).categories()).containsExactly("General", "DVB");
        assertThat(here.state(3).status()).isEqualTo(ResultStatus.FAIL);
        assertThat(here.run().commitSha()).isEqualTo(String.format("%040x", 2));
        assertThat(here.run().platform()).isEqualTo("linux");
        // summary, config, missing_output, fail, artifacts: per run, whatever its size
        assertThat(server.requests).hasSize(10);
        assertThat(server.requests)
                .noneMatch(r -> r.startsWith("/api/v1/runs/2/samples?limit") || r.contains("regression-tests"));
    }

    @Test
    void neverRanTestsTakeTheFullListingAndTheirDefinitions() throws Exception {
        server.definition(4, GENERAL, "41:false:")
                .definition(5, GENERAL, "51:true:")
                .definition(6, List.of(), "61:false:");
        server.run(1)
                .selects(1, 2, 3, 4, 5, 6)
                .result(1, "pass", 0, List.of(), "11:pass") // passing, no category: absent too
                .result(2, "pass", 0, GENERAL, "21:pass")
                .result(3, "missing_output", 0, GENERAL);
        RunState state = client().states(true).state(1);

        assertThat(state.tests().keySet()).containsExactly(2, 3, 4, 5);
        assertThat(state.state(3))
                .extracting(TestState::passed, TestState::signature)
                .containsExactly(false, Signature.dummy());
        // never ran: fails with the dummy when it has an output that is not ignored
        assertThat(state.state(4))
                .extracting(TestState::passed, TestState::signature, TestState::status)
                .containsExactly(false, Signature.dummy(), ResultStatus.NOT_RUN);
        assertThat(state.state(5))
                .extracting(TestState::passed, TestState::signature)
                .containsExactly(true, Signature.empty());
        assertThat(server.requests).contains("/api/v1/runs/1/samples?limit=100");
        assertThat(server.count("/regression-tests/4")
                        + server.count("/regression-tests/5")
                        + server.count("/regression-tests/6"))
                .isEqualTo(3);
        assertThat(server.requests).noneMatch(r -> r.contains("status=fail"));
    }

    @Test
    void aReferenceRunReadsTheDefinitionsOfTheJudgedRunsTestsOnly() throws Exception {
        server.definition(1, GENERAL, "11:false:");
        server.run(1).selects(1, 2, 3, 4); // canceled before anything ran
        server.run(1).status("canceled");
        RunState reference = client().states(true).state(1, Set.of(1));

        assertThat(reference.tests().keySet()).containsExactly(1);
        assertThat(server.requests)
                .filteredOn(r -> r.contains("regression-tests"))
                .hasSize(1);
    }

    @Test
    void aMissingOutputBesideMatchingOnesIsNoFailureForTheComparison() throws Exception {
        server.definition(2, GENERAL, "21:false:v21", "22:false:").definition(3, GENERAL, "31:false:v31", "32:false:");
        server.run(1)
                .selects(1, 2, 3, 4)
                .result(1, "missing_output", 0, GENERAL, "11:pass") // the other output was never written
                .result(2, "missing_output", 0, GENERAL, "21:fail") // an accepted variant, one output missing
                .result(3, "missing_output", 0, GENERAL, "31:fail") // no variant: fails
                .result(4, "missing_output", 1, GENERAL, "41:pass") // wrong exit code: fails
                .produced(2, 21, "v21")
                .produced(3, 31, "other");
        RunState state = client().states(true).state(1);

        assertThat(state.tests().values().stream()
                        .collect(Collectors.toMap(TestState::regressionTestId, TestState::passed)))
                .isEqualTo(Map.of(1, true, 2, true, 3, false, 4, false));
        assertThat(state.state(2).signature()).isEqualTo(Signature.of(List.of(new ProducedOutput(21, "v21"))));
        assertThat(state.state(4).signature()).isEqualTo(Signature.empty());
    }

    @Test
    void withoutResultsReadIdenticalAndDifferentBecomeOneLineAndTheArtifactsAreAskedOnce() throws Exception {
        everyVerdict();
        server.withoutResultsRead();
        ApiStateSource states = client().states(true);

        Comparison comparison = Comparison.of(new Reference.Run(1), states.state(2), states.state(1));

        assertThat(comparison.signaturesKnown()).isFalse();
        assertThat(ids(comparison))
                .containsEntry(TestVerdict.BROKEN_HERE, List.of(3))
                .containsEntry(TestVerdict.FIXED_HERE, List.of(2))
                .containsEntry(TestVerdict.FAILING_IN_BOTH, List.of(4, 5, 6))
                .containsEntry(TestVerdict.UNCHANGED_PASS, List.of(1))
                .containsEntry(TestVerdict.NO_REFERENCE, List.of(7))
                .doesNotContainKeys(TestVerdict.FAILING_IDENTICALLY, TestVerdict.FAILING_DIFFERENTLY);
        assertThat(states.hashesReadable()).isFalse();
        assertThat(server.count("/artifacts")).isEqualTo(1);
    }

    @Test
    void withoutResultsReadAnUndecidableTestStopsTheComparisonWithTheReason() {
        server.withoutResultsRead().definition(2, GENERAL, "21:false:v21", "22:false:");
        server.run(1).selects(2).result(2, "missing_output", 0, GENERAL, "21:fail");

        assertThatThrownBy(() -> client().states(true).state(1))
                .isInstanceOf(ApiStateSource.ComparisonUnavailable.class)
                .hasMessageContaining("regression test 2")
                .hasMessageContaining("accepted variants")
                .hasMessageContaining("results:read");
    }

    @Test
    void hashesNotAskedForAreNeverRead() throws Exception {
        everyVerdict();
        RunState state = client().states(false).state(2);

        assertThat(server.count("/artifacts")).isZero();
        assertThat(state.state(5).signature().known()).isFalse();
        assertThat(state.state(3).signature()).isEqualTo(Signature.empty()); // no produced output: known
    }

    @Test
    void aMalformedArtifactIdIsAMalformedAnswer() {
        server.run(1).selects(1).result(1, "fail", 0, GENERAL, "11:fail").produced(1, 11, "x");
        server.run(1).artifacts.get(0).put("artifact_id", "expected_1");

        assertThatThrownBy(() -> client().states(true).state(1))
                .isInstanceOf(ApiException.MalformedResponse.class)
                .hasMessageContaining("artifact_id");
    }

    @Test
    void masterIsTheLatestCompletedCommitRunOnMasterOfThePlatformThenTheHighestId() throws Exception {
        server.run(10).completedAt("2026-01-01T12:00:00Z");
        server.run(11).completedAt("2026-01-01T12:00:00Z"); // same time, higher id: this one
        server.run(12).completedAt("2026-01-01T11:00:00Z"); // newer id, completed earlier
        server.run(13).status("canceled").completedAt("2026-01-01T13:00:00Z");
        server.run(14).status("running");
        server.run(15).platform("windows").completedAt("2026-01-01T14:00:00Z");
        server.run(16).pullRequest().completedAt("2026-01-01T14:00:00Z");
        server.run(17).completedAt("2026-01-01T15:00:00Z"); // the judged run itself
        ApiReferenceResolver resolver = client().references();
        RunInfo judged = new RunInfo(17, RunStatus.FAIL, "linux", "commit", null, null);

        assertThat(resolver.resolve(new Reference.Master(), judged))
                .map(RunInfo::runId)
                .contains(11);
        assertThat(resolver.resolve(
                        new Reference.Master(), new RunInfo(17, RunStatus.FAIL, "windows", null, null, null)))
                .map(RunInfo::runId)
                .contains(15);
        assertThat(server.requests).contains("/api/v1/runs?branch=master&platform=linux&sort=-run_id&limit=100");
    }

    @Test
    void aCommitIsItsNewestCompletedRunOnThePlatformAndARunIsThatRun() throws Exception {
        String sha = "0123456789abcdef0123456789abcdef01234567";
        server.run(20).commit(sha).completedAt("2026-01-01T12:00:00Z");
        server.run(21).commit(sha).pullRequest().completedAt("2026-01-01T12:30:00Z");
        server.run(22).commit(sha).status("canceled");
        server.run(23).commit(sha).platform("windows");
        ApiReferenceResolver resolver = client().references();
        RunInfo judged = new RunInfo(99, RunStatus.FAIL, "linux", null, null, null);

        assertThat(resolver.resolve(new Reference.Commit(sha), judged))
                .map(RunInfo::runId)
                .contains(21);
        assertThat(resolver.resolve(new Reference.Commit("f".repeat(40)), judged))
                .isEmpty();
        assertThat(resolver.resolve(new Reference.Run(22), judged))
                .map(RunInfo::runId)
                .contains(22);
        assertThat(resolver.resolve(new Reference.Run(404), judged)).isEmpty();
        assertThatThrownBy(() -> resolver.resolve(new Reference.PreviousBuild(), judged))
                .isInstanceOf(SummaryException.class)
                .hasMessageContaining("previousBuild")
                .hasMessageContaining("Jenkins");
    }

    @Test
    void diffExcerptsShowTwentyLinesOfTheFirstFiveBrokenOrChangedOutputs() throws Exception {
        server.run(1).selects(IntStream.rangeClosed(1, 7).toArray());
        server.run(2).pullRequest().selects(IntStream.rangeClosed(1, 7).toArray());
        for (int t = 1; t <= 7; t++) {
            server.run(1).result(t, "pass", 0, GENERAL, t + "1:pass");
            server.run(2).result(t, "fail", 0, GENERAL, t + "1:fail").produced(t, t * 10 + 1, "new" + t);
        }
        String longDiff =
                IntStream.rangeClosed(1, 30).mapToObj(i -> "+line " + i).collect(Collectors.joining("\n"));
        server.diff(2, 1, 11, longDiff)
                .diff(2, 2, 21, "--- a\n+++ b\n-x\n+y\u001b[31m\n")
                .diff(2, 4, 41, "")
                .diff(2, 5, 51, "-z\n+w");
        SamplePlatformClient client = client();
        ComparisonReport report =
                new RunComparer(client.states(true), client.references()).compare(2, List.of(new Reference.Run(1)));

        ComparisonReport withDiffs = client.diffExcerpts().addTo(report);

        assertThat(withDiffs.excerpts())
                .extracting(DiffExcerpt::regressionTestId)
                .containsExactly(1, 2, 4, 5); // test 3's diff is not on the platform; 6 and 7 are past the fifth
        DiffExcerpt first = withDiffs.excerpt(1, 11).orElseThrow();
        assertThat(first.lines())
                .hasSize(DiffExcerpt.MAX_LINES)
                .startsWith("+line 1")
                .endsWith("+line 20");
        assertThat(first.truncated()).isTrue();
        assertThat(withDiffs.excerpt(2, 21).orElseThrow().lines()).containsExactly("--- a", "+++ b", "-x", "+y?[31m");
        assertThat(withDiffs.excerpt(2, 21).orElseThrow().truncated()).isFalse();
        assertThat(withDiffs.diffNote()).contains("1 output").contains("not on the platform's disk");
        assertThat(server.count("/diff")).isEqualTo(DiffExcerpt.MAX_EXCERPTS);
    }

    @Test
    void diffExcerptsWithoutResultsReadSaySo() throws Exception {
        server.run(1).selects(1).result(1, "pass", 0, GENERAL, "11:pass");
        server.run(2).selects(1).result(1, "fail", 0, GENERAL, "11:fail").produced(1, 11, "x");
        SamplePlatformClient client = client();
        ComparisonReport report =
                new RunComparer(client.states(true), client.references()).compare(2, List.of(new Reference.Run(1)));
        server.withoutResultsRead();

        ComparisonReport withDiffs = client.diffExcerpts().addTo(report);

        assertThat(withDiffs.excerpts()).isEmpty();
        assertThat(withDiffs.diffNote()).contains("results:read");
        assertThat(server.count("/diff")).isEqualTo(1);
    }

    private static Map<TestVerdict, List<Integer>> ids(Comparison comparison) {
        Map<TestVerdict, List<Integer>> ids = new TreeMap<>();
        for (TestVerdict verdict : comparison.verdicts()) {
            ids.put(
                    verdict,
                    comparison.tests(verdict).stream()
                            .map(TestState::regressionTestId)
                            .toList());
        }
        return ids;
    }
}
