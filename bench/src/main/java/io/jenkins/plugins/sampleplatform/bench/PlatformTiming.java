package io.jenkins.plugins.sampleplatform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.SampleFailure;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's own {@code GET /runs/1/summary} on the benchmark's database: starts the real platform
 * on loopback with the shared platform-server tool (the platform's tables already exist there; the tool
 * only adds its two accounts and tokens), times the summary endpoint through the project's API client,
 * reads the failure list from {@code GET /runs/1/samples?status=missing_output} and {@code ?status=fail},
 * and stops the server.
 */
final class PlatformTiming {

    /**
     * The platform's answers: the summary's median time and value, and the failure list as its two
     * filtered listings give it (one pass, timed) with at most {@code limit} entries.
     */
    record Result(double medianMillis, RunSummary summary, double failuresMillis, FailureList failures) {}

    private PlatformTiming() {}

    static Result measure(String tool, String databaseUri, int iterations, int limit) throws Exception {
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
            String url = info.path("url").asText() + "/runs/" + LargeRunSeeder.RUN + "/samples?limit=" + limit;
            String token = info.path("tokens").path("runs_read").asText();
            long start = System.nanoTime();
            JsonNode missing = get(url + "&status=missing_output", token);
            JsonNode failed = get(url + "&status=fail", token);
            double failuresMillis = (System.nanoTime() - start) / 1e6;
            return new Result(median, last[0], failuresMillis, failureList(missing, failed, limit));
        } finally {
            run(work.resolve("stop.out"), tool, "stop", "--work", work.toString());
            try (java.util.stream.Stream<Path> files = Files.walk(work)) {
                for (Path file :
                        files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static JsonNode get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofMinutes(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return new ObjectMapper().readTree(response.body());
    }

    /** The two listings as one list: missing-output items first, then failed ones, at most {@code limit}. */
    private static FailureList failureList(JsonNode missing, JsonNode failed, int limit) {
        List<SampleFailure> entries = new ArrayList<>();
        for (JsonNode listing : List.of(missing, failed)) {
            for (JsonNode item : listing.path("data")) {
                if (entries.size() == limit) {
                    break;
                }
                List<String> categories = new ArrayList<>();
                item.path("categories").forEach(c -> categories.add(c.asText()));
                List<FailedOutput> outputs = new ArrayList<>();
                for (JsonNode output : item.path("outputs")) {
                    if (output.path("status").asText().equals("fail")) {
                        outputs.add(new FailedOutput(
                                output.path("output_id").asInt(),
                                output.path("filename").asText()));
                    }
                }
                entries.add(new SampleFailure(
                        item.path("regression_test_id").asInt(),
                        item.path("sample_id").isNull()
                                ? null
                                : item.path("sample_id").asInt(),
                        item.path("sample_name").isNull()
                                ? null
                                : item.path("sample_name").asText(),
                        SampleStatus.fromWire(item.path("status").asText()),
                        item.path("exit_code").isNull()
                                ? null
                                : item.path("exit_code").asInt(),
                        item.path("expected_rc").isNull()
                                ? null
                                : item.path("expected_rc").asInt(),
                        categories,
                        outputs));
            }
        }
        return new FailureList(
                entries,
                missing.path("pagination").path("total").asInt(),
                failed.path("pagination").path("total").asInt());
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
