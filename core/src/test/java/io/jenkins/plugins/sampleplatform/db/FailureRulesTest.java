package io.jenkins.plugins.sampleplatform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.SampleFailure;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.summary.RunNotFoundException;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DB mode's failure list, rule by rule, on SQLite and MariaDB: what the platform's
 * {@code GET /runs/1/samples?status=missing_output} and {@code ?status=fail} list for the same rows
 * (docs/sample-platform-runs-api.md section 8), missing-output samples first, then failed ones, each by
 * regression test id. Every scenario also checks the totals against the summary's counts.
 */
class FailureRulesTest {

    @TempDir
    Path directory;

    private FailureList failures(TestDatabase.Engine engine, int limit, Consumer<PlatformRows> data) throws Exception {
        PlatformRows rows = new PlatformRows();
        data.accept(rows);
        try (TestDatabase database = TestDatabase.create(engine, directory)) {
            rows.writeTo(database.connection);
            FailureList list = new DatabaseFailureSource(database.settings).failures(1, limit);
            RunSummary summary = new DatabaseSummarySource(database.settings).fetch(1);
            assertThat(list.failTotal())
                    .as("fail total = the summary's fail_count")
                    .isEqualTo(summary.failCount());
            assertThat(list.missingOutputTotal())
                    .as("missing total = the summary's missing_output_count")
                    .isEqualTo(summary.missingOutputCount());
            return list;
        }
    }

    /**
     * Run 1, one sample of each kind: 1 passes, 2 has a wrong hash, 3 misses an output, 4 crashed, 5 has no
     * expected output and wrote the sentinel row, 6 passes through an accepted variant, 7 misses an output
     * and crashed too.
     */
    private static void mixedRun(PlatformRows rows) {
        rows.run(1, "completed");
        for (int s = 1; s <= 7; s++) {
            rows.sample(s, true);
            if (s != 5) {
                rows.outputWithExtension(s * 10 + 1, s, ".srt", "v" + s);
            }
        }
        rows.result(1, 1).file(1, 1, 11, "h1", null);
        rows.result(1, 2).file(1, 2, 21, "h2", "wrong");
        rows.result(1, 3);
        rows.result(1, 4, 100, 139, 0).file(1, 4, 41, "h4", null);
        rows.result(1, 5).file(1, 5, -1, "error", "error");
        rows.result(1, 6).file(1, 6, 61, "h6", "v6");
        rows.result(1, 7, 100, 134, 0);
    }

