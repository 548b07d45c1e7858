package io.jenkins.plugins.sampleplatform.bench;

import io.jenkins.plugins.sampleplatform.api.ComparisonServer;
import io.jenkins.plugins.sampleplatform.api.RequestGate;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.RunComparer;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * API mode's comparison of two large runs on loopback ({@code ComparisonServer}, core's test fixture, answering
 * as the platform does): how many requests it takes and how long, with and without {@code results:read}.
 *
 * <p>Data: {@code samples} regression tests with three outputs each, in 8 categories; run 1 (the reference,
 * master) and run 2 (the judged PR run) each have a result for every test, about 10 % failing as in
 * {@code db-bench}: 2 % a crash exit code (outputs written and matching), 2 % an output never written, 6 % a
 * wrong hash on the second output; the other files match ({@code got} NULL). The two runs draw their outcomes
 * independently (seeded), so every verdict occurs.
 *
 * <p>Run with {@code bench/api-compare-bench [samples [iterations]]} (default 10000 5).
 */
public final class ApiComparisonBenchmark {

    private ApiComparisonBenchmark() {}

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (boolean resultsRead : List.of(true, false)) {
            try (ComparisonServer server = new ComparisonServer()) {
                seed(server, samples);
                if (!resultsRead) {
                    server.withoutResultsRead();
                }
                measure(server, samples, iterations, resultsRead);
            }
        }
    }

    private static void seed(ComparisonServer server, int samples) {
        List<String> categories = new ArrayList<>();
        for (int run = 1; run <= 2; run++) {
            Random random = new Random(run);
            ComparisonServer.Run r = run == 1 ? server.run(1) : server.run(2).pullRequest();
            for (int t = 1; t <= samples; t++) {
                categories.clear();
                categories.add("category-" + (1 + t % 8));
                r.selects(t);
                int outcome = random.nextInt(100);
                int o0 = t * 3;
                int o1 = t * 3 + 1;
                int o2 = t * 3 + 2;
                if (outcome < 2) {
                    r.result(t, "fail", 139, List.copyOf(categories), o0 + ":pass", o1 + ":pass", o2 + ":pass");
                } else if (outcome < 4) {
                    r.result(t, "missing_output", 0, List.copyOf(categories), o1 + ":pass", o2 + ":pass");
                } else if (outcome < 10) {
                    r.result(t, "fail", 0, List.copyOf(categories), o0 + ":pass", o1 + ":fail", o2 + ":pass");
                    r.produced(t, o1, "wrong-" + (random.nextBoolean() ? "a" : "b") + "-" + o1);
                } else {
                    r.result(t, "pass", 0, List.copyOf(categories), o0 + ":pass", o1 + ":pass", o2 + ":pass");
                }
            }
        }
    }

    private static void measure(ComparisonServer server, int samples, int iterations, boolean resultsRead)
            throws Exception {
        SamplePlatformClient client = SamplePlatformClient.builder(server.baseUrl(), SecretText.of("spci_bench"))
                .requestGate(RequestGate.OPEN)
                .totalBudget(Duration.ofMinutes(10))
                .maxResponseBytes(16L * 1024 * 1024)
                .build();
        List<Double> millis = new ArrayList<>();
        ComparisonReport report = null;
        int requests = 0;
        for (int i = -2; i < iterations; i++) {
            server.requests.clear();
            long start = System.nanoTime();
            report = new RunComparer(client.states(true), client.references())
                    .compare(2, List.of(new Reference.Master()));
            double elapsed = (System.nanoTime() - start) / 1e6;
            requests = server.requests.size();
            if (i >= 0) {
                millis.add(elapsed);
            }
        }
        Collections.sort(millis);
        Comparison comparison = report.comparisons().get(0);
        Map<String, Integer> counts = new TreeMap<>();
        comparison.counts().forEach((verdict, count) -> counts.put(verdict.wireValue(), count));
        Map<String, Long> byEndpoint = new TreeMap<>();
        for (String request : server.requests) {
            String path = request.split("\\?")[0].replaceAll("/\\d+", "/{id}");
            byEndpoint.merge(path, 1L, Long::sum);
        }
        System.out.printf(
                Locale.ROOT,
                "%s results:read: %d requests %s; median %.1f ms (fastest %.1f) of %d after 2 warm-ups%n  %s%n",
                resultsRead ? "with" : "without",
                requests,
                byEndpoint,
                millis.get(millis.size() / 2),
                millis.get(0),
                iterations,
                counts);
        if (comparison.run() == null || comparison.run().runId() != 1) {
            throw new IllegalStateException("master should be run 1, was " + comparison.run());
        }
        if (resultsRead && comparison.count(TestVerdict.FAILING_DIFFERENTLY) == 0) {
            throw new IllegalStateException("no failing-differently test: the data does not cover every verdict");
        }
        if (report.current().tests().size() != samples) {
            throw new IllegalStateException("expected " + samples + " states, got "
                    + report.current().tests().size());
        }
    }
}
