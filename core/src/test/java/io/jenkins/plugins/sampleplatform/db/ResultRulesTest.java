package io.jenkins.plugins.sampleplatform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.SampleFailure;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.results.RunResults;
import io.jenkins.plugins.sampleplatform.results.SampleResult;
import io.jenkins.plugins.sampleplatform.summary.RunNotFoundException;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DB mode's listing of every result ({@link DatabaseResultSource}) on SQLite and MariaDB: the same statuses as
 * the summary and the failure list, each sample's details, the selected samples that never ran, and a fixed
 * number of statements.
 */
class ResultRulesTest {

    @TempDir
    Path directory;

    private RunResults results(TestDatabase.Engine engine, boolean withNotRun, Consumer<PlatformRows> data)
            throws Exception {
        PlatformRows rows = new PlatformRows();
        data.accept(rows);
        try (TestDatabase database = TestDatabase.create(engine, directory)) {
            rows.writeTo(database.connection);
            RunResults results = new DatabaseResultSource(database.settings).results(1, withNotRun);
            RunSummary summary = new DatabaseSummarySource(database.settings).fetch(1);
            FailureList failures = new DatabaseFailureSource(database.settings).failures(1, 1000);
            List<SampleResult> ran =
                    results.samples().stream().filter(SampleResult::ran).toList();
            assertThat(ran)
                    .as("a result per result row")
                    .hasSize(summary.passCount() + summary.failCount() + summary.missingOutputCount());
            assertThat(ran.stream().filter(s -> s.status() == SampleStatus.PASS).count())
                    .isEqualTo(summary.passCount());
            assertThat(ran.stream().filter(s -> s.status() == SampleStatus.FAIL).count())
                    .isEqualTo(summary.failCount());
            assertThat(ran.stream()
                            .filter(s -> s.status() == SampleStatus.MISSING_OUTPUT)
                            .count())
                    .isEqualTo((long) summary.missingOutputCount());
            for (SampleFailure failure : failures.entries()) {
                SampleResult same = ran.stream()
                        .filter(s -> s.regressionTestId() == failure.regressionTestId())
                        .findFirst()
                        .orElseThrow();
                assertThat(new SampleFailure(
                                same.regressionTestId(),
                                same.sampleId(),
                                same.sampleName(),
                                same.status(),
                                same.exitCode(),
                                same.expectedRc(),
                                same.categories(),
                                same.differingOutputs()))
                        .as("the failure list's entry for %d", failure.regressionTestId())
                        .isEqualTo(failure);
            }
            return results;
        }
    }

    /** Run 1 selects 1 to 5 explicitly; 1 passes, 2 has a wrong hash, 3 misses its output, 4 and 5 never ran. */
    private static void selectedRun(PlatformRows rows) {
        rows.run(1, "completed")
                .media(500, "broadcast<&>.ts")
                .category(1, "DVB")
                .category(2, "Teletext");
        for (int s = 1; s <= 6; s++) {
            rows.sampleOf(s, true, 500).outputWithExtension(s * 10 + 1, s, ".srt");
        }
        for (int s = 1; s <= 5; s++) {
            rows.customized(1, s);
        }
        rows.inCategory(1, 1).inCategory(2, 1).inCategory(2, 2).inCategory(4, 2);
        rows.result(1, 1, 1234, 0, 0).file(1, 1, 11, "h1", null);
        rows.result(1, 2, 50, 1, 0).file(1, 2, 21, "h2", "wrong");
        rows.result(1, 3, null, 139, 0);
    }

