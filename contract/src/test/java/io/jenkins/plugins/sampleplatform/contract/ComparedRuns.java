package io.jenkins.plugins.sampleplatform.contract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Regression tests shared by several runs, written into the platform's real schema, for the comparison
 * scenarios: unlike {@link RuleRun}, whose samples belong to one run, a {@link Test} here is defined once and
 * every {@link Run} gives it its own outcome (or none). Ids come from the server's {@link RunSeed}.
 *
 * <pre>{@code
 * ComparedRuns runs = new ComparedRuns(platform);
 * ComparedRuns.Test t = runs.test().category("General").output("h1", "variant");
 * runs.writeTests();
 * int here = runs.run().result(t, r -> r.ran(0, 0).produced(0, "other")).write();
 * }</pre>
 */
final class ComparedRuns {

    private final PlatformServer platform;
    private final List<Test> tests = new ArrayList<>();
    private final Map<String, Integer> categories = new LinkedHashMap<>();
    private final int suite;

    ComparedRuns(PlatformServer platform) {
        this.platform = platform;
        this.suite = platform.seed().unusedId();
    }

    private int nextId() {
        return platform.seed().unusedId();
    }

    /** A new regression test of its own media sample: active, expecting exit code 0, no category yet. */
    Test test() {
        Test test = new Test(nextId());
        tests.add(test);
        return test;
    }

    /** The default commit of run {@code id}: 40 hexadecimal digits, {@code c0ffee} then the id. */
    static String commitOf(int id) {
        return String.format("c0ffee%034x", id);
    }

    /** A new run: linux, commit type, branch master, commit {@link #commitOf}, selecting nothing yet. */
    Run run() {
        return new Run(nextId());
    }

    /** One expected output of a test. */
    record Output(int id, String hash, boolean ignored, List<String> variants) {}

    final class Test {
        final int id;
        private boolean active = true;
        private final List<Output> outputs = new ArrayList<>();
        private final List<String> categoryNames = new ArrayList<>();

        private Test(int id) {
            this.id = id;
        }

        /** Linked to a category of this name (one category row per name and {@link ComparedRuns}). */
        Test category(String name) {
            categoryNames.add(name);
            return this;
        }

        Test inactive() {
            active = false;
            return this;
        }

        /** An expected output with this baseline hash and accepted variants. */
        Test output(String hash, String... variants) {
            outputs.add(new Output(nextId(), hash, false, List.of(variants)));
            return this;
        }

        /** An expected output the platform does not miss when it is absent. */
        Test ignoredOutput(String hash) {
            outputs.add(new Output(nextId(), hash, true, List.of()));
            return this;
        }

        int outputId(int index) {
            return outputs.get(index).id();
        }

        @Override
        public String toString() {
            return "test " + id;
        }
    }

    /** What one run recorded for one test. */
    final class Result {
        private final Test test;
        private boolean ran;
        private Integer exitCode;
        private Integer expectedRc;
        private final List<Object[]> files = new ArrayList<>();

        private Result(Test test) {
            this.test = test;
        }

        /** The result row. */
        Result ran(Integer exitCode, Integer expectedRc) {
            this.ran = true;
            this.exitCode = exitCode;
            this.expectedRc = expectedRc;
            return this;
        }

        /** The file of output {@code index}: {@code got} null is "matched the baseline". */
        Result produced(int index, String got) {
            Output output = test.outputs.get(index);
            files.add(new Object[] {output.id(), output.hash(), got});
            return this;
        }

        /** The legacy sentinel row for "no output at all": output id -1, got {@code error}. */
        Result sentinel() {
            files.add(new Object[] {-1, "", "error"});
            return this;
        }
    }

    final class Run {
        final int id;
        private String platformName = "linux";
        private String testType = "commit";
        private String branch = "master";
        private String commit;
        private int prNumber;
        private boolean selection = true;
        private final List<Result> results = new ArrayList<>();
        private final List<String> progress = new ArrayList<>();
        private int minute;

        private Run(int id) {
            this.id = id;
            this.commit = commitOf(id);
        }

        Run platform(String name) {
            this.platformName = name;
            return this;
        }

        Run branch(String name) {
            this.branch = name;
            return this;
        }

        Run commit(String sha) {
            this.commit = sha;
            return this;
        }

        /** A pull-request run: test type {@code pr}, branch {@code pull_request}. */
        Run pullRequest(int number) {
            this.testType = "pr";
            this.branch = "pull_request";
            this.prNumber = number;
            return this;
        }

        /** No {@code customized_test} rows: the platform then takes every regression test as the selection. */
        Run noSelection() {
            this.selection = false;
            return this;
        }

        /** Its progress rows are stamped from this minute of 2026-01-01 10:00 on (ordering of master runs). */
        Run at(int minute) {
            this.minute = minute;
            return this;
        }

        Run completed() {
            progress.addAll(List.of("preparation", "testing", "completed"));
            return this;
        }

