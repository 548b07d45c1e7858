package io.jenkins.plugins.sampleplatform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Rows for the platform's tables, collected first and written in one go, optionally shuffled, so a
 * scenario can show that the numbers do not depend on insertion order.
 */
final class PlatformRows {

    private record Row(String sql, Object[] values) {}

    private final List<Row> rows = new ArrayList<>();
    private int nextId = 1000;

    private PlatformRows add(String sql, Object... values) {
        rows.add(new Row(sql, values));
        return this;
    }

    PlatformRows run(int id, String... progress) {
        add("INSERT INTO test (id) VALUES (?)", id);
        for (String status : progress) {
            add("INSERT INTO test_progress (id, test_id, status) VALUES (?, ?, ?)", nextId++, id, status);
        }
        return this;
    }

    /** A run with its branch, type, platform and commit, and its progress rows. */
    PlatformRows runOn(int id, String branch, String testType, String platform, String commit, String... progress) {
        add(
                "INSERT INTO test (id, branch, test_type, platform, `commit`) VALUES (?, ?, ?, ?, ?)",
                id,
                branch,
                testType,
                platform,
                commit);
        for (String status : progress) {
            add("INSERT INTO test_progress (id, test_id, status) VALUES (?, ?, ?)", nextId++, id, status);
        }
        return this;
    }

    PlatformRows progress(int progressId, int run, String status) {
        return add("INSERT INTO test_progress (id, test_id, status) VALUES (?, ?, ?)", progressId, run, status);
    }

    /** A regression test; {@code active} may be null. */
    PlatformRows sample(int id, Boolean active) {
        return add("INSERT INTO regression_test (id, active, expected_rc) VALUES (?, ?, 0)", id, active);
    }

    PlatformRows output(int id, int sample, Boolean ignore, String... acceptedHashes) {
        add("INSERT INTO regression_test_output (id, regression_id, `ignore`) VALUES (?, ?, ?)", id, sample, ignore);
        for (String hash : acceptedHashes) {
            add(
                    "INSERT INTO regression_test_output_files (id, regression_test_output_id, file_hashes) VALUES (?, ?, ?)",
                    nextId++,
                    id,
                    hash);
        }
        return this;
    }

    PlatformRows customized(int run, int sample) {
        return add("INSERT INTO customized_test (id, test_id, regression_id) VALUES (?, ?, ?)", nextId++, run, sample);
    }

    PlatformRows result(int run, int sample, Integer runtime, Integer exitCode, Integer expectedRc) {
        return add(
                "INSERT INTO test_result (test_id, regression_test_id, runtime, exit_code, expected_rc) VALUES (?, ?, ?, ?, ?)",
                run,
                sample,
                runtime,
                exitCode,
                expectedRc);
    }

    /** A passing result: runtime 100, exit code 0 as expected. */
    PlatformRows result(int run, int sample) {
        return result(run, sample, 100, 0, 0);
    }

    PlatformRows file(int run, int sample, int output, String got) {
        return add(
                "INSERT INTO test_result_file (test_id, regression_test_id, regression_test_output_id, expected, got)"
                        + " VALUES (?, ?, ?, 'expected', ?)",
                run,
                sample,
                output,
                got);
    }

    /** A media sample ({@code sample} row) with its original file name. */
    PlatformRows media(int id, String originalName) {
        return add("INSERT INTO sample (id, sha, original_name) VALUES (?, ?, ?)", id, "sha" + id, originalName);
    }

    /** A regression test of a media sample. */
    PlatformRows sampleOf(int id, Boolean active, int mediaSample) {
        return add(
                "INSERT INTO regression_test (id, sample_id, active, expected_rc) VALUES (?, ?, ?, 0)",
                id,
                mediaSample,
                active);
    }

    PlatformRows category(int id, String name) {
        return add("INSERT INTO category (id, name) VALUES (?, ?)", id, name);
    }

    PlatformRows inCategory(int sample, int category) {
        return add("INSERT INTO regression_test_category (regression_id, category_id) VALUES (?, ?)", sample, category);
    }

    /** An expected output with its file extension, and its accepted hashes. */
    PlatformRows outputWithExtension(int id, int sample, String extension, String... acceptedHashes) {
        add(
                "INSERT INTO regression_test_output (id, regression_id, correct_extension, `ignore`) VALUES (?, ?, ?, 0)",
                id,
                sample,
                extension);
        for (String hash : acceptedHashes) {
            add(
                    "INSERT INTO regression_test_output_files (id, regression_test_output_id, file_hashes) VALUES (?, ?, ?)",
                    nextId++,
                    id,
                    hash);
        }
        return this;
    }

    /** A result file with the baseline hash it was compared against. */
    PlatformRows file(int run, int sample, int output, String expected, String got) {
        return add(
                "INSERT INTO test_result_file (test_id, regression_test_id, regression_test_output_id, expected, got)"
                        + " VALUES (?, ?, ?, ?, ?)",
                run,
                sample,
                output,
                expected,
                got);
    }

    void writeTo(Connection connection) throws SQLException {
        write(connection, rows);
    }

    void writeShuffledTo(Connection connection, long seed) throws SQLException {
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed));
        write(connection, shuffled);
    }

    private static void write(Connection connection, List<Row> rows) throws SQLException {
        for (Row row : rows) {
            try (PreparedStatement insert = connection.prepareStatement(row.sql())) {
                for (int i = 0; i < row.values().length; i++) {
                    insert.setObject(i + 1, row.values()[i]);
                }
                insert.executeUpdate();
            }
        }
    }
}