    private static List<Integer> ids(RunResults results) {
        return results.samples().stream().map(SampleResult::regressionTestId).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void everyResultWithItsStatusRuntimeAndDetails(TestDatabase.Engine engine) throws Exception {
        RunResults results = results(engine, false, ResultRulesTest::selectedRun);
        assertThat(ids(results)).containsExactly(1, 2, 3);
        assertThat(results.samples().get(0))
                .isEqualTo(new SampleResult(
                        1, 500, "broadcast<&>.ts", SampleStatus.PASS, 0, 0, 1234, List.of("DVB"), List.of()));
        assertThat(results.samples().get(1))
                .isEqualTo(new SampleResult(
                        2,
                        500,
                        "broadcast<&>.ts",
                        SampleStatus.FAIL,
                        1,
                        0,
                        50,
                        List.of("DVB", "Teletext"),
                        List.of(new FailedOutput(21, "h2.srt"))));
        assertThat(results.samples().get(2).status()).isEqualTo(SampleStatus.MISSING_OUTPUT);
        assertThat(results.samples().get(2).runtimeMs()).isNull();
        assertThat(results.cost().count()).isEqualTo(DatabaseResultSource.STATEMENTS);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void theExplicitSelectionGivesTheSamplesThatNeverRanWithTheirNamesAndCategories(TestDatabase.Engine engine)
            throws Exception {
        RunResults results = results(engine, true, ResultRulesTest::selectedRun);
        assertThat(ids(results)).as("6 is not selected").containsExactly(1, 2, 3, 4, 5);
        assertThat(results.samples().stream().filter(s -> !s.ran()))
                .as("as many as the summary's skipped_count")
                .hasSize(2);
        SampleResult four = results.samples().get(3);
        assertThat(four.ran()).isFalse();
        assertThat(four.sampleName()).isEqualTo("broadcast<&>.ts");
        assertThat(four.categories()).containsExactly("Teletext");
        assertThat(results.samples().get(4).categories()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void withoutASelectionEveryActiveTestIsSelected(TestDatabase.Engine engine) throws Exception {
        RunResults results = results(
                engine,
                true,
                rows -> rows.run(1, "completed")
                        .sample(1, true)
                        .sample(2, true)
                        .sample(3, false)
                        .sample(4, null)
                        .sample(5, true)
                        .result(1, 1)
                        .result(1, 3));
        assertThat(ids(results))
                .as("3 ran though inactive now; 4 is not active")
                .containsExactly(1, 2, 3, 5);
        assertThat(results.samples()).extracting(SampleResult::ran).containsExactly(true, false, true, false);
        assertThat(results.samples().get(1).sampleName()).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aDuplicateSelectionIsOneSample(TestDatabase.Engine engine) throws Exception {
        PlatformRows rows = new PlatformRows()
                .run(1, "completed")
                .sample(1, true)
                .sample(2, true)
                .customized(1, 2)
                .customized(1, 2)
                .customized(1, 1)
                .result(1, 1);
        try (TestDatabase database = TestDatabase.create(engine, directory)) {
            rows.writeTo(database.connection);
            RunResults results = new DatabaseResultSource(database.settings).results(1, true);
            assertThat(ids(results)).containsExactly(1, 2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void fiveStatementsWhateverTheRunsSize(TestDatabase.Engine engine) throws Exception {
        PlatformRows rows = new PlatformRows().run(1, "completed").category(1, "DVB");
        for (int s = 1; s <= 300; s++) {
            rows.sample(s, true).outputWithExtension(10_000 + s, s, ".srt").inCategory(s, 1);
            if (s % 3 != 0) {
                rows.result(1, s).file(1, s, 10_000 + s, "e" + s, s % 5 == 0 ? "bad" : null);
            }
        }
        try (TestDatabase database = TestDatabase.create(engine, directory)) {
            rows.writeTo(database.connection);
            AtomicInteger prepared = new AtomicInteger();
            Connection counting = (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare")) {
                            prepared.incrementAndGet();
                        }
                        return method.invoke(database.connection, args);
                    });
            RunResults results = new DatabaseResultSource(database.settings).results(counting, 1, true);
            assertThat(results.samples()).hasSize(300);
            assertThat(results.samples().stream().filter(SampleResult::ran)).hasSize(200);
            assertThat(prepared).hasValue(DatabaseResultSource.STATEMENTS);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void anUnknownRunIsNotFound(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase database = TestDatabase.create(engine, directory)) {
            assertThatThrownBy(() -> new DatabaseResultSource(database.settings).results(7, true))
                    .isInstanceOf(RunNotFoundException.class)
                    .hasMessage("Run 7 not found.");
        }
    }
}
