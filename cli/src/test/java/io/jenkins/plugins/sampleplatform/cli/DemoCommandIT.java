package io.jenkins.plugins.sampleplatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.sampleplatform.db.DemoDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The README's first command, for real: the jar, the embedded demo database, each format and exit code. */
class DemoCommandIT {

    @TempDir
    Path home;

    private CliProcess.Outcome demo(String... args) throws Exception {
        return CliProcess.summary(Map.of("XDG_DATA_HOME", home.toString()), args);
    }

    @Test
    void theReadmeCommandPrintsTheVerdictOfAFailingRun() throws Exception {
        CliProcess.Outcome outcome = demo("--demo", "--run", "3");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(outcome.stdout())
                .contains(
                        "Sample Platform run 3",
                        "2 without output",
                        "1 skipped",
                        "FAILURE",
                        "2 samples produced no output");
        assertThat(outcome.stderr()).isEmpty();
        assertThat(home.resolve("sampleplatform/demo-v" + DemoDatabase.VERSION + ".db"))
                .isRegularFile();
    }

    @Test
    void theDemoRunsHaveCommitsToFindAndWaitFor() throws Exception {
        CliProcess.Outcome outcome = demo(
                "--demo",
                "--commit",
                DemoDatabase.commitOf(DemoDatabase.MISSING_OUTPUT_RUN),
                "--platform",
                "linux",
                "--wait",
                "--timeout",
                "1m");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.FAILURE);
        assertThat(outcome.stdout())
                .contains("Sample Platform run 3")
                .contains("No output: regression test 1, sample 1 \"teletext.ts\"");
        assertThat(outcome.stderr()).contains("run 3");
    }

    @ParameterizedTest(name = "demo run {0} exits {1}")
    @CsvSource({"1, 0", "2, 1", "3, 3", "5, 4", "7, 3", "8, 3"})
    void exitCodesFollowTheVerdict(int run, int exitCode) throws Exception {
        assertThat(demo("--demo", "--run", Integer.toString(run)).exitCode()).isEqualTo(exitCode);
    }

    @Test
    void jsonIsOneObjectWithTheApisFieldNames() throws Exception {
        CliProcess.Outcome outcome = demo("--demo", "--run", "2", "--format", "json", "--failures", "0");
        JsonNode json = new ObjectMapper().readTree(outcome.stdout());
        assertThat(json.isObject()).isTrue();
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly(
                        "run_id",
                        "status",
                        "total_samples",
                        "pass_count",
                        "fail_count",
                        "skipped_count",
                        "missing_output_count",
                        "error_count",
                        "duration_ms",
                        "triggered_by",
                        "result",
                        "reasons");
        assertThat(json.get("fail_count").asInt()).isEqualTo(3);
        assertThat(json.get("result").asText()).isEqualTo("UNSTABLE");
        assertThat(outcome.stdout().strip().lines()).hasSize(1);
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.UNSTABLE);
    }

    @Test
    void markdownAndHtmlRenderTheSameRun() throws Exception {
        assertThat(demo("--demo", "--run", "3", "--format", "markdown").stdout())
                .contains("|")
                .contains("FAILURE");
        String html = demo("--demo", "--run", "3", "--format", "html").stdout();
        assertThat(html).contains("<section").contains("FAILURE").doesNotContain("<script");
    }

    @Test
    void verdictFlagsChangeTheResult() throws Exception {
        assertThat(demo("--demo", "--run", "2", "--fail-threshold", "3").exitCode())
                .isEqualTo(ExitCodes.SUCCESS);
        assertThat(demo("--demo", "--run", "2", "--fail-result", "failure").exitCode())
                .isEqualTo(ExitCodes.FAILURE);
        assertThat(demo("--demo", "--run", "5", "--unfinished-result", "UNSTABLE")
                        .exitCode())
                .isEqualTo(ExitCodes.UNSTABLE);
    }

    @ParameterizedTest(name = "--run {0}")
    @CsvSource({
        "abc, not a whole number",
        "0, out of range",
        "-1, out of range",
        "2147483648, out of range",
        "'', empty"
    })
    void badRunIdsAreUsageErrors(String run, String message) throws Exception {
        CliProcess.Outcome outcome = demo("--demo", "--run", run);
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.stderr()).contains(message).contains("--help");
        assertThat(outcome.stdout()).isEmpty();
    }

    @Test
    void aRunMissingFromTheDatabaseCannotBeSummarized() throws Exception {
        CliProcess.Outcome outcome = demo("--demo", "--run", "99");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.NO_SUMMARY);
        assertThat(outcome.stderr()).contains("could not get the summary of run 99: Run 99 not found.");
    }

    @Test
    void helpListsTheExitCodes() throws Exception {
        CliProcess.Outcome outcome = demo("--help");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).contains("Exit codes:", "6  no summary could be had", "130  interrupted");
    }
}
