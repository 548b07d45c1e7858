package io.jenkins.plugins.sampleplatform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.RunComparer;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * API mode against the real platform: two 10,000-sample runs on MariaDB (the platform's real DDL), served by
 * {@code platform-server}; the time of API mode's comparison of run 12 (a PR run) with run 1 beside the time of
 * the platform's own code on the same database ({@code platform-server compare --run 12 --with 1}: its
 * {@code build_state} of both runs and {@code get_info_for_pr_comment}, with the tool's boot; for scale also
 * {@code --run 13}, a run of 10 selected tests). Fails unless API mode's verdict counts equal the
 * platform's.
 *
 * <p>Data: {@link LargeRunSeeder} (10,000 tests, run 1 complete with about 10 % failing, 10 small runs), both
 * large runs with an explicit selection of every test (as every run started through the API has); run 12 is
 * run 1's results with every 20th test crashing, every third crash of run 1 fixed and every second wrong hash
 * changed, and only differing outputs have a recorded hash (no accepted variant produced). Run with {@code SAMPLE_PLATFORM_SRC=… bench/platform-compare-bench [samples]}.
 */
public final class PlatformComparisonTiming {

    private static final int JUDGED = 12;
    /** A run of 10 selected tests: the tool's boot and a small run, for scale. */
    private static final int SMALL = 13;

    private PlatformComparisonTiming() {}

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String tool = System.getProperty("platformServer", "../shared/tools/platform-server/platform-server");
        String server =
                System.getenv().getOrDefault("SAMPLEPLATFORM_BENCH_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
        String name = "sp_compare_bench_" + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection(server, "root", "");
                Statement s = admin.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        }
        Path work = Files.createTempDirectory("sp-compare-bench");
        try {
            try (Connection c = DriverManager.getConnection(server + name, "root", "")) {
                RealSchema.create(c, false);
                LargeRunSeeder.seed(c, samples, 10, 42);
                secondRun(c);
            }
            run(
                    tool,
                    work,
                    "start",
                    "--db",
                    "mysql+pymysql://root@127.0.0.1:3306/" + name,
                    "--work",
                    work.toString(),
                    "--exit-with-pid",
                    Long.toString(ProcessHandle.current().pid()));
            try {
                measure(tool, work);
            } finally {
                run(tool, work, "stop", "--work", work.toString());
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(server, "root", "");
                    Statement s = admin.createStatement()) {
                s.executeUpdate("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    private static void secondRun(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO test (id, platform, test_type, token, fork_id, branch, `commit`, pr_nr)"
                    + " VALUES (" + JUDGED + ", 'linux', 'pr', NULL, 1, 'pull_request', 'commit-pr', 7)");
            for (int run : List.of(1, JUDGED)) {
                s.executeUpdate("INSERT INTO customized_test (test_id, regression_id) SELECT " + run
                        + ", id FROM regression_test");
            }
            s.executeUpdate("INSERT INTO test_result (test_id, regression_test_id, runtime, exit_code, expected_rc)"
                    + " SELECT " + JUDGED
                    + ", regression_test_id, runtime, CASE WHEN regression_test_id % 20 = 0 THEN 139"
                    + " WHEN exit_code = 139 AND regression_test_id % 3 = 0 THEN 0 ELSE exit_code END, expected_rc"
                    + " FROM test_result WHERE test_id = 1");
            s.executeUpdate("INSERT INTO test_result_file (test_id, regression_test_id, regression_test_output_id,"
                    + " expected, got) SELECT " + JUDGED + ", regression_test_id, regression_test_output_id, expected,"
                    + " CASE WHEN got LIKE 'wrong-%' AND regression_test_id % 2 = 0 THEN CONCAT(got, '-pr') ELSE got END"
                    + " FROM test_result_file WHERE test_id = 1");
            // As on CCExtractor's platform, a produced hash is recorded for differing outputs only: an accepted
            // variant produced for every other file (LargeRunSeeder's mix) would make every artifact page a
            // page of variants (15,000 per run).
            s.executeUpdate("UPDATE test_result_file SET got = NULL WHERE got LIKE 'variant-%' AND test_id IN (1, "
                    + JUDGED + ")");
            s.executeUpdate("INSERT INTO test_progress (id, test_id, status, `timestamp`, message) SELECT MAX(id) + 1, "
                    + JUDGED + ", 'completed', '2026-01-02 10:00:00', 'bench' FROM test_progress");
            s.executeUpdate("INSERT INTO test (id, platform, test_type, token, fork_id, branch, `commit`, pr_nr)"
                    + " VALUES (" + SMALL + ", 'linux', 'pr', NULL, 1, 'pull_request', 'commit-small', 8)");
            s.executeUpdate("INSERT INTO customized_test (test_id, regression_id) SELECT " + SMALL
                    + ", id FROM regression_test WHERE id <= 10");
            s.executeUpdate("INSERT INTO test_progress (id, test_id, status, `timestamp`, message) SELECT MAX(id) + 1, "
                    + SMALL + ", 'completed', '2026-01-02 10:00:00', 'bench' FROM test_progress");
        }
    }

    private static void measure(String tool, Path work) throws Exception {
        JsonNode info = new ObjectMapper().readTree(work.resolve("server.json").toFile());
        SamplePlatformClient client = SamplePlatformClient.builder(
                        BaseUrl.parse(info.path("url").asText()),
                        SecretText.of(
                                info.path("tokens").path("runs_results_read").asText()))
                .requestTimeout(Duration.ofMinutes(10))
                .totalBudget(Duration.ofMinutes(60))
                .maxResponseBytes(64L * 1024 * 1024)
                .build();
        long start = System.nanoTime();
        ComparisonReport report = new RunComparer(client.states(true), client.references())
                .compare(JUDGED, List.of(new Reference.Run(1)));
        double apiMillis = (System.nanoTime() - start) / 1e6;

        start = System.nanoTime();
        String boot = run(tool, work, "compare", "--work", work.toString(), "--run", Integer.toString(SMALL));
        double bootMillis = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        String platform =
                run(tool, work, "compare", "--work", work.toString(), "--run", Integer.toString(JUDGED), "--with", "1");
        double platformMillis = (System.nanoTime() - start) / 1e6;

        Map<String, Integer> api = new TreeMap<>();
        Comparison comparison = report.comparisons().get(0);
        for (TestVerdict verdict : comparison.verdicts()) {
            api.put(verdict.wireValue(), comparison.count(verdict));
        }
        Map<String, Integer> expected = new TreeMap<>();
        new ObjectMapper()
                .readTree(platform)
                .path("against")
                .path("1")
                .path("counts")
                .properties()
                .forEach(e -> expected.put(e.getKey(), e.getValue().asInt()));
        System.out.printf(
                Locale.ROOT,
                "API mode, run %d against run 1: %.1f s%nplatform-server compare --run %d --with 1: %.1f s"
                        + " (for scale, --run %d, 10 selected tests that never ran: %.1f s; %d bytes)%ncounts %s%n",
                JUDGED,
                apiMillis / 1000,
                JUDGED,
                platformMillis / 1000,
                bootMillis / 1000,
                boot.length(),
                api);
        if (!api.equals(expected)) {
            throw new IllegalStateException("API mode's counts " + api + " differ from the platform's " + expected);
        }
    }

    private static String run(String tool, Path work, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out-", ".txt");
        Path err = Files.createTempFile(work, "err-", ".txt");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(err));
        }
        return Files.readString(out);
    }
}
