package io.jenkins.plugins.sampleplatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.sampleplatform.db.DemoDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --format json}, standard output always holds one JSON object: the summary, or, when there is none,
 * {@code run_id}, {@code status}, {@code outcome} and {@code message} (a timeout, giving up, Ctrl-C).
 */
class JsonOutcomeIT {

    @TempDir
    Path home;

    private Map<String, String> environment() {
        return Map.of("XDG_DATA_HOME", home.toString());
    }

    private static JsonNode onlyObject(String stdout) throws Exception {
        assertThat(stdout.strip().lines()).hasSize(1);
        return new ObjectMapper().readTree(stdout);
    }

    @Test
    void aTimeoutWritesTheRunItsLastStatusAndTheMessage() throws Exception {
        CliProcess.Outcome outcome = CliProcess.summary(
                environment(),
                "--demo",
                "--run",
                Integer.toString(DemoDatabase.RUNNING_RUN),
                "--wait",
                "--timeout",
                "1s",
                "--poll-interval",
                "1s",
                "--format",
                "json");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.NOT_BUILT);
        JsonNode json = onlyObject(outcome.stdout());
        assertThat(json.get("run_id").asInt()).isEqualTo(DemoDatabase.RUNNING_RUN);
        assertThat(json.get("status").asText()).isEqualTo("running");
        assertThat(json.get("outcome").asText()).isEqualTo("timeout");
        assertThat(json.get("message").asText()).startsWith("Run 5 is still running after waiting");
    }

    @Test
    void anErrorWritesAnObjectToo() throws Exception {
        CliProcess.Outcome outcome = CliProcess.summary(environment(), "--demo", "--run", "99", "--format", "json");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.NO_SUMMARY);
        JsonNode json = onlyObject(outcome.stdout());
        assertThat(json.get("run_id").asInt()).isEqualTo(99);
        assertThat(json.get("status").isNull()).isTrue();
        assertThat(json.get("outcome").asText()).isEqualTo("error");
        assertThat(json.get("message").asText()).contains("Run 99 not found");
    }

    @Test
    void ctrlCWritesAnInterruptedObject() throws Exception {
        Process process = CliProcess.start(
                environment(),
                "summary",
                "--demo",
                "--run",
                Integer.toString(DemoDatabase.RUNNING_RUN),
                "--wait",
                "--poll-interval",
                "1s",
                "--format",
                "json");
        // Read standard error until the first poll's line: the wait is under way.
        StringBuilder err = new StringBuilder();
        var in = process.getErrorStream();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!err.toString().contains("Run 5 is running") && System.nanoTime() < until) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            err.append((char) b);
        }
        assertThat(err.toString()).contains("Run 5 is running");
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(ExitCodes.INTERRUPTED);
        JsonNode json = onlyObject(stdout);
        assertThat(json.get("run_id").asInt()).isEqualTo(DemoDatabase.RUNNING_RUN);
        assertThat(json.get("status").asText()).isEqualTo("running");
        assertThat(json.get("outcome").asText()).isEqualTo("interrupted");
        assertThat(json.get("message").asText())
                .isEqualTo("Interrupted while waiting for run 5 (last status running).");
    }
}
