package io.jenkins.plugins.sampleplatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.sampleplatform.db.DemoDatabase;
import io.jenkins.plugins.sampleplatform.db.PlatformSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code summary --compare-with}, for real: the jar on the demo database and on an SQLite copy of its rows. */
class CompareCommandIT {

    private static final String MASTER_COMMIT = DemoDatabase.commitOf(DemoDatabase.MASTER_RUN);

    @TempDir
    Path home;

    private CliProcess.Outcome demo(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--demo", "--run", Integer.toString(DemoDatabase.PULL_REQUEST_RUN)));
        all.addAll(List.of(args));
        return CliProcess.summary(Map.of("XDG_DATA_HOME", home.toString()), all.toArray(String[]::new));
    }

    @Test
    void theLogSaysWhatTheChangeDidAndTheDefaultVerdictStays() throws Exception {
        CliProcess.Outcome outcome = demo("--compare-with", "master");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.FAILURE);
        assertThat(outcome.stdout())
                .contains("Compared with the tip of master: run 9, commit de00000\n"
                        + "  1 broken here, 1 fixed here, 1 failing differently, 2 failing identically, 1 unchanged"
                        + " pass, 1 no reference\n"
                        + "  - Broken here: #8 dvb-subs-hd.ts [DVB, General]\n"
                        + "  - Failing differently: #11 webvtt-styles.mp4 [Broadcast, General]\n")
                .contains("This change moves the behaviour of 2 test(s) relative to the tip of master.");
        assertThat(outcome.stderr()).isEmpty();
    }

    @Test
    void theVerdictOnChangesJudgesOnlyWhatTheChangeDid() throws Exception {
        CliProcess.Outcome outcome = demo("--compare-with", "master", "--verdict-on", "changes");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.UNSTABLE);
        assertThat(outcome.stdout())
                .contains("Verdict:      UNSTABLE\n"
                        + "    - 1 sample broken here, compared with the tip of master (run 9)\n"
                        + "    - 1 sample failing differently, compared with the tip of master (run 9)\n");
        CliProcess.Outcome lenient =
                demo("--compare-with", "master", "--verdict-on", "changes", "--fail-threshold", "1");
        assertThat(lenient.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        CliProcess.Outcome none = demo("--compare-with", "run:77", "--verdict-on", "changes");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(none.stdout())
                .contains("verdict on changes: no reference run found (run:77), so every failure was judged")
                .contains("Compared with run 77: no reference found: run 77 does not exist");
    }

    @Test
    void jsonHasOneComparisonPerReferenceEvenWithoutFailures() throws Exception {
        CliProcess.Outcome outcome = demo(
                "--compare-with", "master",
                "--compare-with", "commit:" + MASTER_COMMIT,
                "--compare-with", "run:77",
                "--format", "json",
                "--failures", "0");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.FAILURE);
        JsonNode json = new ObjectMapper().readTree(outcome.stdout());
        assertThat(json.has("failures")).isFalse();
        JsonNode comparisons = json.get("comparisons");
        assertThat(comparisons).hasSize(3);
        JsonNode master = comparisons.get(0);
        assertThat(master.get("reference").asText()).isEqualTo("master");
        assertThat(master.get("run_id").asInt()).isEqualTo(DemoDatabase.MASTER_RUN);
        assertThat(master.get("commit").asText()).isEqualTo(MASTER_COMMIT);
        assertThat(master.get("same_as").isNull()).isTrue();
        assertThat(new ObjectMapper().convertValue(master.get("counts"), Map.class))
                .isEqualTo(Map.of(
                        "broken_here", 1,
                        "fixed_here", 1,
                        "failing_differently", 1,
                        "failing_identically", 2,
                        "unchanged_pass", 1,
                        "no_reference", 1));
        JsonNode broken = master.get("tests").get("broken_here").get(0);
        assertThat(broken.get("regression_test_id").asInt()).isEqualTo(8);
        assertThat(broken.get("sample_name").asText()).isEqualTo("dvb-subs-hd.ts");
        assertThat(broken.get("categories").toString()).isEqualTo("[\"DVB\",\"General\"]");
        assertThat(master.get("tests").get("failing_identically")).hasSize(2);
        JsonNode same = comparisons.get(1);
        assertThat(same.get("reference").asText()).isEqualTo("commit:" + MASTER_COMMIT);
        assertThat(same.get("same_as").asText()).isEqualTo("master");
        assertThat(same.get("run_id").asInt()).isEqualTo(DemoDatabase.MASTER_RUN);
        JsonNode missing = comparisons.get(2);
        assertThat(missing.get("reference").asText()).isEqualTo("run:77");
        assertThat(missing.get("run_id").isNull()).isTrue();
        assertThat(missing.get("commit").isNull()).isTrue();
        assertThat(missing.get("counts").get("no_reference").asInt()).isEqualTo(7);
    }

    @Test
    void worksWithCommitAndWait() throws Exception {
        CliProcess.Outcome outcome = CliProcess.summary(
                Map.of("XDG_DATA_HOME", home.toString()),
                "--demo",
                "--commit",
                DemoDatabase.commitOf(DemoDatabase.PULL_REQUEST_RUN),
                "--platform",
                "linux",
                "--wait",
                "--timeout",
                "1m",
                "--compare-with",
                "master",
                "--verdict-on",
                "changes",
                "--format",
                "json");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.UNSTABLE);
        JsonNode json = new ObjectMapper().readTree(outcome.stdout());
        assertThat(json.get("run_id").asInt()).isEqualTo(DemoDatabase.PULL_REQUEST_RUN);
        assertThat(json.get("comparisons").get(0).get("run_id").asInt()).isEqualTo(DemoDatabase.MASTER_RUN);
        assertThat(json.has("waited_ms")).isTrue();
    }

    @Test
    void markdownAndHtmlCarryTheComparison() throws Exception {
        CliProcess.Outcome markdown = demo("--compare-with", "master", "--format", "markdown");
        assertThat(markdown.stdout())
                .contains("#### What this run changed")
                .contains("| DVB | **0/3** |")
                .contains("**Compared with the tip of master**: run 9, commit de00000")
                .contains("The diffs are on the platform: DB mode links them and shows no excerpt.");
        CliProcess.Outcome html = demo("--compare-with", "master", "--format", "html");
        assertThat(html.stdout()).contains("<section class=\"sp-compare\"").contains("data-verdict=\"broken_here\"");
        CliProcess.Outcome page = demo("--compare-with", "master", "--format", "html-page");
        assertThat(page.stdout())
                .startsWith("<!DOCTYPE html>")
                .contains("<section class=\"sp-compare\"")
                .contains("data-verdict=\"broken_here\"")
                .endsWith("</html>\n");
    }

    @Test
    void theJUnitReportSaysWhatTheChangeDidToEachFailingSample() throws Exception {
        CliProcess.Outcome junit = demo("--compare-with", "master", "--format", "junit");
        assertThat(junit.stdout())
                .contains("message=\"broken here (passes on master, run 9): failed;")
                .contains("message=\"failing identically on master (run 9): no output;")
                .contains("message=\"failing differently on master (run 9): failed;");
    }

    @Test
    void badReferencesAreUsageErrorsThatSayWhy() throws Exception {
        CliProcess.Outcome bad = demo("--compare-with", "main");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.stderr()).contains("--compare-with: Reference 'main' is not understood");
        CliProcess.Outcome shortSha = demo("--compare-with", "commit:abc");
        assertThat(shortSha.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(shortSha.stderr()).contains("is not a full commit id");
        CliProcess.Outcome previous = demo("--compare-with", "previousBuild");
        assertThat(previous.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(previous.stderr()).contains("names a Jenkins build");
        CliProcess.Outcome noReference = demo("--verdict-on", "changes");
        assertThat(noReference.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noReference.stderr()).contains("--verdict-on changes needs a reference");
        CliProcess.Outcome basis = demo("--compare-with", "master", "--verdict-on", "new");
        assertThat(basis.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(basis.stderr()).contains("--verdict-on must be absolute or changes, was 'new'");
    }

    @Test
    void anSqliteFileInDbModeGivesTheSameComparison() throws Exception {
        Path file = home.resolve("copy.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            PlatformSchema.create(connection);
            DemoDatabase.populate(connection);
        }
        CliProcess.Outcome outcome = CliProcess.summary(
                Map.of(),
                "--jdbc",
                "jdbc:sqlite:" + file,
                "--run",
                Integer.toString(DemoDatabase.PULL_REQUEST_RUN),
                "--url",
                "https://sampleplatform.example.org/api/v1",
                "--compare-with",
                "master",
                "--format",
                "json");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.FAILURE);
        JsonNode broken = new ObjectMapper()
                .readTree(outcome.stdout())
                .get("comparisons")
                .get(0)
                .get("tests")
                .get("broken_here")
                .get(0);
        assertThat(broken.get("outputs").get(0).get("diff_url").asText())
                .isEqualTo("https://sampleplatform.example.org/test/diff/10/8/80/0");
        assertThat(Files.exists(file)).isTrue();
    }
}
