package io.jenkins.plugins.sampleplatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.db.DemoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Usage errors and local faults through the real jar: one clear line, the right exit code, no secret echoed. */
class UsageAndFaultsIT {

    private static final String SECRET = "spci_should_never_show_4c1d";

    @TempDir
    Path directory;

    private CliProcess.Outcome summary(String... args) throws Exception {
        return CliProcess.summary(
                Map.of("XDG_DATA_HOME", directory.resolve("data").toString()), args);
    }

    private static void assertUsageError(CliProcess.Outcome outcome, String message) {
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.stderr()).contains(message).contains("--help").doesNotContain("Exception");
        assertThat(outcome.stdout()).isEmpty();
    }

    @Test
    void versionIsTheBuildsOwn() throws Exception {
        CliProcess.Outcome outcome = CliProcess.run(Map.of(), "--version");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        // The version, the commit (12 hexadecimal digits, or "unknown" outside a git checkout) and the build date
        // (UTC, ISO 8601, whole seconds).
        assertThat(outcome.stdout().strip())
                .matches(java.util.regex.Pattern.quote("sampleplatform " + System.getProperty("sampleplatform.version"))
                        + " \\(commit ([0-9a-f]{12}|unknown), built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)");
    }

    @ParameterizedTest(name = "{0} <secret>")
    @CsvSource({"--token, --token-file", "--db-password, --db-password-file", "--password, --db-password-file"})
    void aSecretGivenAsAnArgumentIsRefusedWithoutEchoingIt(String option, String hint) throws Exception {
        CliProcess.Outcome separate = summary("--run", "1", option, SECRET, "--verbose");
        assertUsageError(separate, hint);
        assertThat(separate.stderr()).doesNotContain(SECRET);
        CliProcess.Outcome joined = summary("--run", "1", option + "=" + SECRET, "--demo");
        assertUsageError(joined, "is not accepted");
        assertThat(joined.stderr()).doesNotContain(SECRET);
    }

    @Test
    void anEmptyTokenFileIsAUsageError() throws Exception {
        Path empty = Files.writeString(directory.resolve("token"), "\n");
        assertUsageError(
                summary("--run", "1", "--url", "http://127.0.0.1:9/api/v1", "--token-file", empty.toString()),
                "(--token-file) is empty");
    }

    @Test
    void anUnreadableTokenFileIsAUsageError() throws Exception {
        Path absent = directory.resolve("no-such-token");
        assertUsageError(
                summary("--run", "1", "--url", "http://127.0.0.1:9/api/v1", "--token-file", absent.toString()),
                "Cannot read the file given with --token-file: " + absent);
    }

    @Test
    void sourcesAreMutuallyExclusive() throws Exception {
        CliProcess.Outcome outcome = summary("--run", "1", "--demo", "--jdbc", "jdbc:sqlite:/nowhere.db");
        assertUsageError(outcome, "mutually exclusive");
    }

    @ParameterizedTest(name = "--max-wait {0}")
    @CsvSource({"abc, is not a duration", "0, must be longer than 0", "5x, is not a duration", "2d, is not a duration"})
    void badDurationsAreUsageErrors(String value, String message) throws Exception {
        assertUsageError(summary("--demo", "--run", "1", "--max-wait", value), message);
    }

    @Test
    void badVerdictOptionsAreUsageErrors() throws Exception {
        assertUsageError(summary("--demo", "--run", "1", "--fail-threshold", "-1"), "must be at least 0");
        assertUsageError(summary("--demo", "--run", "1", "--fail-result", "GREAT"), "--fail-result");
    }

    @Test
    void theCanceledResultCanBeAborted() throws Exception {
        CliProcess.Outcome outcome = summary(
                "--demo",
                "--run",
                Integer.toString(DemoDatabase.CANCELED_RUN),
                "--canceled-result",
                "ABORTED",
                "--format",
                "json");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.ABORTED);
        assertThat(outcome.stdout()).contains("\"result\":\"ABORTED\"");
    }

    @Test
    void demoDbChoosesWhereTheDemoDatabaseLives() throws Exception {
        Path file = directory.resolve("elsewhere/demo.sqlite");
        CliProcess.Outcome outcome =
                summary("--demo", "--demo-db", file.toString(), "--run", Integer.toString(DemoDatabase.PASSING_RUN));
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(file).isRegularFile();
        assertThat(directory.resolve("data")).doesNotExist();
    }

    @Test
    void aDemoDatabaseThatCannotBeCreatedIsOneLineAndNoSummary() throws Exception {
        Path blocker = Files.writeString(directory.resolve("a-file"), "not a directory");
        String[] args = {"--demo", "--demo-db", blocker.resolve("demo.db").toString(), "--run", "1"};
        CliProcess.Outcome outcome = summary(args);
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.NO_SUMMARY);
        assertThat(outcome.stderr().strip().lines()).hasSize(1);
        assertThat(outcome.stderr())
                .startsWith("sampleplatform: could not get a summary: Could not create the demo database at");
        assertThat(outcome.stdout()).isEmpty();

        String[] verbose = {"--demo", "--demo-db", blocker.resolve("demo.db").toString(), "--run", "1", "--verbose"};
        CliProcess.Outcome traced = summary(verbose);
        assertThat(traced.exitCode()).isEqualTo(ExitCodes.NO_SUMMARY);
        assertThat(traced.stderr()).contains("\tat ");
    }

    @ParameterizedTest(name = "--url {0}")
    @CsvSource({
        "ftp://host/api, must start with https://",
        "'https://me:pa55word@host/api/v1', must not contain a user name",
        "'https://host/api/v1?token=pa55word', must not have a query"
    })
    void badUrlsAreUsageErrorsThatDoNotEchoCredentials(String url, String message) throws Exception {
        CliProcess.Outcome outcome =
                CliProcess.run(Map.of("SAMPLEPLATFORM_TOKEN", SECRET), "summary", "--run", "1", "--url", url);
        assertUsageError(outcome, message);
        assertThat(outcome.stderr()).doesNotContain("pa55word").doesNotContain(SECRET);
    }
}
