package io.jenkins.plugins.sampleplatform.contract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One run written row by row into the platform's real schema, for the per-sample rules of
 * {@code sample-platform-summary.md} step 4 that {@link RunSeed}'s outcomes do not reach: several outputs per
 * sample, ignored outputs, accepted variants, the sentinel ("dummy") row, inactive and unselected tests,
 * categories. Ids come from the server's {@link RunSeed}, so they never collide with other tests' rows.
 *
 * <pre>{@code
 * RuleRun run = new RuleRun(platform);
 * RuleRun.Sample a = run.sample().output("h1").ran(1, 0);   // crashed, its output never written
 * int id = run.write();
 * }</pre>
 */
final class RuleRun {

    private final PlatformServer platform;
    private final int id;
    private final List<Sample> samples = new ArrayList<>();

    RuleRun(PlatformServer platform) {
        this.platform = platform;
        this.id = platform.seed().unusedId();
    }

    int id() {
        return id;
    }

    /** A new regression test of its own media sample, active, selected for this run, expecting exit code 0. */
    Sample sample() {
        Sample sample = new Sample(platform.seed().unusedId());
        samples.add(sample);
        return sample;
    }

    /** One expected output of a sample. */
    record Output(int id, String hash, boolean ignored, List<String> variants) {}

    /** One produced file: {@code got} null is "matched". */
    private record File(int outputId, String expected, String got) {}

    final class Sample {
        final int id;
        private boolean active = true;
        private boolean selected = true;
        private final List<Output> outputs = new ArrayList<>();
        private final List<File> files = new ArrayList<>();
        private final List<String> categories = new ArrayList<>();
        private boolean ran;
        private Integer exitCode;
        private Integer expectedRc;

        private Sample(int id) {
            this.id = id;
        }

        /** The regression test is inactive (it still ran: it was selected, or deactivated later). */
        Sample inactive() {
            active = false;
            return this;
        }

        /** Not in the run's selection (a result can still exist: e.g. the selection was edited). */
        Sample unselected() {
            selected = false;
            return this;
        }

        Sample category(String name) {
            categories.add(name);
            return this;
        }

        /** An expected output with this baseline hash and accepted variants. */
        Sample output(String hash, String... variants) {
            outputs.add(new Output(platform.seed().unusedId(), hash, false, List.of(variants)));
            return this;
        }

        /** An expected output the platform ignores when it is missing (it still compares a file it gets). */
        Sample ignoredOutput(String hash) {
            outputs.add(new Output(platform.seed().unusedId(), hash, true, List.of()));
            return this;
        }

        /** The result row: the exit code and the expected one the worker recorded. */
        Sample ran(Integer exitCode, Integer expectedRc) {
            this.ran = true;
            this.exitCode = exitCode;
            this.expectedRc = expectedRc;
            return this;
        }

        /** The file of output {@code index} (in the order added): {@code got} null means it matched. */
        Sample produced(int index, String got) {
            Output output = outputs.get(index);
            files.add(new File(output.id(), output.hash(), got));
            return this;
        }

        /** The worker's sentinel row for "no output at all": output id -1, got {@code error}. */
        Sample sentinel() {
            files.add(new File(-1, "", "error"));
            return this;
        }

        /** The id of output {@code index}. */
        int outputId(int index) {
            return outputs.get(index).id();
        }
    }

    /** Writes the run (completed) in one transaction; returns its id. */
    int write() throws SQLException {
        try (Connection c = platform.database().connect()) {
            boolean mariadb = platform.database().engine() == PlatformDatabase.Engine.MARIADB;
            if (mariadb) {
                // The sentinel row's output id -1 has no regression_test_output row, as on the platform.
                try (Statement s = c.createStatement()) {
                    s.execute("SET FOREIGN_KEY_CHECKS=0");
                }
            }
            c.setAutoCommit(false);
            String q = mariadb ? "`" : "\"";
            insert(
                    c,
                    "INSERT INTO test (id, platform, test_type, token, fork_id, branch, " + q + "commit" + q
                            + ", pr_nr) VALUES (?, 'linux', 'commit', NULL, NULL, 'master', ?, 0)",
                    id,
                    "c0ffee" + id);
            for (Sample s : samples) {
                insert(
                        c,
                        "INSERT INTO sample (id, sha, extension, original_name) VALUES (?, ?, 'ts', ?)",
                        s.id,
                        "sha-" + s.id,
                        "rule-" + s.id + ".ts");
                insert(
                        c,
                        "INSERT INTO regression_test (id, sample_id, command, input_type, output_type,"
                                + " expected_rc, active, description) VALUES (?, ?, '-autoprogram', 'file', 'file', 0, ?, ?)",
                        s.id,
                        s.id,
                        s.active,
                        "rule sample " + s.id);
                for (String name : s.categories) {
                    int category = platform.seed().unusedId();
                    insert(
                            c,
                            "INSERT INTO category (id, name, description) VALUES (?, ?, '')",
                            category,
                            name + " " + category);
                    insert(
                            c,
                            "INSERT INTO regression_test_category (regression_id, category_id) VALUES (?, ?)",
                            s.id,
                            category);
                }
                for (Output o : s.outputs) {
                    insert(
                            c,
                            "INSERT INTO regression_test_output (id, regression_id, correct, correct_extension,"
                                    + " expected_filename, " + q + "ignore" + q + ") VALUES (?, ?, ?, '.srt', ?, ?)",
                            o.id(),
                            s.id,
                            o.hash(),
                            "rule-" + s.id + ".srt",
                            o.ignored());
                    for (String variant : o.variants()) {
                        insert(
                                c,
                                "INSERT INTO regression_test_output_files (id, file_hashes, regression_test_output_id)"
                                        + " VALUES (?, ?, ?)",
                                platform.seed().unusedId(),
                                variant,
                                o.id());
                    }
                }
                if (s.selected) {
                    insert(
                            c,
                            "INSERT INTO customized_test (id, test_id, regression_id) VALUES (?, ?, ?)",
                            platform.seed().unusedId(),
                            id,
                            s.id);
                }
                if (!s.ran) {
                    continue;
                }
                insert(
                        c,
                        "INSERT INTO test_result (test_id, regression_test_id, runtime, exit_code, expected_rc)"
                                + " VALUES (?, ?, 1000, ?, ?)",
                        id,
                        s.id,
                        s.exitCode,
                        s.expectedRc);
                for (File f : s.files) {
                    insert(
                            c,
                            "INSERT INTO test_result_file (test_id, regression_test_id, regression_test_output_id,"
                                    + " expected, got) VALUES (?, ?, ?, ?, ?)",
                            id,
                            s.id,
                            f.outputId(),
                            f.expected(),
                            f.got());
                }
            }
            int minute = 0;
            for (String status : List.of("preparation", "testing", "completed")) {
                insert(
                        c,
                        "INSERT INTO test_progress (id, test_id, status, " + q + "timestamp" + q
                                + ", message) VALUES (?, ?, ?, ?, ?)",
                        platform.seed().unusedId(),
                        id,
                        status,
                        String.format("2026-01-01 10:%02d:00", minute++),
                        status);
            }
            c.commit();
        }
        return id;
    }

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
