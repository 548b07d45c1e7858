package io.jenkins.plugins.sampleplatform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded demo database: the platform's tables in a SQLite file, with a small set of runs that
 * covers every case of the summary algorithm. Catalogue: regression tests 1-4 are active (1-3 expect
 * one output each, 3 also an ignored one; 4 expects none), 5 is inactive and 6 has {@code active} NULL.
 */
public final class DemoDatabase {

    /** Completed, every sample passes (one through an accepted output variant): 4 of 4 pass, status {@code pass}. */
    public static final int PASSING_RUN = 1;
    /** Completed: a wrong output, a hash differing only in case, a wrong exit code: 1 pass, 3 fail, status {@code fail}. */
    public static final int FAILING_RUN = 2;
    /**
     * Completed: one output never produced (with a crash exit code), one sentinel row, one sample not run:
     * 1 pass, 2 without output, 1 skipped, 3 errors, status {@code fail}.
     */
    public static final int MISSING_OUTPUT_RUN = 3;
    /** A customized selection (test 1 twice, inactive test 5) and a result outside it: total 3, 2 pass, 1 fail. */
    public static final int CUSTOMIZED_RUN = 4;
    /** Still testing: status {@code running}, one result so far. */
    public static final int RUNNING_RUN = 5;
    /** No progress yet: status {@code queued}, every sample skipped. */
    public static final int QUEUED_RUN = 6;
    /** Canceled after two results (one pass, one fail): status {@code canceled}, counts still reported. */
    public static final int CANCELED_RUN = 7;
    /** Completed without a single result: status {@code error}. */
    public static final int COMPLETED_WITHOUT_RESULTS_RUN = 8;
    /**
     * A master run for comparisons (customized selection of tests 7-12, in categories): 2 pass, 3 fail, 1 without
     * output. The tip of master for {@link #PULL_REQUEST_RUN}.
     */
    public static final int MASTER_RUN = 9;
    /**
     * A pull-request run (tests 7-13) that, compared with {@link #MASTER_RUN}, has every verdict: 7 unchanged,
     * 8 broken here, 9 fixed here, 10 failing identically (another exit code, the same bytes), 11 failing
     * differently, 12 failing identically without output, 13 without reference. Absolute verdict FAILURE (a
     * sample without output), verdict on changes UNSTABLE (one broken, one changed).
     */
    public static final int PULL_REQUEST_RUN = 10;

    /**
     * The demo's layout, kept in the file's {@code PRAGMA user_version}: raised whenever the portable schema or
     * the demo rows change, so that a file made by an older version is recognised (it may lack tables that
     * newer features read).
     */
    public static final int VERSION = 5;

    private DemoDatabase() {}

