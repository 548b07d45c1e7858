package io.jenkins.plugins.sampleplatform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.ProducedOutput;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.ResultStatus;
import io.jenkins.plugins.sampleplatform.compare.RunComparer;
import io.jenkins.plugins.sampleplatform.compare.RunState;
import io.jenkins.plugins.sampleplatform.compare.Signature;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import io.jenkins.plugins.sampleplatform.summary.RunNotFoundException;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DB mode's comparison states and references, rule by rule, on SQLite and MariaDB: the platform's
 * {@code get_test_results} and {@code build_state} (sample-platform-comparison.md), its choice of the tip of
 * master, and the verdicts of two runs. The contract suite checks the same against the platform's own code.
 */
class DatabaseComparisonTest {

    private static final String SHA_A = "a".repeat(40);
    private static final String SHA_B = "b".repeat(40);

    @TempDir
    Path directory;

    private interface Check {
        void check(DatabaseComparisonSource source) throws Exception;
    }

    private void on(TestDatabase.Engine engine, Consumer<PlatformRows> data, Check check) throws Exception {
        PlatformRows rows = new PlatformRows();
        data.accept(rows);
        try (TestDatabase database = TestDatabase.create(engine, directory)) {
            rows.writeTo(database.connection);
            check.check(new DatabaseComparisonSource(database.settings));
        }
    }

    /** A categorized regression test with one expected output {@code id*10} (not ignored) and variant "v{id}". */
    private static void test(PlatformRows rows, int id) {
        rows.sampleOf(id, true, id).media(id, "sample" + id + ".ts").inCategory(id, 1);
        rows.outputWithExtension(id * 10, id, ".srt", "v" + id);
    }