        Run canceled() {
            progress.addAll(List.of("preparation", "canceled"));
            return this;
        }

        /** Selected for the run without a result: it never ran. */
        Run selects(Test... selected) {
            for (Test t : selected) {
                results.add(new Result(t));
            }
            return this;
        }

        /** Selected, with a result row built by {@code outcome}. */
        Run result(Test test, java.util.function.UnaryOperator<Result> outcome) {
            results.add(outcome.apply(new Result(test)));
            return this;
        }

        /** Writes the run in one transaction and returns its id. */
        int write() throws SQLException {
            try (Connection c = connection()) {
                c.setAutoCommit(false);
                String q = quote();
                insert(
                        c,
                        "INSERT INTO test (id, platform, test_type, token, fork_id, branch, " + q + "commit" + q
                                + ", pr_nr) VALUES (?, ?, ?, NULL, NULL, ?, ?, ?)",
                        id,
                        platformName,
                        testType,
                        branch,
                        commit,
                        prNumber);
                for (Result r : results) {
                    if (selection) {
                        insert(
                                c,
                                "INSERT INTO customized_test (id, test_id, regression_id) VALUES (?, ?, ?)",
                                nextId(),
                                id,
                                r.test.id);
                    }
                    if (!r.ran) {
                        continue;
                    }
                    insert(
                            c,
                            "INSERT INTO test_result (test_id, regression_test_id, runtime, exit_code, expected_rc)"
                                    + " VALUES (?, ?, 1000, ?, ?)",
                            id,
                            r.test.id,
                            r.exitCode,
                            r.expectedRc);
                    for (Object[] f : r.files) {
                        insert(
                                c,
                                "INSERT INTO test_result_file (test_id, regression_test_id,"
                                        + " regression_test_output_id, expected, got) VALUES (?, ?, ?, ?, ?)",
                                id,
                                r.test.id,
                                f[0],
                                f[1],
                                f[2]);
                    }
                }
                for (String status : progress) {
                    insert(
                            c,
                            "INSERT INTO test_progress (id, test_id, status, " + q + "timestamp" + q
                                    + ", message) VALUES (?, ?, ?, ?, ?)",
                            nextId(),
                            id,
                            status,
                            // text: sqlite-jdbc would store a Timestamp as epoch milliseconds (HTTP 500)
                            String.format("2026-01-01 %02d:%02d:00", 10 + minute / 60, minute % 60),
                            status);
                    minute++;
                }
                c.commit();
            }
            return id;
        }
    }

    /** Writes every test defined so far (media sample, outputs, variants, categories); call before the runs. */
    void writeTests() throws SQLException {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            String q = quote();
            for (Test t : tests) {
                insert(
                        c,
                        "INSERT INTO sample (id, sha, extension, original_name) VALUES (?, ?, 'ts', ?)",
                        t.id,
                        "sha-" + t.id,
                        "compared-" + t.id + ".ts");
                insert(
                        c,
                        "INSERT INTO regression_test (id, sample_id, command, input_type, output_type,"
                                + " expected_rc, active, description) VALUES (?, ?, '-autoprogram', 'file', 'file', 0, ?, ?)",
                        t.id,
                        t.id,
                        t.active,
                        "compared test " + t.id);
                for (String name : t.categoryNames) {
                    Integer category = categories.get(name);
                    if (category == null) {
                        category = nextId();
                        categories.put(name, category);
                        insert(
                                c,
                                "INSERT INTO category (id, name, description) VALUES (?, ?, '')",
                                category,
                                name + " " + suite);
                    }
                    insert(
                            c,
                            "INSERT INTO regression_test_category (regression_id, category_id) VALUES (?, ?)",
                            t.id,
                            category);
                }
                for (Output o : t.outputs) {
                    insert(
                            c,
                            "INSERT INTO regression_test_output (id, regression_id, correct, correct_extension,"
                                    + " expected_filename, " + q + "ignore" + q + ") VALUES (?, ?, ?, '.srt', ?, ?)",
                            o.id(),
                            t.id,
                            o.hash(),
                            "compared-" + t.id + ".srt",
                            o.ignored());
                    for (String variant : o.variants()) {
                        insert(
                                c,
                                "INSERT INTO regression_test_output_files (id, file_hashes, regression_test_output_id)"
                                        + " VALUES (?, ?, ?)",
                                nextId(),
                                variant,
                                o.id());
                    }
                }
            }
            c.commit();
        }
        tests.clear();
    }

    private Connection connection() throws SQLException {
        Connection c = platform.database().connect();
        if (platform.database().engine() == PlatformDatabase.Engine.MARIADB) {
            // The sentinel row's output id -1 has no regression_test_output row, as on the platform.
            try (Statement s = c.createStatement()) {
                s.execute("SET FOREIGN_KEY_CHECKS=0");
            }
        }
        return c;
    }

    private String quote() {
        return platform.database().engine() == PlatformDatabase.Engine.MARIADB ? "`" : "\"";
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
