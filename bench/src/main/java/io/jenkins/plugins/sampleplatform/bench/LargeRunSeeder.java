package io.jenkins.plugins.sampleplatform.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Random;

/**
 * Seeds one large run (run 1: every sample of the catalogue, three outputs each, a mix of outcomes) and
 * many other runs with a few results each, into the platform's empty tables.
 */
final class LargeRunSeeder {

    static final int RUN = 1;

    private LargeRunSeeder() {}

    static void seed(Connection connection, int samples, int otherRuns, long seed) throws SQLException {
        Random random = new Random(seed);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement test = connection.prepareStatement("INSERT INTO test (id) VALUES (?)");
                PreparedStatement progress = connection.prepareStatement(
                        "INSERT INTO test_progress (id, test_id, status) VALUES (?, ?, ?)");
                PreparedStatement sample = connection.prepareStatement(
                        "INSERT INTO regression_test (id, active, expected_rc) VALUES (?, ?, 0)");
                PreparedStatement output = connection.prepareStatement(
                        "INSERT INTO regression_test_output (id, regression_id, `ignore`) VALUES (?, ?, ?)");
                PreparedStatement variant = connection.prepareStatement(
                        "INSERT INTO regression_test_output_files (id, regression_test_output_id, file_hashes) VALUES (?, ?, ?)");
                PreparedStatement result = connection.prepareStatement(
                        "INSERT INTO test_result (test_id, regression_test_id, runtime, exit_code, expected_rc) VALUES (?, ?, ?, ?, 0)");
                PreparedStatement file = connection.prepareStatement(
                        "INSERT INTO test_result_file"
                                + " (test_id, regression_test_id, regression_test_output_id, expected, got) VALUES (?, ?, ?, 'e', ?)")) {
            for (int s = 1; s <= samples; s++) {
                add(sample, s, s % 50 == 0 ? null : Boolean.TRUE);
                for (int o = 0; o < 3; o++) {
                    int outputId = s * 3 + o;
                    add(output, outputId, s, o == 2 && s % 10 == 0);
                    add(variant, outputId, outputId, "hash-" + outputId);
                }
            }
            int progressId = 1;
            for (int run = 1; run <= otherRuns + 1; run++) {
                add(test, run);
                add(progress, progressId++, run, "testing");
                add(progress, progressId++, run, "completed");
            }
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (int s = 1; s <= samples; s++) {
                addResult(result, file, random, RUN, s, seen);
            }
            for (int run = 2; run <= otherRuns + 1; run++) {
                for (int r = 0; r < 10; r++) {
                    addResult(result, file, random, run, 1 + random.nextInt(samples), seen);
                }
            }
            for (PreparedStatement batch :
                    new PreparedStatement[] {sample, output, variant, test, progress, result, file}) {
                batch.executeBatch();
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void addResult(
            PreparedStatement result, PreparedStatement file, Random random, int run, int s, java.util.Set<Long> seen)
            throws SQLException {
        // test_result's key is (run, sample): a sample drawn twice for a run keeps its first result.
        if (!seen.add(((long) run << 32) | s)) {
            return;
        }
        int outcome = random.nextInt(100);
        add(result, run, s, 100 + random.nextInt(5000), outcome < 3 ? 139 : 0);
        for (int o = 0; o < 3; o++) {
            if (outcome >= 3 && outcome < 6 && o == 0) {
                continue; // an output never produced
            }
            int outputId = s * 3 + o;
            String got = outcome >= 6 && outcome < 12 && o == 1
                    ? "wrong-" + outputId
                    : random.nextBoolean() ? null : "hash-" + outputId;
            add(file, run, s, outputId, got);
        }
    }

    private static void add(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
    }
}
