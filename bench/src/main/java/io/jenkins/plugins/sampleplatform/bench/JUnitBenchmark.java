package io.jenkins.plugins.sampleplatform.bench;

import io.jenkins.plugins.sampleplatform.api.RequestGate;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.api.SamplesServer;
import io.jenkins.plugins.sampleplatform.db.DatabaseResultSource;
import io.jenkins.plugins.sampleplatform.render.JUnitXml;
import io.jenkins.plugins.sampleplatform.render.PlatformLinks;
import io.jenkins.plugins.sampleplatform.results.ResultSource;
import io.jenkins.plugins.sampleplatform.results.RunResults;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The JUnit report's goals (issue 19): for a run of {@code samples} results on the platform's real schema
 * ({@link LargeRunSeeder}, 1,000 other runs), DB mode's listing of every result (median, statements), the JUnit
 * XML of that listing (median time and bytes allocated per render, output size), and the API's listing requests
 * for several sizes against {@code GET /runs/1/samples} served as the platform serves it (core's test fixture
 * {@code SamplesServer}). Goals: render at most 50 ms and 20 MB, DB listing at most 100 ms, exactly ceil(n/100)
 * listing requests.
 *
 * <p>Run with {@code bench/junit-bench [samples [iterations]]} (default 10000 11);
 * {@code -Dbench.engines=sqlite} leaves MariaDB out.
 */
public final class JUnitBenchmark {

    private JUnitBenchmark() {}

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        List<String> engines =
                List.of(System.getProperty("bench.engines", "sqlite,mariadb").split(","));
        RunResults listed = null;
        System.out.println(
                "| engine | with the selection | samples listed | DB listing median ms (fastest, CPU) | statements |");
        System.out.println("|---|---|---|---|---|");
        for (String engine : engines) {
            try (DbSummaryBenchmark.BenchDatabase database =
                            DbSummaryBenchmark.BenchDatabase.create(engine.strip(), samples, 1_000);
                    Connection raw = database.open()) {
                DatabaseResultSource source = new DatabaseResultSource(database.settings());
                DbSummaryBenchmark.Counted counted = DbSummaryBenchmark.counting(raw);
                RunResults results = source.results(counted.connection(), LargeRunSeeder.RUN, true);
                DbSummaryBenchmark.Timing timing =
                        DbSummaryBenchmark.time(iterations, () -> source.results(raw, LargeRunSeeder.RUN, true));
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %,d | %s | %d |%n",
                        database.engine(),
                        results.samples().size(),
                        timing,
                        counted.statements().get());
                listed = results;
            }
        }
        if (listed == null) {
            return;
        }
        RunResults results = listed;
        JUnitXml.Options options = new JUnitXml.Options(
                "linux",
                new PlatformLinks(URI.create("https://sampleplatform.ccextractor.org")),
                JUnitXml.SampleNote.NONE);
        String xml = JUnitXml.render(results, options);
        DbSummaryBenchmark.Timing render = DbSummaryBenchmark.time(iterations, () -> JUnitXml.render(results, options));
        long allocated = DbSummaryBenchmark.allocatedBy(() -> JUnitXml.render(results, options));
        System.out.printf(
                Locale.ROOT,
                "%nJUnit XML of %,d samples: %s ms per render, %.1f MB allocated, %,d characters%n%n",
                results.samples().size(),
                render,
                allocated / 1e6,
                xml.length());

        System.out.println("| results | listing requests | ceil(n/100) |");
        System.out.println("|---|---|---|");
        for (int n : new int[] {0, 1, 100, 101, 1_000, samples}) {
            try (SamplesServer server = new SamplesServer(1)) {
                for (int id = n; id >= 1; id--) {
                    server.add(id, id % 10 == 0 ? "fail" : "pass", 0, 0, (50_000 + id) + ":h" + id + ".srt:pass");
                }
                ResultSource api = SamplePlatformClient.builder(server.baseUrl(), SecretText.of("spci_bench"))
                        .requestGate(RequestGate.OPEN)
                        .totalBudget(Duration.ofMinutes(10))
                        .build()
                        .results();
                RunResults viaApi = api.results(1, false);
                if (viaApi.samples().size() != n) {
                    throw new IllegalStateException("listed " + viaApi.samples().size() + " of " + n);
                }
                System.out.printf(
                        Locale.ROOT, "| %,d | %d | %d |%n", n, server.queries.size(), Math.max(1, (n + 99) / 100));
            }
        }
    }
}
