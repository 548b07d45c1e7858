package io.jenkins.plugins.sampleplatform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.sampleplatform.summary.RunNotFoundException;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One scenario per rule of the platform's algorithm (docs/database-mode.md), each on SQLite and on a
 * real MariaDB with the same expected summary. Run 1 is the run under test unless said otherwise.
 */
class SummaryRulesTest {

    @TempDir
    Path directory;

    private RunSummary summarize(TestDatabase.Engine engine, Consumer<PlatformRows> data) throws Exception {
        PlatformRows rows = new PlatformRows();
        data.accept(rows);
        try (TestDatabase database = TestDatabase.create(engine, directory)) {
            rows.writeTo(database.connection);
            return new DatabaseSummarySource(database.settings).fetch(1);
        }
    }

    /** Three active samples with one output each (ids 11, 21, 31, accepting hash "h1", "h2", "h3"). */
    private static void catalogue(PlatformRows rows) {
        rows.sample(1, true)
                .sample(2, true)
                .sample(3, true)
                .output(11, 1, false, "h1")
                .output(21, 2, false, "h2")
                .output(31, 3, false, "h3");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void selectsActiveSamplesOnlyExcludingNull(TestDatabase.Engine engine) throws Exception {
        RunSummary s = summarize(
                engine,
                rows -> rows.sample(1, true)
                        .sample(2, false)
                        .sample(3, null)
                        .sample(4, true)
                        .run(1, "completed")
                        .result(1, 1));
        assertThat(s.totalSamples()).isEqualTo(2);
        assertThat(s.skippedCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aCustomizedSelectionCountsEveryRowInactiveOnesToo(TestDatabase.Engine engine) throws Exception {
        RunSummary s = summarize(
                engine,
                rows -> rows.sample(1, true)
                        .sample(2, false)
                        .sample(3, true)
                        .run(1, "completed")
                        .customized(1, 1)
                        .customized(1, 1)
                        .customized(1, 2)
                        .run(2, "completed")
                        .customized(2, 3)
                        .result(1, 1));
        assertThat(s.totalSamples()).isEqualTo(3);
        assertThat(s.skippedCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void resultsOutsideTheSelectionStillCountAndSkippedNeverGoesNegative(TestDatabase.Engine engine) throws Exception {
        RunSummary s = summarize(
                engine,
                rows -> rows.sample(1, true)
                        .sample(2, false)
                        .sample(3, false)
                        .run(1, "completed")
                        .result(1, 1)
                        .result(1, 2)
                        .result(1, 3, 100, 1, 0));
        assertThat(s).isEqualTo(new RunSummary(1, RunStatus.FAIL, 1, 2, 1, 0, 0, 1, 300L, null));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void gotNullMeansMatchedNotMissing(TestDatabase.Engine engine) throws Exception {
        RunSummary s = summarize(engine, rows -> {
            catalogue(rows);
            rows.run(1, "completed").result(1, 1).file(1, 1, 11, null);
        });
        assertThat(s.passCount()).isEqualTo(1);
        assertThat(s.missingOutputCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void anOutputWithoutAFileIsMissingAndAnIgnoredOneIsNot(TestDatabase.Engine engine) throws Exception {
        RunSummary s = summarize(engine, rows -> {
            rows.sample(1, true)
                    .sample(2, true)
                    .sample(3, true)
                    .output(11, 1, false, "h1")
                    .output(12, 1, true, "h1x")
                    .output(21, 2, null, "h2")
                    .output(31, 3, true, "h3");
            rows.run(1, "completed")
                    .result(1, 1)
                    .file(1, 1, 11, null) // ignored 12 has no file: fine
                    .result(1, 2) // ignore NULL counts as not ignored: missing
                    .result(1, 3); // only an ignored output, no file: not missing
        });
        assertThat(s.passCount()).isEqualTo(2);
        assertThat(s.missingOutputCount()).isEqualTo(1);
        assertThat(s.errorCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aSampleWithoutOutputsTakesTheSentinelRule(TestDatabase.Engine engine) throws Exception {
        RunSummary s = summarize(
                engine,
                rows -> rows.sample(1, true)
                        .sample(2, true)
                        .sample(3, true)
                        .run(1, "completed")
                        .result(1, 1)
                        .file(1, 1, -1, "error") // sentinel: missing, one error item
                        .result(1, 2)
                        .file(1, 2, -1, "ERROR") // not the sentinel (case differs), and not acceptable: fail
                        .result(1, 3)); // nothing expected, nothing produced: pass
        assertThat(s.missingOutputCount()).isEqualTo(1);
        assertThat(s.failCount()).isEqualTo(1);
        assertThat(s.passCount()).isEqualTo(1);
        assertThat(s.errorCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aSentinelNextToCompleteOutputsFailsTheSampleWithoutAnErrorItem(TestDatabase.Engine engine) throws Exception {
        RunSummary s = summarize(engine, rows -> {
            catalogue(rows);
            rows.run(1, "completed").result(1, 1).file(1, 1, 11, null).file(1, 1, -1, "error");
        });
        assertThat(s.failCount()).isEqualTo(1);
        assertThat(s.missingOutputCount()).isZero();
        assertThat(s.errorCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void acceptedHashesMatchByteForByte(TestDatabase.Engine engine) throws Exception {
        RunSummary s = summarize(engine, rows -> {
            rows.sample(1, true)
                    .sample(2, true)
                    .sample(3, true)
                    .sample(4, true)
                    .sample(5, true)
                    .output(11, 1, false, "abc", "abd")
                    .output(21, 2, false, "abc")
                    .output(31, 3, false, "abc")
                    .output(41, 4, false, "abc")
                    .output(51, 5, true, "abc");
            rows.run(1, "completed")
                    .result(1, 1)
                    .file(1, 1, 11, "abd") // an accepted variant: pass
                    .result(1, 2)
                    .file(1, 2, 21, "ABC") // case differs: fail
                    .result(1, 3)
                    .file(1, 3, 31, "abc ") // trailing space differs: fail
                    .result(1, 4)
                    .file(1, 4, 41, "") // empty string is a value, not a match: fail
                    .result(1, 5)
                    .file(1, 5, 51, "zzz"); // ignored outputs are still checked: fail
        });
        assertThat(s.passCount()).isEqualTo(1);
        assertThat(s.failCount()).isEqualTo(4);
        assertThat(s.errorCount()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aFileForAnOutputThatDoesNotExistIsNotAcceptable(TestDatabase.Engine engine) throws Exception {
        RunSummary s = summarize(engine, rows -> {
            catalogue(rows);
            rows.run(1, "completed").result(1, 1).file(1, 1, 11, null).file(1, 1, 99, "h1");
        });
        assertThat(s.failCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void exitCodesCompareNullSafely(TestDatabase.Engine engine) throws Exception {
        RunSummary s = summarize(
                engine,
                rows -> rows.sample(1, true)
                        .sample(2, true)
                        .sample(3, true)
                        .sample(4, true)
                        .run(1, "completed")
                        .result(1, 1, 100, null, null) // both NULL: equal
                        .result(1, 2, 100, null, 0) // NULL and a number differ
                        .result(1, 3, 100, 0, null)
                        .result(1, 4, 100, 139, 0));
        assertThat(s.passCount()).isEqualTo(1);
        assertThat(s.failCount()).isEqualTo(3);
        assertThat(s.errorCount()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aMissingOutputSampleCarriesItsExitCodeErrorToo(TestDatabase.Engine engine) throws Exception {
        RunSummary s = summarize(engine, rows -> {
            catalogue(rows);
            rows.run(1, "completed").result(1, 1, 100, 139, 0);
        });
        assertThat(s.missingOutputCount()).isEqualTo(1);
        assertThat(s.failCount()).isZero();
        assertThat(s.errorCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void durationSkipsNullAndZeroAndAddsNegatives(TestDatabase.Engine engine) throws Exception {
        RunSummary s = summarize(
                engine,
                rows -> rows.sample(1, true)
                        .sample(2, true)
                        .sample(3, true)
                        .sample(4, true)
                        .run(1, "completed")
                        .result(1, 1, 500, 0, 0)
                        .result(1, 2, null, 0, 0)
                        .result(1, 3, 0, 0, 0)
                        .result(1, 4, -200, 0, 0));
        assertThat(s.durationMs()).isEqualTo(300L);
        RunSummary negative = summarize(
                engine, rows -> rows.sample(1, true).run(1, "completed").result(1, 1, -5, 0, 0));
        assertThat(negative.durationMs()).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void statusFollowsTheLastProgressRowById(TestDatabase.Engine engine) throws Exception {
        RunSummary s = summarize(
                engine,
                rows -> rows.sample(1, true)
                        .run(1)
                        .progress(5, 1, "completed")
                        .progress(3, 1, "testing")
                        .result(1, 1));
        assertThat(s.status()).isEqualTo(RunStatus.PASS);
        assertThat(summarize(engine, rows -> rows.sample(1, true).run(1, "preparation"))
                        .status())
                .isEqualTo(RunStatus.RUNNING);
        assertThat(summarize(
                        engine,
                        rows -> rows.sample(1, true)
                                .run(1, "testing", " canceled ")
                                .result(1, 1, 100, 1, 0)))
                .isEqualTo(new RunSummary(1, RunStatus.CANCELED, 1, 0, 1, 0, 0, 1, 100L, null));
        assertThat(summarize(engine, rows -> rows.sample(1, true).run(1)).status())
                .isEqualTo(RunStatus.QUEUED);
        assertThat(summarize(engine, rows -> rows.sample(1, true).run(1, "completed"))
                        .status())
                .isEqualTo(RunStatus.ERROR);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aCompletedRunWithOnlySkippedSamplesMissingStillPasses(TestDatabase.Engine engine) throws Exception {
        RunSummary s = summarize(
                engine,
                rows -> rows.sample(1, true).sample(2, true).run(1, "completed").result(1, 1));
        assertThat(s.status()).isEqualTo(RunStatus.PASS);
        assertThat(s.skippedCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void anUnknownStatusIsAClearError(TestDatabase.Engine engine) {
        Throwable error = catchThrowable(
                () -> summarize(engine, rows -> rows.sample(1, true).run(1, "exploded")));
        assertThat(error).isInstanceOf(DatabaseException.UnknownRunStatus.class).hasMessageContaining("'exploded'");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aRunThatDoesNotExistIsNotFound(TestDatabase.Engine engine) {
        Throwable error = catchThrowable(
                () -> summarize(engine, rows -> rows.sample(1, true).run(2, "completed")));
        assertThat(error).isInstanceOf(RunNotFoundException.class).hasMessage("Run 1 not found.");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void insertionOrderDoesNotMatter(TestDatabase.Engine engine) throws Exception {
        PlatformRows rows = new PlatformRows();
        catalogue(rows);
        rows.sample(4, true).output(41, 4, false, "h4", "h4b").output(42, 4, true, "h4i");
        rows.run(1, "preparation", "testing", "completed")
                .result(1, 1)
                .file(1, 1, 11, "h1")
                .result(1, 2, 50, 1, 0)
                .file(1, 2, 21, "nope")
                .result(1, 4, 70, 0, 0)
                .file(1, 4, 41, "h4b")
                .run(2, "completed")
                .result(2, 1)
                .file(2, 1, 11, "bad");
        RunSummary expected = new RunSummary(1, RunStatus.FAIL, 4, 2, 1, 1, 0, 2, 220L, null);
        for (long seed = 1; seed <= 3; seed++) {
            try (TestDatabase database = TestDatabase.create(engine, directory)) {
                rows.writeShuffledTo(database.connection, seed);
                assertThat(new DatabaseSummarySource(database.settings).fetch(1))
                        .as("seed %d", seed)
                        .isEqualTo(expected);
            }
        }
    }
}
