package io.jenkins.plugins.sampleplatform.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Seeds the platform's real tables: a catalogue of {@code samples} regression tests with three expected
 * outputs each (every 50th test has {@code active} NULL, every 10th has an ignored third output), one
 * large run (run 1: a result for every test, about 10 % of them failing) and {@code otherRuns} other
 * runs with 10 results each. Every row satisfies the platform's NOT NULL columns and foreign keys.
 */
final class LargeRunSeeder {

    static final int RUN = 1;
    private static final int CATEGORIES = 8;

    private LargeRunSeeder() {}

    static void seed(Connection connection, int samples, int otherRuns, long seed) throws SQLException {
        Random random = new Random(seed);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Batches batches = new Batches(connection)) {
            PreparedStatement fork = batches.of("INSERT INTO fork (id, github) VALUES (?, ?)");
            PreparedStatement category = batches.of("INSERT INTO category (id, name, description) VALUES (?, ?, ?)");
            PreparedStatement media =
                    batches.of("INSERT INTO sample (id, sha, extension, original_name) VALUES (?, ?, 'ts', ?)");
            PreparedStatement sample = batches.of("INSERT INTO regression_test"
                    + " (id, sample_id, command, input_type, output_type, expected_rc, active, description)"
                    + " VALUES (?, ?, '-autoprogram -out=srt', 'file', 'file', 0, ?, 'bench')");
            PreparedStatement sampleCategory =
                    batches.of("INSERT INTO regression_test_category (regression_id, category_id) VALUES (?, ?)");
            PreparedStatement output = batches.of(
                    "INSERT INTO regression_test_output"
                            + " (id, regression_id, correct, correct_extension, expected_filename, `ignore`) VALUES (?, ?, ?, '.srt', '', ?)");
            PreparedStatement variant = batches.of(
                    "INSERT INTO regression_test_output_files (id, file_hashes, regression_test_output_id) VALUES (?, ?, ?)");
            RunInserts inserts = RunInserts.of(batches);
            PreparedStatement test = inserts.test();
            PreparedStatement progress = inserts.progress();
            PreparedStatement result = inserts.result();
            PreparedStatement file = inserts.file();

            add(fork, 1, "https://github.com/CCExtractor/ccextractor.git");
            for (int c = 1; c <= CATEGORIES; c++) {
                add(category, c, "category-" + c, "bench category " + c);
            }
            for (int s = 1; s <= samples; s++) {
                add(media, s, "sha-" + s, "sample-" + s + ".ts");
                add(sample, s, s, s % 50 == 0 ? null : Boolean.TRUE);
                add(sampleCategory, s, 1 + s % CATEGORIES);
                for (int o = 0; o < 3; o++) {
                    int outputId = s * 3 + o;
                    add(output, outputId, s, "hash-" + outputId, o == 2 && s % 10 == 0);
                    add(variant, outputId, "variant-" + outputId, outputId);
                }
            }
            batches.flush(); // the catalogue before the rows that reference it (MariaDB checks foreign keys)
            int progressId = 1;
            for (int run = 1; run <= otherRuns + 1; run++) {
                add(test, run, "commit-" + run);
                add(progress, progressId++, run, "testing");
                add(progress, progressId++, run, "completed");
            }
            batches.flush();
            Set<Long> seen = new HashSet<>();
            for (int s = 1; s <= samples; s++) {
                addResult(result, file, random, RUN, s, seen);
            }
            for (int run = 2; run <= otherRuns + 1; run++) {
                for (int r = 0; r < 10; r++) {
                    addResult(result, file, random, run, 1 + random.nextInt(samples), seen);
                }
                if (run % 1000 == 0) {
                    batches.flush();
                }
            }
            batches.flush();
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Adds another large run {@code runId} (a completed master run with a result for every one of the
     * {@code samples} tests, about 10 % failing, drawn from {@code seed}), for the comparison benchmark. Its
     * progress rows come after every other run's, so it is the tip of master.
     */
    static void addLargeRun(Connection connection, int runId, int samples, long seed) throws SQLException {
        Random random = new Random(seed);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Batches batches = new Batches(connection)) {
            RunInserts inserts = RunInserts.of(batches);
            PreparedStatement test = inserts.test();
            PreparedStatement progress = inserts.progress();
            PreparedStatement result = inserts.result();
            PreparedStatement file = inserts.file();
            add(test, runId, "commit-" + runId);
            add(progress, 10_000_000 + runId * 2, runId, "testing");
            add(progress, 10_000_001 + runId * 2, runId, "completed");
            batches.flush();
            Set<Long> seen = new HashSet<>();
            for (int s = 1; s <= samples; s++) {
                addResult(result, file, random, runId, s, seen);
            }
            batches.flush();
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * One result: 2 % crash exit codes, 2 % an output never produced, 6 % a wrong hash; otherwise each
     * file matches ({@code got} NULL) or is an accepted variant.
     */
    private static void addResult(
            PreparedStatement result, PreparedStatement file, Random random, int run, int s, Set<Long> seen)
            throws SQLException {
        // test_result's key is (run, sample): a sample drawn twice for a run keeps its first result.
        if (!seen.add(((long) run << 32) | s)) {
            return;
        }
        int outcome = random.nextInt(100);
        add(result, run, s, 100 + random.nextInt(5000), outcome < 2 ? 139 : 0);
        for (int o = 0; o < 3; o++) {
            if (outcome >= 2 && outcome < 4 && o == 0) {
                continue; // an output never produced
            }
            int outputId = s * 3 + o;
            String got = outcome >= 4 && outcome < 10 && o == 1
                    ? "wrong-" + outputId
                    : random.nextBoolean() ? null : "variant-" + outputId;
            add(file, run, s, outputId, "hash-" + outputId, got);
        }
    }

    private static void add(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
    }

    /** The inserts of a run and its results. */
    private record RunInserts(
            PreparedStatement test, PreparedStatement progress, PreparedStatement result, PreparedStatement file) {
        static RunInserts of(Batches batches) throws SQLException {
            return new RunInserts(
                    batches.of(
                            "INSERT INTO test"
                                    + " (id, platform, test_type, token, fork_id, branch, `commit`, pr_nr) VALUES (?, 'linux', 'commit', NULL, 1, 'master', ?, 0)"),
                    batches.of("INSERT INTO test_progress (id, test_id, status, `timestamp`, message)"
                            + " VALUES (?, ?, ?, '2026-01-01 10:00:00', 'bench')"),
                    batches.of("INSERT INTO test_result"
                            + " (test_id, regression_test_id, runtime, exit_code, expected_rc) VALUES (?, ?, ?, ?, 0)"),
                    batches.of(
                            "INSERT INTO test_result_file"
                                    + " (test_id, regression_test_id, regression_test_output_id, expected, got) VALUES (?, ?, ?, ?, ?)"));
        }
    }

    /** Prepared inserts executed as batches, in the order they were prepared. */
    private static final class Batches implements AutoCloseable {
        private final Connection connection;
        private final java.util.List<PreparedStatement> statements = new java.util.ArrayList<>();

        Batches(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement of(String sql) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            statements.add(statement);
            return statement;
        }

        void flush() throws SQLException {
            for (PreparedStatement statement : statements) {
                statement.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : statements) {
                statement.close();
            }
        }
    }
}
