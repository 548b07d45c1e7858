package io.jenkins.plugins.sampleplatform.contract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes runs into the platform's real schema with plain SQL, the way its own workers would leave them.
 * Every run selects its own samples through {@code customized_test}, so runs seeded by different tests on
 * one server never change each other's numbers; every id is unique across the server's database.
 *
 * <pre>{@code
 * int run = platform.seed().run().passed(3).failed(1).missingOutput(1).skipped(2).completed().write();
 * }</pre>
 */
final class RunSeed {

    private final PlatformDatabase database;
    private final AtomicInteger ids = new AtomicInteger(1000);

    RunSeed(PlatformDatabase database) {
        this.database = database;
    }

    /**
     * The platform itself wrote rows (a run started through the API takes the next free id of {@code test} and
     * of {@code customized_test}, one per selected test): later ids start above every id it took, so seeded rows
     * never collide with them.
     */
    void skipPastPlatformRows() throws SQLException {
        try (Connection connection = database.connect();
                java.sql.Statement statement = connection.createStatement()) {
            for (String table : List.of("test", "customized_test", "test_progress")) {
                try (java.sql.ResultSet max = statement.executeQuery("SELECT MAX(id) FROM " + table)) {
                    if (max.next()) {
                        int taken = max.getInt(1);
                        ids.accumulateAndGet(taken, Math::max);
                    }
                }
            }
        }
    }

    /** A new run, not yet written; its id is {@link Run#id()}. */
    Run run() {
        return new Run(ids.incrementAndGet());
    }

    /** An id no seeded row uses: a run that does not exist. */
    int unusedId() {
        return ids.incrementAndGet();
    }

    /** One run and its samples, results and progress rows. */
    final class Run {
        private final int id;
        private final List<String> progress = new ArrayList<>();
        private final List<Sample> samples = new ArrayList<>();
        private String commit;

        private Run(int id) {
            this.id = id;
            this.commit = "c0ffee" + id;
        }

        /** The run's commit (default {@code c0ffee<id>}), for scenarios that find runs by commit. */
        Run commit(String sha) {
            this.commit = sha;
            return this;
        }

        int id() {
            return id;
        }

        /** Progress rows in order ({@code preparation}, {@code testing}, {@code completed}, {@code canceled}). */
        Run progress(String... statuses) {
            progress.addAll(List.of(statuses));
            return this;
        }

        /** preparation, testing, completed. */
        Run completed() {
            return progress("preparation", "testing", "completed");
        }

        /** preparation, testing. */
        Run running() {
            return progress("preparation", "testing");
        }

        /** preparation, canceled. */
        Run canceled() {
            return progress("preparation", "canceled");
        }

        /** Samples that ran with the expected exit code and the expected output (runtime 1000 ms each). */
        Run passed(int count) {
            return add(count, Outcome.PASS);
        }

        /** Samples that ran with a wrong exit code and produced their output. */
        Run failed(int count) {
            return add(count, Outcome.WRONG_EXIT_CODE);
        }

        /** Samples that ran with the expected exit code and an output whose hash no variant accepts. */
        Run wrongOutput(int count) {
            return add(count, Outcome.WRONG_OUTPUT);
        }

        /** Samples that ran but left an expected output file unwritten. */
        Run missingOutput(int count) {
            return add(count, Outcome.MISSING_OUTPUT);
        }

        /** Samples selected for the run without a result (not run). */
        Run skipped(int count) {
            return add(count, Outcome.SKIPPED);
        }

        private Run add(int count, Outcome outcome) {
            for (int i = 0; i < count; i++) {
                samples.add(new Sample(ids.incrementAndGet(), ids.incrementAndGet(), outcome));
            }
            return this;
        }

        /** Writes the run in one transaction and returns its id. */
        int write() throws SQLException {
            try (Connection c = database.connect()) {
                c.setAutoCommit(false);
                insert(
                        c,
                        "INSERT INTO test (id, platform, test_type, token, fork_id, branch, " + quoted("commit")
                                + ", pr_nr) VALUES (?, 'linux', 'commit', NULL, NULL, 'master', ?, 0)",
                        id,
                        commit);
                for (Sample s : samples) {
                    insert(
                            c,
                            "INSERT INTO sample (id, sha, extension, original_name) VALUES (?, ?, 'ts', ?)",
                            s.id,
                            "sha-" + s.id,
                            "sample-" + s.id + ".ts");
                    insert(
                            c,
                            "INSERT INTO regression_test (id, sample_id, command, input_type, output_type,"
                                    + " expected_rc, active, description) VALUES (?, ?, '-autoprogram', 'file', 'file', 0, ?, ?)",
                            s.id,
                            s.id,
                            true,
                            "contract sample " + s.id + " " + s.outcome);
                    insert(
                            c,
                            "INSERT INTO regression_test_output (id, regression_id, correct, correct_extension,"
                                    + " expected_filename, " + quoted("ignore") + ") VALUES (?, ?, ?, '.srt', ?, ?)",
                            s.output,
                            s.id,
                            "hash-" + s.id,
                            "sample-" + s.id + ".srt",
                            false);
                    insert(
                            c,
                            "INSERT INTO customized_test (id, test_id, regression_id) VALUES (?, ?, ?)",
                            ids.incrementAndGet(),
                            id,
                            s.id);
                    if (s.outcome == Outcome.SKIPPED) {
                        continue;
                    }
                    int exitCode = s.outcome == Outcome.WRONG_EXIT_CODE ? 1 : 0;
                    insert(
                            c,
                            "INSERT INTO test_result (test_id, regression_test_id, runtime, exit_code, expected_rc)"
                                    + " VALUES (?, ?, 1000, ?, 0)",
                            id,
                            s.id,
                            exitCode);
                    if (s.outcome != Outcome.MISSING_OUTPUT) {
                        // got NULL: the output matched; a hash: a different output, acceptable to no variant
                        insert(
                                c,
                                "INSERT INTO test_result_file (test_id, regression_test_id,"
                                        + " regression_test_output_id, expected, got) VALUES (?, ?, ?, ?, ?)",
                                id,
                                s.id,
                                s.output,
                                "hash-" + s.id,
                                s.outcome == Outcome.WRONG_OUTPUT ? "other-" + s.id : null);
                    }
                }
                int minute = 0;
                for (String status : progress) {
                    insert(
                            c,
                            "INSERT INTO test_progress (id, test_id, status, " + quoted("timestamp")
                                    + ", message) VALUES (?, ?, ?, ?, ?)",
                            ids.incrementAndGet(),
                            id,
                            status,
                            // text, not a java.sql.Timestamp: sqlite-jdbc would store epoch milliseconds,
                            // which the platform's SQLAlchemy DateTime cannot read back (HTTP 500)
                            String.format("2026-01-01 10:%02d:00", minute++),
                            status);
                }
                c.commit();
            }
            return id;
        }

        private String quoted(String column) {
            return database.engine() == PlatformDatabase.Engine.MARIADB ? "`" + column + "`" : "\"" + column + "\"";
        }
    }

    private enum Outcome {
        PASS,
        WRONG_EXIT_CODE,
        WRONG_OUTPUT,
        MISSING_OUTPUT,
        SKIPPED
    }

    private record Sample(int id, int output, Outcome outcome) {}

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
