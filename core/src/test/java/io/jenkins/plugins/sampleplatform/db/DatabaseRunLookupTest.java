package io.jenkins.plugins.sampleplatform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.runs.BlockingWait;
import io.jenkins.plugins.sampleplatform.runs.PollSchedule;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.runs.RunQuery;
import io.jenkins.plugins.sampleplatform.runs.RunWaiter;
import io.jenkins.plugins.sampleplatform.summary.RunNotFoundException;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DB mode's find and wait on SQLite and a real MariaDB: the same answers as the API gives. */
class DatabaseRunLookupTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String OTHER = "fedcba9876543210fedcba9876543210fedcba98";

    @TempDir
    Path directory;

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static void run(Connection c, int id, String platform, String type, Integer fork, String commit)
            throws SQLException {
        insert(
                c,
                "INSERT INTO test (id, platform, test_type, fork_id, branch, `commit`, pr_nr) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id,
                platform,
                type,
                fork,
                "master",
                commit,
                0);
    }

    private static void seed(Connection c) throws SQLException {
        insert(c, "INSERT INTO fork (id, github) VALUES (1, 'https://github.com/CCExtractor/ccextractor.git')");
        insert(c, "INSERT INTO fork (id, github) VALUES (2, 'https://github.com/someone/ccextractor.git')");
        insert(c, "INSERT INTO regression_test (id, active, expected_rc) VALUES (1, 1, 0)");
        run(c, 1, "linux", "commit", 1, SHA);
        run(c, 2, "windows", "commit", 1, SHA);
        run(c, 3, "linux", "pr", 1, SHA);
        run(c, 4, "linux", "commit", 2, SHA);
        run(c, 5, "linux", "commit", 1, OTHER);
        // Run 1 passed, 2 is running, 3 canceled, 4 queued (no progress).
        insert(c, "INSERT INTO test_progress (id, test_id, status) VALUES (1, 1, 'preparation')");
        insert(c, "INSERT INTO test_progress (id, test_id, status) VALUES (2, 1, 'completed')");
        insert(
                c,
                "INSERT INTO test_result (test_id, regression_test_id, runtime, exit_code, expected_rc) VALUES (1, 1, 5, 0, 0)");
        insert(c, "INSERT INTO test_progress (id, test_id, status) VALUES (3, 2, 'testing')");
        insert(c, "INSERT INTO test_progress (id, test_id, status) VALUES (4, 3, 'canceled')");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void findsTheNewestMatchingRun(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase database = TestDatabase.create(engine, directory)) {
            seed(database.connection);
            DatabaseRunLookup lookup = new DatabaseRunLookup(database.settings);
            assertThat(lookup.newest(RunQuery.of(SHA, null, null, null))
                            .orElseThrow()
                            .runId())
                    .isEqualTo(4);
            assertThat(lookup.newest(RunQuery.of(SHA, "linux", "CCExtractor/ccextractor", null))
                            .orElseThrow())
                    .isEqualTo(new RunInfo(3, RunStatus.CANCELED, "linux", "pr", "CCExtractor/ccextractor", SHA));
            assertThat(lookup.newest(RunQuery.of(SHA.toUpperCase(), "linux", "ccextractor/CCEXTRACTOR", "commit"))
                            .orElseThrow()
                            .runId())
                    .isEqualTo(1);
            assertThat(lookup.newest(RunQuery.of(SHA, "windows", null, null))
                            .orElseThrow()
                            .status())
                    .isEqualTo(RunStatus.RUNNING);
            assertThat(lookup.newest(RunQuery.of(SHA, null, "someone/ccextractor", null))
                            .orElseThrow()
                            .status())
                    .isEqualTo(RunStatus.QUEUED);
            assertThat(lookup.newest(RunQuery.of("1111111111111111111111111111111111111111", null, null, null)))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void readsEachStatusAsThePlatformDerivesIt(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase database = TestDatabase.create(engine, directory)) {
            seed(database.connection);
            DatabaseRunLookup lookup = new DatabaseRunLookup(database.settings);
            assertThat(lookup.run(1).status()).isEqualTo(RunStatus.PASS);
            assertThat(lookup.run(2).status()).isEqualTo(RunStatus.RUNNING);
            assertThat(lookup.run(3).status()).isEqualTo(RunStatus.CANCELED);
            assertThat(lookup.run(4).status()).isEqualTo(RunStatus.QUEUED);
            assertThat(lookup.run(4).repository()).isEqualTo("someone/ccextractor");
            assertThatThrownBy(() -> lookup.run(77))
                    .isInstanceOf(RunNotFoundException.class)
                    .hasMessage("Run 77 not found.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void waitsWhileProgressRowsArrive(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase database = TestDatabase.create(engine, directory)) {
            seed(database.connection);
            Connection c = database.connection;
            List<String> log = new ArrayList<>();
            Instant[] now = {Instant.parse("2026-11-30T10:00:00Z")};
            int[] polls = {0};
            Clock clock = Clock.fixed(now[0], ZoneOffset.UTC);
            // Each "sleep" adds the next progress row, as the platform's worker would between two polls.
            BlockingWait wait = new BlockingWait(
                    new DatabaseRunLookup(database.settings),
                    new Clock() {
                        @Override
                        public java.time.ZoneId getZone() {
                            return ZoneOffset.UTC;
                        }

                        @Override
                        public Clock withZone(java.time.ZoneId zone) {
                            return this;
                        }

                        @Override
                        public Instant instant() {
                            return now[0];
                        }
                    },
                    when -> {
                        now[0] = when;
                        try {
                            switch (polls[0]++) {
                                case 1 ->
                                    insert(
                                            c,
                                            "INSERT INTO test_progress (id, test_id, status) VALUES (10, 4, 'preparation')");
                                case 2 ->
                                    insert(
                                            c,
                                            "INSERT INTO test_result (test_id, regression_test_id, runtime, exit_code,"
                                                    + " expected_rc) VALUES (4, 1, 5, 1, 0)");
                                case 3 ->
                                    insert(
                                            c,
                                            "INSERT INTO test_progress (id, test_id, status) VALUES (11, 4, 'completed')");
                                default -> {}
                            }
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    log::add);
            RunInfo run = wait.await(RunWaiter.forQuery(
                    RunQuery.of(SHA, null, "someone/ccextractor", null),
                    clock.instant(),
                    Duration.ofHours(1),
                    PollSchedule.DEFAULT));
            assertThat(run.runId()).isEqualTo(4);
            assertThat(run.status()).isEqualTo(RunStatus.FAIL);
            assertThat(log)
                    .containsExactly(
                            "Found run 4 for commit 01234567 of someone/ccextractor (queued).",
                            "Run 4: queued -> running (2026-11-30T10:00:10Z).",
                            "Run 4: running -> fail (2026-11-30T10:00:47Z).");
        }
    }
}
