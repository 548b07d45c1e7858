package io.jenkins.plugins.sampleplatform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.RunComparer;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The demo runs give the summaries their Javadoc promises, on both engines. */
class DemoDatabaseTest {

    static final Map<Integer, RunSummary> EXPECTED = Map.of(
            DemoDatabase.PASSING_RUN, new RunSummary(1, RunStatus.PASS, 4, 4, 0, 0, 0, 0, 3350L, null),
            DemoDatabase.FAILING_RUN, new RunSummary(2, RunStatus.FAIL, 4, 1, 3, 0, 0, 3, 3620L, null),
            DemoDatabase.MISSING_OUTPUT_RUN, new RunSummary(3, RunStatus.FAIL, 4, 1, 0, 1, 2, 3, 1030L, null),
            DemoDatabase.CUSTOMIZED_RUN, new RunSummary(4, RunStatus.FAIL, 3, 2, 1, 0, 0, 1, 2450L, null),
            DemoDatabase.RUNNING_RUN, new RunSummary(5, RunStatus.RUNNING, 4, 1, 0, 3, 0, 0, 1000L, null),
            DemoDatabase.QUEUED_RUN, new RunSummary(6, RunStatus.QUEUED, 4, 0, 0, 4, 0, 0, null, null),
            DemoDatabase.CANCELED_RUN, new RunSummary(7, RunStatus.CANCELED, 4, 1, 1, 2, 0, 1, 1900L, null),
            DemoDatabase.COMPLETED_WITHOUT_RESULTS_RUN,
                    new RunSummary(8, RunStatus.ERROR, 4, 0, 0, 4, 0, 0, null, null),
            DemoDatabase.MASTER_RUN, new RunSummary(9, RunStatus.FAIL, 6, 2, 3, 0, 1, 4, 4250L, null),
            DemoDatabase.PULL_REQUEST_RUN, new RunSummary(10, RunStatus.FAIL, 7, 2, 4, 0, 1, 6, 4780L, null));

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void thePullRequestRunHasEveryVerdictAgainstTheTipOfMaster(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase database = TestDatabase.create(engine, directory)) {
            DemoDatabase.populate(database.connection);
            DatabaseComparisonSource source = new DatabaseComparisonSource(database.settings);
            Comparison c = new RunComparer(source, source)
                    .compare(DemoDatabase.PULL_REQUEST_RUN, List.of(new Reference.Master()))
                    .comparisons()
                    .get(0);
            assertThat(c.run().runId()).isEqualTo(DemoDatabase.MASTER_RUN);
            Map<TestVerdict, List<Integer>> ids = new EnumMap<>(TestVerdict.class);
            c.tests()
                    .forEach((v, tests) -> ids.put(
                            v, tests.stream().map(TestState::regressionTestId).toList()));
            assertThat(ids)
                    .containsExactly(
                            Map.entry(TestVerdict.BROKEN_HERE, List.of(8)),
                            Map.entry(TestVerdict.FIXED_HERE, List.of(9)),
                            Map.entry(TestVerdict.FAILING_DIFFERENTLY, List.of(11)),
                            Map.entry(TestVerdict.FAILING_IDENTICALLY, List.of(10, 12)),
                            Map.entry(TestVerdict.UNCHANGED_PASS, List.of(7)),
                            Map.entry(TestVerdict.NO_REFERENCE, List.of(13)));
            assertThat(c.tests(TestVerdict.BROKEN_HERE).get(0).categories()).containsExactly("DVB", "General");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void everyDemoRunHasItsDocumentedSummary(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase database = TestDatabase.create(engine, directory)) {
            DemoDatabase.populate(database.connection);
            DatabaseSummarySource source = new DatabaseSummarySource(database.settings);
            for (Map.Entry<Integer, RunSummary> run : EXPECTED.entrySet()) {
                assertThat(source.fetch(run.getKey()))
                        .as("%s run %d", engine, run.getKey())
                        .isEqualTo(run.getValue());
            }
        }
    }

    @Test
    void ensureCreatesTheFileOnceAndKeepsIt() throws Exception {
        Path file = directory.resolve("nested/demo.db");
        DatabaseSettings settings = DemoDatabase.ensure(file);
        assertThat(file).isRegularFile();
        assertThat(new DatabaseSummarySource(settings).fetch(DemoDatabase.MISSING_OUTPUT_RUN))
                .isEqualTo(EXPECTED.get(DemoDatabase.MISSING_OUTPUT_RUN));
        long modified = Files.getLastModifiedTime(file).toMillis();
        DemoDatabase.ensure(file);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly("demo.db");
        }
    }

    @Test
    void aFileOfAnotherLayoutIsNeverOverwrittenButNamed() throws Exception {
        Path file = directory.resolve("old-demo.db");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            PlatformSchema.create(connection); // as an older version made it: no layout version
        }
        byte[] before = Files.readAllBytes(file);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DemoDatabase.ensure(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("delete the file");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aFileThisToolDidNotMakeIsLeftAloneAndNeverAdvisedForDeletion() throws Exception {
        Path text = Files.writeString(directory.resolve("notes.txt"), "hello\n");
        Path other = directory.resolve("other.db");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other);
                java.sql.Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        }
        // A copy of the platform's own database: the demo's tables and more.
        Path platformCopy = directory.resolve("platform.db");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + platformCopy);
                java.sql.Statement sql = connection.createStatement()) {
            PlatformSchema.create(connection);
            sql.execute("CREATE TABLE user (id INTEGER PRIMARY KEY, name TEXT)");
        }
        Map<Path, String> reasons = Map.of(
                text, "it is not an SQLite database",
                other, "it is an SQLite database with other tables (notes)",
                platformCopy, "it is an SQLite database with other tables (user)");
        for (Map.Entry<Path, String> file : reasons.entrySet()) {
            byte[] before = Files.readAllBytes(file.getKey());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DemoDatabase.ensure(file.getKey()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("The file " + file.getKey() + " is not a demo database: " + file.getValue())
                    .hasMessageContaining("left untouched")
                    .hasMessageNotContaining("delete")
                    .hasMessageNotContaining("another version");
            assertThat(Files.readAllBytes(file.getKey())).isEqualTo(before);
        }
    }

    @Test
    void failingOutputsCarryRealisticHashesAndFileNames() throws Exception {
        DatabaseSettings settings = DemoDatabase.ensure(directory.resolve("demo.db"));
        var failures = new DatabaseSummarySource(settings).failures().failures(DemoDatabase.FAILING_RUN, 10);
        assertThat(failures.toString()).doesNotContain("filename=expected");
        assertThat(failures.entries().get(0).outputs().get(0).filename()).matches("[0-9a-f]{32}\\.srt");
    }
}