    /**
     * Creates the demo database at {@code file} unless it exists. It is built in a temporary file next to
     * it and moved into place, so a crash never leaves half a database behind.
     *
     * @return the settings to open it
     * @throws IllegalStateException when the file exists but is not a demo database of this {@link #VERSION}
     *     (it is never overwritten: it might be something else)
     */
    public static DatabaseSettings ensure(Path file) {
        Path target = file.toAbsolutePath();
        if (Files.isRegularFile(target)) {
            // Only a file this tool made may be called ours, and only then may deleting it be advised.
            String foreign = DemoFileCheck.whyNotADemoDatabase(target);
            if (foreign != null) {
                throw new IllegalStateException("The file " + target + " is not a demo database: " + foreign
                        + ". It was left untouched; give the demo a file of its own (one that does not exist yet"
                        + " is created).");
            }
            int found = version(target);
            if (found != VERSION) {
                throw new IllegalStateException("The demo database " + target + " was made by another version of"
                        + " this tool (layout " + found + ", this one needs " + VERSION
                        + "); delete the file and it is made anew.");
            }
        } else {
            try {
                Files.createDirectories(target.getParent());
                Path temporary = Files.createTempFile(target.getParent(), ".demo-", ".db");
                try {
                    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + temporary);
                            Statement sql = connection.createStatement()) {
                        PlatformSchema.create(connection);
                        populate(connection);
                        sql.execute("PRAGMA user_version = " + VERSION);
                    }
                    move(temporary, target);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create the demo database at " + target, e);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "Could not create the demo database at " + target + ": " + e.getMessage(), e);
            }
        }
        return new DatabaseSettings("jdbc:sqlite:" + target, null, null);
    }

    /** The file's {@code PRAGMA user_version}: 0 for a file made before versions were kept, or not SQLite's. */
    private static int version(Path file) {
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, readOnly.toProperties());
                Statement sql = connection.createStatement();
                java.sql.ResultSet row = sql.executeQuery("PRAGMA user_version")) {
            return row.next() ? row.getInt(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The commit of a demo run (all on {@code linux}, repository {@code CCExtractor/ccextractor}): 40 hex
     * digits, {@code de} followed by the run id, e.g. {@code de00000000000000000000000000000000000003} for run 3,
     * so that {@code summary --demo --commit … --platform linux} finds it.
     */
    public static String commitOf(int run) {
        return String.format(java.util.Locale.ROOT, "de%038d", run);
    }

    /** Fills the platform's (empty) tables on any connection with the demo runs. */
    public static void populate(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute(
                    "INSERT INTO regression_test (id, active, expected_rc) VALUES (1, 1, 0), (2, 1, 0), (3, 1, 0), (4, 1, 0),"
                            + " (5, 0, 0), (6, NULL, 0)");
            sql.execute(
                    "INSERT INTO regression_test_output (id, regression_id, `ignore`) VALUES (11, 1, 0), (21, 2, NULL),"
                            + " (31, 3, 0), (32, 3, 1), (51, 5, 0), (61, 6, 0)");
            // Outputs are subtitle files compared by hash, as on the platform: a failing sample names its
            // baseline as the API does, the expected hash plus the output's extension.
            sql.execute("UPDATE regression_test_output SET correct_extension = '.srt'");
            sql.execute("INSERT INTO regression_test_output_files (id, regression_test_output_id, file_hashes) VALUES"
                    + " (1, 11, '" + hash("11") + "'), (2, 21, '" + hash("21") + "'), (3, 21, '" + hash("21-variant")
                    + "'), (4, 31, '" + hash("31") + "'), (5, 32, '" + hash("32") + "'), (6, 51, '" + hash("51")
                    + "'), (7, 61, '" + hash("61") + "')");
            // Samples and a fork, so that failure lines name their sample and --commit finds demo runs.
            sql.execute("INSERT INTO sample (id, sha, original_name) VALUES (1, 'd1', 'teletext.ts'),"
                    + " (2, 'd2', 'dvb-subtitles.ts'), (3, 'd3', 'cea-708.mp4'), (4, 'd4', 'no-captions.mpg')");
            sql.execute("UPDATE regression_test SET sample_id = id WHERE id <= 4");
            sql.execute("INSERT INTO fork (id, github) VALUES (1, 'https://github.com/CCExtractor/ccextractor.git')");
            for (int run = PASSING_RUN; run <= COMPLETED_WITHOUT_RESULTS_RUN; run++) {
                sql.execute("INSERT INTO test (id, platform, test_type, fork_id, branch, `commit`, pr_nr) VALUES ("
                        + run + ", 'linux', 'commit', 1, 'master', '" + commitOf(run) + "', 0)");
            }
        }
        progress(connection, PASSING_RUN, "preparation", "testing", "completed");
        result(connection, PASSING_RUN, 1, 1200, 0, 0);
        file(connection, PASSING_RUN, 1, 11, null);
        result(connection, PASSING_RUN, 2, 800, 0, 0);
        file(connection, PASSING_RUN, 2, 21, hash("21-variant"));
        result(connection, PASSING_RUN, 3, 950, 0, 0);
        file(connection, PASSING_RUN, 3, 31, null);
        result(connection, PASSING_RUN, 4, 400, 0, 0);

        progress(connection, FAILING_RUN, "preparation", "testing", "completed");
        result(connection, FAILING_RUN, 1, 1300, 0, 0);
        file(connection, FAILING_RUN, 1, 11, hash("2-1-wrong"));
        result(connection, FAILING_RUN, 2, 900, 0, 0);
        file(connection, FAILING_RUN, 2, 21, hash("21").toUpperCase(java.util.Locale.ROOT));
        result(connection, FAILING_RUN, 3, 1000, 1, 0);
        file(connection, FAILING_RUN, 3, 31, null);
        result(connection, FAILING_RUN, 4, 420, 0, 0);

        progress(connection, MISSING_OUTPUT_RUN, "preparation", "testing", "completed");
        result(connection, MISSING_OUTPUT_RUN, 1, 150, 139, 0);
        result(connection, MISSING_OUTPUT_RUN, 2, 880, 0, 0);
        file(connection, MISSING_OUTPUT_RUN, 2, 21, null);
        result(connection, MISSING_OUTPUT_RUN, 4, 0, 0, 0);
        file(connection, MISSING_OUTPUT_RUN, 4, -1, "error");

        progress(connection, CUSTOMIZED_RUN, "preparation", "testing", "completed");
        try (Statement sql = connection.createStatement()) {
            sql.execute(
                    "INSERT INTO customized_test (id, test_id, regression_id) VALUES (1, 4, 1), (2, 4, 1), (3, 4, 5)");
        }
        result(connection, CUSTOMIZED_RUN, 1, 1100, 0, 0);
        file(connection, CUSTOMIZED_RUN, 1, 11, hash("11"));
        result(connection, CUSTOMIZED_RUN, 5, 700, 0, 0);
        file(connection, CUSTOMIZED_RUN, 5, 51, hash("51"));
        result(connection, CUSTOMIZED_RUN, 6, 650, 0, 0);
        file(connection, CUSTOMIZED_RUN, 6, 61, hash("4-6-wrong"));

        progress(connection, RUNNING_RUN, "preparation", "testing");
        result(connection, RUNNING_RUN, 1, 1000, 0, 0);
        file(connection, RUNNING_RUN, 1, 11, null);

        progress(connection, CANCELED_RUN, "preparation", "testing", "canceled");
        result(connection, CANCELED_RUN, 1, 1000, 0, 0);
        file(connection, CANCELED_RUN, 1, 11, null);
        result(connection, CANCELED_RUN, 2, 900, 0, 0);
        file(connection, CANCELED_RUN, 2, 21, hash("7-2-wrong"));

        progress(connection, COMPLETED_WITHOUT_RESULTS_RUN, "preparation", "completed");
        comparisonRuns(connection);
    }

    /**
     * Runs 9 and 10 on tests 7-13, which are inactive (so the older runs' selections stay as they were) and in
     * categories (the comparison leaves uncategorized tests out, as the platform does).
     */
    private static void comparisonRuns(Connection connection) throws SQLException {
        String[] names = {
            "news-teletext.ts",
            "dvb-subs-hd.ts",
            "cea608-roll-up.mpg",
            "arib-captions.ts",
            "webvtt-styles.mp4",
            "708-window.ts",
            "new-sample.mkv"
        };
        try (Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO category (id, name) VALUES (1, 'Broadcast'), (2, 'DVB'), (3, 'General')");
            for (int test = 7; test <= 13; test++) {
                sql.execute("INSERT INTO sample (id, sha, original_name) VALUES (" + test + ", 'd" + test + "', '"
                        + names[test - 7] + "')");
                sql.execute("INSERT INTO regression_test (id, sample_id, active, expected_rc) VALUES (" + test + ", "
                        + test + ", 0, 0)");
                sql.execute("INSERT INTO regression_test_output (id, regression_id, correct_extension, `ignore`)"
                        + " VALUES (" + test * 10 + ", " + test + ", '.srt', 0)");
                // The baseline is an accepted hash of its output, as on the platform (no run here produced it).
                sql.execute("INSERT INTO regression_test_output_files (id, regression_test_output_id, file_hashes)"
                        + " VALUES (" + test * 10 + ", " + test * 10 + ", '" + hash(String.valueOf(test * 10)) + "')");
                sql.execute("INSERT INTO regression_test_category (regression_id, category_id) VALUES (" + test + ", "
                        + (test % 2 == 0 ? 2 : 1) + "), (" + test + ", 3)");
            }
            sql.execute("INSERT INTO test (id, platform, test_type, fork_id, branch, `commit`, pr_nr) VALUES ("
                    + MASTER_RUN + ", 'linux', 'commit', 1, 'master', '" + commitOf(MASTER_RUN) + "', 0), ("
                    + PULL_REQUEST_RUN + ", 'linux', 'pr', 1, 'roll-up-timing', '" + commitOf(PULL_REQUEST_RUN)
                    + "', 42)");
            for (int test = 7; test <= 13; test++) {
                if (test <= 12) {
                    sql.execute("INSERT INTO customized_test (id, test_id, regression_id) VALUES (" + (90 + test) + ", "
                            + MASTER_RUN + ", " + test + ")");
                }
                sql.execute("INSERT INTO customized_test (id, test_id, regression_id) VALUES (" + (100 + test) + ", "
                        + PULL_REQUEST_RUN + ", " + test + ")");
            }
        }
        // Test 10 fails identically: both runs got the same wrong bytes (another exit code in run 10).
        String sameBytes = hash("9-10-wrong");
        progress(connection, MASTER_RUN, "preparation", "testing", "completed");
        result(connection, MASTER_RUN, 7, 900, 0, 0);
        file(connection, MASTER_RUN, 7, 70, null);
        result(connection, MASTER_RUN, 8, 950, 0, 0);
        file(connection, MASTER_RUN, 8, 80, null);
        result(connection, MASTER_RUN, 9, 700, 0, 0);
        file(connection, MASTER_RUN, 9, 90, hash("9-9-wrong"));
        result(connection, MASTER_RUN, 10, 800, 0, 0);
        file(connection, MASTER_RUN, 10, 100, sameBytes);
        result(connection, MASTER_RUN, 11, 600, 0, 0);
        file(connection, MASTER_RUN, 11, 110, hash("9-11-wrong"));
        result(connection, MASTER_RUN, 12, 300, 0, 0);

        progress(connection, PULL_REQUEST_RUN, "preparation", "testing", "completed");
        result(connection, PULL_REQUEST_RUN, 7, 910, 0, 0);
        file(connection, PULL_REQUEST_RUN, 7, 70, null);
        result(connection, PULL_REQUEST_RUN, 8, 940, 0, 0);
        file(connection, PULL_REQUEST_RUN, 8, 80, hash("10-8-wrong"));
        result(connection, PULL_REQUEST_RUN, 9, 720, 0, 0);
        file(connection, PULL_REQUEST_RUN, 9, 90, null);
        result(connection, PULL_REQUEST_RUN, 10, 790, 1, 0);
        file(connection, PULL_REQUEST_RUN, 10, 100, sameBytes);
        result(connection, PULL_REQUEST_RUN, 11, 610, 0, 0);
        file(connection, PULL_REQUEST_RUN, 11, 110, hash("10-11-wrong"));
        result(connection, PULL_REQUEST_RUN, 12, 310, 0, 0);
        result(connection, PULL_REQUEST_RUN, 13, 500, 0, 0);
        file(connection, PULL_REQUEST_RUN, 13, 130, hash("10-13-wrong"));
    }

    /**
     * A realistic output hash (32 hex digits, as the platform's MD5 of a file) for a label: {@code "11"} is the
     * baseline of output 11, {@code "2-1-wrong"} the wrong output run 2 got for test 1.
     */
    static String hash(String label) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("MD5")
                            .digest(("sampleplatform demo " + label)
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    private static void progress(Connection connection, int run, String... statuses) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO test_progress (id, test_id, status) VALUES (?, ?, ?)")) {
            for (int i = 0; i < statuses.length; i++) {
                insert.setInt(1, run * 10 + i);
                insert.setInt(2, run);
                insert.setString(3, statuses[i]);
                insert.executeUpdate();
            }
        }
    }

    private static void result(Connection connection, int run, int test, int runtime, int exitCode, int expectedRc)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO test_result (test_id, regression_test_id, runtime, exit_code, expected_rc) VALUES (?, ?, ?, ?, ?)")) {
            insert.setInt(1, run);
            insert.setInt(2, test);
            insert.setInt(3, runtime);
            insert.setInt(4, exitCode);
            insert.setInt(5, expectedRc);
            insert.executeUpdate();
        }
    }

    private static void file(Connection connection, int run, int test, int output, String got) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO test_result_file"
                + " (test_id, regression_test_id, regression_test_output_id, expected, got) VALUES (?, ?, ?, ?, ?)")) {
            insert.setInt(1, run);
            insert.setInt(2, test);
            insert.setInt(3, output);
            // What the platform stores: the output's baseline hash (its first), or '' for the sentinel row.
            insert.setString(4, output == RunResultReader.SENTINEL_OUTPUT ? "" : hash(String.valueOf(output)));
            insert.setString(5, got);
            insert.executeUpdate();
        }
    }
}