    private static ProducedOutput out(int output, String got) {
        return new ProducedOutput(output, got);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void statesFollowThePlatformsRulesIncludingTheOddOnes(TestDatabase.Engine engine) throws Exception {
        on(
                engine,
                rows -> {
                    rows.runOn(1, "master", "commit", "linux", SHA_A, "preparation", "completed");
                    rows.category(1, "b-general").category(2, "a-dvb");
                    for (int id = 1; id <= 9; id++) {
                        test(rows, id);
                    }
                    rows.inCategory(2, 2); // test 2 is in two categories
                    rows.sampleOf(20, true, 20); // no category at all: absent everywhere
                    rows.outputWithExtension(200, 20, ".srt");
                    rows.result(1, 20, 100, 1, 0);
                    // 10: only an ignored output, never ran: passes. 11: an output with ignore NULL, never ran:
                    // passes too (the platform asks `ignore IS false`).
                    rows.sampleOf(10, true, 10).inCategory(10, 1).output(100, 10, true);
                    rows.sampleOf(11, true, 11).inCategory(11, 1).output(110, 11, null);

                    rows.result(1, 1).file(1, 1, 10, null); // passes
                    rows.result(1, 2).file(1, 2, 20, "wrong"); // wrong hash
                    rows.result(1, 3, 100, 2, 0).file(1, 3, 30, "h3"); // exit 2 and a hash
                    rows.result(1, 4).file(1, 4, 40, "v4"); // accepted variant: passes, hash in signature
                    rows.result(1, 5); // no file: missing output, dummy
                    // 6: never ran (no result row): fails with the dummy
                    rows.file(1, 7, 70, "v7"); // a file but no result row: judged by its files
                    rows.result(1, 8, 100, 1, 0); // exit 1, no file: dummy
                    rows.outputWithExtension(91, 9, ".txt");
                    rows.result(1, 9).file(1, 9, 90, null); // output 91 lacks a file: not failed here
                },
                source -> {
                    RunState state = source.state(1);
                    assertThat(state.run().status()).isEqualTo(RunStatus.FAIL);
                    assertThat(state.run().commitSha()).isEqualTo(SHA_A);
                    assertThat(state.run().platform()).isEqualTo("linux");
                    Map<Integer, TestState> t = state.tests();
                    assertThat(t.keySet()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
                    assertThat(t.get(1))
                            .isEqualTo(new TestState(
                                    1,
                                    1,
                                    "sample1.ts",
                                    List.of("b-general"),
                                    true,
                                    Signature.empty(),
                                    ResultStatus.PASS));
                    assertThat(t.get(2).categories()).containsExactly("a-dvb", "b-general");
                    assertThat(t.get(2).passed()).isFalse();
                    assertThat(t.get(2).signature()).isEqualTo(Signature.of(List.of(out(20, "wrong"))));
                    assertThat(t.get(3).signature()).isEqualTo(Signature.of(List.of(out(30, "h3"))));
                    assertThat(t.get(3).status()).isEqualTo(ResultStatus.FAIL);
                    assertThat(t.get(4).passed()).isTrue();
                    assertThat(t.get(4).signature()).isEqualTo(Signature.of(List.of(out(40, "v4"))));
                    assertThat(t.get(5).passed()).isFalse();
                    assertThat(t.get(5).signature()).isEqualTo(Signature.dummy());
                    assertThat(t.get(5).status()).isEqualTo(ResultStatus.MISSING_OUTPUT);
                    assertThat(t.get(6).passed()).isFalse();
                    assertThat(t.get(6).signature()).isEqualTo(Signature.dummy());
                    assertThat(t.get(6).status()).isEqualTo(ResultStatus.NOT_RUN);
                    assertThat(t.get(7).passed()).isTrue();
                    assertThat(t.get(7).status()).isEqualTo(ResultStatus.NOT_RUN);
                    assertThat(t.get(8).passed()).isFalse();
                    assertThat(t.get(8).signature()).isEqualTo(Signature.dummy());
                    assertThat(t.get(9).passed()).isTrue();
                    assertThat(t.get(9).status()).isEqualTo(ResultStatus.MISSING_OUTPUT);
                    assertThat(t.get(10).passed()).isTrue();
                    assertThat(t.get(10).signature()).isEqualTo(Signature.empty());
                    assertThat(t.get(11).passed()).isTrue();
                });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void theSelectionIsTheCustomizedRowsElseEveryTestInactiveIncluded(TestDatabase.Engine engine) throws Exception {
        on(
                engine,
                rows -> {
                    rows.category(1, "general");
                    rows.run(1, "completed").run(2, "completed");
                    test(rows, 1);
                    test(rows, 2);
                    rows.sampleOf(3, false, 3).inCategory(3, 1); // inactive, no output
                    rows.sampleOf(4, null, 4).inCategory(4, 1);
                    rows.customized(2, 2).customized(2, 2).customized(2, 3);
                    rows.inCategory(3, 99); // a link to a category that does not exist adds nothing
                },
                source -> {
                    assertThat(source.state(1).tests().keySet()).containsExactly(1, 2, 3, 4);
                    assertThat(source.state(2).tests().keySet()).containsExactly(2, 3);
                    assertThat(source.state(2).state(3).categories()).containsExactly("general");
                    assertThat(source.state(1).run().status()).isEqualTo(RunStatus.ERROR); // completed, no result
                });
    }

    /**
     * Run 5 (PR, linux) against master runs: 1 (completed last, so the tip though its id is lower), 3
     * (completed earlier), 4 (a windows run), 6 (a pr-type run on master), 7 (never completed).
     */
    private static void masterAndPr(PlatformRows rows) {
        rows.category(1, "general");
        for (int id = 1; id <= 6; id++) {
            test(rows, id);
        }
        rows.runOn(3, "master", "commit", "linux", SHA_B);
        rows.progress(10, 3, "completed");
        rows.runOn(1, "master", "commit", "linux", SHA_A);
        rows.progress(20, 1, "completed");
        rows.runOn(4, "master", "commit", "windows", SHA_A);
        rows.progress(30, 4, "completed");
        rows.runOn(6, "master", "pr", "linux", SHA_A);
        rows.progress(31, 6, "completed");
        rows.runOn(7, "master", "commit", "linux", SHA_A);
        rows.progress(32, 7, "testing");
        rows.runOn(5, "feature", "pr", "linux", "c".repeat(40));
        rows.progress(40, 5, "completed");
        rows.customized(1, 1).customized(1, 2).customized(1, 3).customized(1, 4).customized(1, 5);
        // master (run 1): 1 passes, 2 passes, 3 fails "x", 4 fails "y", 5 fails "z"; 6 not selected.
        rows.result(1, 1).file(1, 1, 10, null);
        rows.result(1, 2).file(1, 2, 20, null);
        rows.result(1, 3).file(1, 3, 30, "x");
        rows.result(1, 4).file(1, 4, 40, "y");
        rows.result(1, 5).file(1, 5, 50, "z");
        // PR (run 5): 1 passes (unchanged), 2 broken, 3 fixed, 4 fails "y" (identical), 5 fails "z2"
        // (differently), 6 fails (no reference).
        rows.result(5, 1).file(5, 1, 10, null);
        rows.result(5, 2).file(5, 2, 20, "broken");
        rows.result(5, 3).file(5, 3, 30, null);
        rows.result(5, 4, 100, 3, 0).file(5, 4, 40, "y");
        rows.result(5, 5).file(5, 5, 50, "z2");
        rows.result(5, 6).file(5, 6, 60, "new");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aPrRunAgainstTheTipOfMasterGetsEveryVerdict(TestDatabase.Engine engine) throws Exception {
        on(engine, DatabaseComparisonTest::masterAndPr, source -> {
            ComparisonReport report = new RunComparer(source, source).compare(5, List.of(new Reference.Master()));
            Comparison c = report.comparisons().get(0);
            assertThat(c.run().runId())
                    .as("the newest completed progress row, not the highest id")
                    .isEqualTo(1);
            Map<TestVerdict, List<Integer>> ids = new java.util.EnumMap<>(TestVerdict.class);
            c.tests()
                    .forEach((v, tests) -> ids.put(
                            v, tests.stream().map(TestState::regressionTestId).toList()));
            assertThat(ids)
                    .containsExactly(
                            Map.entry(TestVerdict.BROKEN_HERE, List.of(2)),
                            Map.entry(TestVerdict.FIXED_HERE, List.of(3)),
                            Map.entry(TestVerdict.FAILING_DIFFERENTLY, List.of(5)),
                            Map.entry(TestVerdict.FAILING_IDENTICALLY, List.of(4)),
                            Map.entry(TestVerdict.UNCHANGED_PASS, List.of(1)),
                            Map.entry(TestVerdict.NO_REFERENCE, List.of(6)));
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void referencesResolveAsThePlatformChoosesAndSayWhenNothingIsFound(TestDatabase.Engine engine) throws Exception {
        on(engine, DatabaseComparisonTest::masterAndPr, source -> {
            RunState pr = source.state(5);
            assertThat(source.resolve(new Reference.Master(), pr.run())
                            .orElseThrow()
                            .runId())
                    .isEqualTo(1);
            // For the master run itself: the previous master run.
            RunState master = source.state(1);
            assertThat(source.resolve(new Reference.Master(), master.run())
                            .orElseThrow()
                            .runId())
                    .isEqualTo(3);
            assertThat(source.resolve(new Reference.Commit(SHA_B), pr.run())
                            .orElseThrow()
                            .runId())
                    .isEqualTo(3);
            assertThat(source.resolve(new Reference.Commit(SHA_A), pr.run())
                            .orElseThrow()
                            .runId())
                    .as("a pr-type run of the commit counts; the windows run does not")
                    .isEqualTo(6);
            assertThat(source.resolve(new Reference.Commit("d".repeat(40)), pr.run()))
                    .isEmpty();
            assertThat(source.resolve(new Reference.Run(7), pr.run())
                            .orElseThrow()
                            .status())
                    .isEqualTo(RunStatus.RUNNING);
            assertThat(source.resolve(new Reference.Run(99), pr.run())).isEmpty();
            assertThat(source.resolve(new Reference.Master(), source.state(4).run()))
                    .isEmpty();
            assertThatThrownBy(() -> source.resolve(new Reference.PreviousBuild(), pr.run()))
                    .isInstanceOf(SummaryException.class)
                    .hasMessageContaining("only available in the Jenkins plugin");

            ComparisonReport report = new RunComparer(source, source)
                    .compare(
                            5,
                            List.of(
                                    new Reference.Commit("d".repeat(40)),
                                    new Reference.Master(),
                                    new Reference.Run(1),
                                    new Reference.Commit(SHA_B)));
            assertThat(report.comparisons())
                    .extracting(c -> c.run() == null ? null : c.run().runId(), Comparison::sameAs)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(null, null),
                            org.assertj.core.groups.Tuple.tuple(1, null),
                            org.assertj.core.groups.Tuple.tuple(1, "master"),
                            org.assertj.core.groups.Tuple.tuple(3, null));
            assertThat(report.comparisons().get(0).count(TestVerdict.NO_REFERENCE))
                    .isEqualTo(6);
            assertThat(report.firstAvailable().orElseThrow().reference()).isEqualTo(new Reference.Master());
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aRunThatDoesNotExistIsNotFound(TestDatabase.Engine engine) throws Exception {
        on(engine, rows -> rows.run(1, "completed"), source -> {
            assertThatThrownBy(() -> source.state(2))
                    .isInstanceOf(RunNotFoundException.class)
                    .hasMessage("Run 2 not found.");
            assertThat(source.state(1).tests()).isEmpty();
        });
    }
}
