package io.jenkins.plugins.sampleplatform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's own {@code GET /runs/1/summary} on the benchmark's database: starts the real platform
 * on loopback with the shared platform-server tool (the platform's tables already exist there; the tool
 * only adds its two accounts and tokens), times the endpoint through the project's API client and stops
 * the server.
 */
final class PlatformTiming {

    record Result(double medianMillis, RunSummary summary) {}

    private PlatformTiming() {}

    static Result measure(String tool, String databaseUri, int iterations) throws Exception {
        Path work = Files.createTempDirectory("sp-bench-platform");
        run(
                work.resolve("start.out"),
                tool,
                "start",
                "--db",
                databaseUri,
                "--work",
                work.toString(),
                "--exit-with-pid",
                Long.toString(ProcessHandle.current().pid()));
        try {
            JsonNode info =
                    new ObjectMapper().readTree(work.resolve("server.json").toFile());
            SamplePlatformClient client = SamplePlatformClient.builder(
                            BaseUrl.parse(info.path("url").asText()),
                            SecretText.of(info.path("tokens").path("runs_read").asText()))
                    .requestTimeout(Duration.ofMinutes(10))
                    .totalBudget(Duration.ofMinutes(30))
                    .maxAttempts(1)
                    .build();
            RunSummary[] last = new RunSummary[1];
            double median = DbSummaryBenchmark.median(iterations, () -> last[0] = client.fetch(LargeRunSeeder.RUN));
            return new Result(median, last[0]);
        } finally {
            run(work.resolve("stop.out"), tool, "stop", "--work", work.toString());
        }
    }

    private static void run(Path out, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(out));
        }
    }
}