    private static List<Integer> ids(FailureList list) {
        return list.entries().stream().map(SampleFailure::regressionTestId).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void missingOutputFirstThenFailEachByIdAndTotalsCountEverything(TestDatabase.Engine engine) throws Exception {
        FailureList all = failures(engine, 100, FailureRulesTest::mixedRun);
        assertThat(ids(all)).containsExactly(3, 5, 7, 2, 4);
        assertThat(all.entries())
                .extracting(SampleFailure::status)
                .containsExactly(
                        SampleStatus.MISSING_OUTPUT,
                        SampleStatus.MISSING_OUTPUT,
                        SampleStatus.MISSING_OUTPUT,
                        SampleStatus.FAIL,
                        SampleStatus.FAIL);
        assertThat(all.missingOutputTotal()).isEqualTo(3);
        assertThat(all.failTotal()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void theLimitCutsTheListNotTheTotals(TestDatabase.Engine engine) throws Exception {
        FailureList four = failures(engine, 4, FailureRulesTest::mixedRun);
        assertThat(ids(four)).containsExactly(3, 5, 7, 2);
        assertThat(four.total()).isEqualTo(5);
        assertThat(four.unlisted()).isEqualTo(1);
        FailureList two = failures(engine, 2, FailureRulesTest::mixedRun);
        assertThat(ids(two)).containsExactly(3, 5);
        assertThat(two.total()).isEqualTo(5);
        FailureList none = failures(engine, 0, FailureRulesTest::mixedRun);
        assertThat(none.entries()).isEmpty();
        assertThat(none.missingOutputTotal()).isEqualTo(3);
        assertThat(none.failTotal()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aMissingOutputSampleKeepsItsExitCodes(TestDatabase.Engine engine) throws Exception {
        SampleFailure seven = failures(engine, 100, FailureRulesTest::mixedRun).entries().stream()
                .filter(f -> f.regressionTestId() == 7)
                .findFirst()
                .orElseThrow();
        assertThat(seven.status()).isEqualTo(SampleStatus.MISSING_OUTPUT);
        assertThat(seven.exitCode()).isEqualTo(134);
        assertThat(seven.expectedRc()).isZero();
        assertThat(seven.exitCodeDiffers()).isTrue();
        assertThat(seven.outputs()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void detailsNameTheMediaSampleItsCategoriesAndTheFilesThatDiffered(TestDatabase.Engine engine) throws Exception {
        FailureList list = failures(
                engine,
                100,
                rows -> rows.run(1, "completed")
                        .media(500, "broadcast.ts")
                        .sampleOf(1, true, 500)
                        .category(1, "DVB")
                        .category(2, "Teletext")
                        .category(3, "unused")
                        .inCategory(1, 2)
                        .inCategory(1, 1)
                        .outputWithExtension(11, 1, ".srt", "accepted")
                        .outputWithExtension(12, 1, ".xml")
                        .outputWithExtension(13, 1, ".txt")
                        .result(1, 1)
                        .file(1, 1, 11, "base11", "accepted") // an accepted variant: still an entry with got set
                        .file(1, 1, 12, "base12", "wrong")
                        .file(1, 1, 13, "base13", null) // matched: no entry
                        .file(1, 1, 99, "base99", "orphan") // no such output: the filename is the hash alone
                        .file(1, 1, -1, "e", "error")); // the sentinel row is never an entry
        assertThat(list.entries()).hasSize(1);
        SampleFailure failure = list.entries().get(0);
        assertThat(failure.status()).isEqualTo(SampleStatus.FAIL);
        assertThat(failure.sampleId()).isEqualTo(500);
        assertThat(failure.sampleName()).isEqualTo("broadcast.ts");
        assertThat(failure.categories()).containsExactly("Teletext", "DVB");
        assertThat(failure.outputs())
                .containsExactly(
                        new FailedOutput(11, "base11.srt"),
                        new FailedOutput(12, "base12.xml"),
                        new FailedOutput(99, "base99"));
        assertThat(failure.exitCode()).isZero();
        assertThat(failure.exitCodeDiffers()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aSentinelThatDiffersInCaseIsAFileLikeAnyOther(TestDatabase.Engine engine) throws Exception {
        // Not the sentinel (the platform compares 'error' byte for byte), so a file whose got is set.
        FailureList list = failures(
                engine,
                100,
                rows -> rows.run(1, "completed")
                        .sample(1, true)
                        .outputWithExtension(11, 1, ".srt")
                        .result(1, 1)
                        .file(1, 1, 11, "h", null)
                        .file(1, 1, -1, "e", "ERROR"));
        assertThat(list.entries()).hasSize(1);
        assertThat(list.entries().get(0).status()).isEqualTo(SampleStatus.FAIL);
        assertThat(list.entries().get(0).outputs()).containsExactly(new FailedOutput(-1, "e"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aTestWithoutMediaSampleOrCategoriesHasNullsAndNoCategories(TestDatabase.Engine engine) throws Exception {
        FailureList list = failures(
                engine,
                100,
                rows -> rows.run(1, "completed")
                        .sampleOf(1, true, 777) // the media sample row does not exist
                        .outputWithExtension(11, 1, ".srt")
                        .result(1, 1, 100, 1, 0)
                        .file(1, 1, 11, "h", null));
        SampleFailure failure = list.entries().get(0);
        assertThat(failure.sampleId()).isNull();
        assertThat(failure.sampleName()).isNull();
        assertThat(failure.categories()).isEmpty();
        assertThat(failure.outputs()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void ignoredOutputsAreNeverMissingAndDummyRowsOnlyCountWithoutOutputs(TestDatabase.Engine engine) throws Exception {
        FailureList list = failures(
                engine,
                100,
                rows -> rows.run(1, "completed")
                        .sample(1, true)
                        .sample(2, true)
                        .sample(3, true)
                        .output(11, 1, false, "h1")
                        .output(12, 1, true) // ignored and never produced: not missing
                        .output(31, 3, false, "h3")
                        .result(1, 1)
                        .file(1, 1, 11, null)
                        .result(1, 2) // no expected output and no sentinel: passes
                        .result(1, 3)
                        .file(1, 3, 31, null)
                        .file(1, 3, -1, "error")); // a sentinel next to complete outputs: fail, not missing
        assertThat(ids(list)).containsExactly(3);
        assertThat(list.entries().get(0).status()).isEqualTo(SampleStatus.FAIL);
        assertThat(list.missingOutputTotal()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void resultsOfInactiveAndUnselectedTestsAreListedToo(TestDatabase.Engine engine) throws Exception {
        FailureList list = failures(
                engine,
                100,
                rows -> rows.run(1, "completed")
                        .sample(1, true)
                        .sample(2, false)
                        .sample(3, null)
                        .customized(1, 1)
                        .output(11, 1, false, "h1")
                        .output(21, 2, false, "h2")
                        .output(31, 3, false, "h3")
                        .result(1, 1)
                        .file(1, 1, 11, null)
                        .result(1, 2)
                        .file(1, 2, 21, "bad")
                        .result(1, 3));
        assertThat(ids(list)).containsExactly(3, 2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void otherRunsRowsNeverLeakIn(TestDatabase.Engine engine) throws Exception {
        FailureList list = failures(
                engine,
                100,
                rows -> rows.run(1, "completed")
                        .run(2, "completed")
                        .sample(1, true)
                        .outputWithExtension(11, 1, ".srt", "v")
                        .result(1, 1)
                        .file(1, 1, 11, "h", "v")
                        .result(2, 1, 100, 1, 0)
                        .file(2, 1, 11, "h", "bad"));
        assertThat(list.entries()).isEmpty();
        assertThat(list.total()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aRunThatDoesNotExistIsNotFound(TestDatabase.Engine engine) {
        assertThatThrownBy(() -> failures(engine, 100, rows -> rows.run(2, "completed")))
                .isInstanceOf(RunNotFoundException.class)
                .hasMessage("Run 1 not found.");
    }
}
