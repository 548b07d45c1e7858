package io.jenkins.plugins.sampleplatform.bench;

import io.jenkins.plugins.sampleplatform.api.RequestGate;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.api.SamplesServer;
import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.FailureSource;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The failure list through the API for a large run: {@code GET /runs/1/samples} on loopback, served the way
 * the platform serves it (every result of the run serialized, filtered by status in memory, then paged;
 * core's test fixture {@code SamplesServer}), for a run of {@code samples} results of which 10 % fail
 * (1 in 10 of those without output). Times the client's {@code failures(1, limit)} for the plugin's limit
 * (100), the command line's text default (10) and its JSON default (all), and counts the requests each makes.
 *
 * <p>Run with {@code bench/failures-bench [samples [iterations]]} (default 10000 7).
 */
public final class FailureListBenchmark {

    private FailureListBenchmark() {}

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        try (SamplesServer server = new SamplesServer(1)) {
            int failing = 0;
            int missing = 0;
            for (int id = 1; id <= samples; id++) {
                if (id % 10 != 0) {
                    server.add(id, "pass", 0, 0, (50_000 + id) + ":h" + id + ".srt:pass");
                } else if (id % 100 == 0) {
                    missing++;
                    server.add(id, "missing_output", 139, 0);
                } else {
                    failing++;
                    server.add(
                            id,
                            "fail",
                            id % 30 == 0 ? 1 : 0,
                            0,
                            (50_000 + id) + ":h" + id + ".srt:fail",
                            (60_000 + id) + ":g" + id + ".txt:pass");
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "run of %,d results: %,d failed, %,d without output; %d timed calls each after 2 warm-ups%n%n",
                    samples,
                    failing,
                    missing,
                    iterations);
            FailureSource source = SamplePlatformClient.builder(server.baseUrl(), SecretText.of("spci_bench"))
                    .requestGate(RequestGate.OPEN)
                    .totalBudget(Duration.ofMinutes(10))
                    .requestTimeout(Duration.ofMinutes(2))
                    .build()
                    .failures();
            System.out.println("| call | used by | requests | entries | total | median | slowest |");
            System.out.println("|---|---|---|---|---|---|---|");
            measure(server, source, 10, "command line, text (default)", iterations);
            measure(server, source, 100, "plugin (log 10, panel 50, step value 100)", iterations);
            measure(server, source, Integer.MAX_VALUE, "command line, JSON (default: all)", iterations);
        }
    }

    private static void measure(SamplesServer server, FailureSource source, int limit, String usedBy, int iterations)
            throws Exception {
        for (int i = 0; i < 2; i++) {
            source.failures(1, limit);
        }
        List<Long> nanos = new ArrayList<>();
        FailureList list = null;
        int requests = 0;
        for (int i = 0; i < iterations; i++) {
            int before = server.queries.size();
            long start = System.nanoTime();
            list = source.failures(1, limit);
            nanos.add(System.nanoTime() - start);
            requests = server.queries.size() - before;
        }
        Collections.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "| `failures(1, %s)` | %s | %d | %,d | %,d | %.0f ms | %.0f ms |%n",
                limit == Integer.MAX_VALUE ? "all" : String.valueOf(limit),
                usedBy,
                requests,
                list.entries().size(),
                list.total(),
                nanos.get(nanos.size() / 2) / 1e6,
                nanos.get(nanos.size() - 1) / 1e6);
    }
}
