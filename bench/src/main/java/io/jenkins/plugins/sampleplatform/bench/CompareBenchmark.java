package io.jenkins.plugins.sampleplatform.bench;

import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.RunState;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import io.jenkins.plugins.sampleplatform.db.DatabaseComparisonSource;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * DB mode's comparison of two large runs on the platform's real schema (bench/README.md): run 1 against the tip
 * of master, another run; N samples each (about 10 % failing) among M other runs of 10 results, on SQLite and MariaDB. Times,
 * on an open connection, what {@code summary --compare-with master} adds: resolving the tip of master, reading
 * both runs' states and classifying every test (median of the iterations after a warm-up, fastest, the CPU
 * time of this thread, statements prepared).
 *
 * <p>Arguments: {@code [samples,... [otherRuns [iterations]]]}, default {@code 10000 1000 11}.
 */
public final class CompareBenchmark {

    private CompareBenchmark() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip()))
                .toArray();
        int others = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 11;
        List<String> engines =
                List.of(System.getProperty("bench.engines", "sqlite,mariadb").split(","));
        System.out.printf(
                Locale.ROOT,
                "Real platform schema; two runs of N samples x 3 outputs (about 10 %% failing) among %d other runs;"
                        + " median of %d on a warm connection%n%n",
                others,
                iterations);
        System.out.println("| engine | samples N | compare with master: median ms (fastest, CPU of this thread)"
                + " | per 1,000 samples | statements | verdict counts |");
        System.out.println("|---|---|---|---|---|---|");
        for (String engine : engines) {
            for (int samples : sizes) {
                try (DbSummaryBenchmark.BenchDatabase database =
                        DbSummaryBenchmark.BenchDatabase.create(engine.strip(), samples, others)) {
                    // The second large run completes last, so it is the tip of master for run 1.
                    int tip = others + 2;
                    try (Connection c = database.open()) {
                        LargeRunSeeder.addLargeRun(c, tip, samples, 4242);
                    }
                    measure(database, samples, tip, iterations);
                }
            }
        }
    }

    private static void measure(DbSummaryBenchmark.BenchDatabase database, int samples, int tip, int iterations)
            throws Exception {
        try (Connection connection = database.open()) {
            DbSummaryBenchmark.Counted counted = DbSummaryBenchmark.counting(connection);
            Comparison[] last = new Comparison[1];
            DbSummaryBenchmark.Timing timing = DbSummaryBenchmark.time(iterations, () -> {
                last[0] = compare(database, counted.connection());
            });
            counted.statements().set(0);
            last[0] = compare(database, counted.connection());
            int statements = counted.statements().get();
            if (last[0].run().runId() != tip) {
                throw new IllegalStateException("the tip of master should be run " + tip + ", was " + last[0].run());
            }
            String counts = last[0].counts().entrySet().stream()
                    .map(e -> e.getKey().wireValue() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %,d | %s | %.1f | %d | %s |%n",
                    database.engine(),
                    samples,
                    timing,
                    timing.median() / samples * 1000,
                    statements,
                    counts);
            if (last[0].count(TestVerdict.NO_REFERENCE) != 0) {
                throw new IllegalStateException("both runs cover every test: " + counts);
            }
        }
    }

    /** What the command line does for one reference, on one connection: resolve, read both states, classify. */
    private static Comparison compare(DbSummaryBenchmark.BenchDatabase database, Connection connection)
            throws Exception {
        DatabaseComparisonSource source = new DatabaseComparisonSource(database.settings());
        RunState current = source.state(connection, LargeRunSeeder.RUN);
        var reference = source.resolve(connection, new Reference.Master(), current.run())
                .orElseThrow();
        return Comparison.of(new Reference.Master(), current, source.state(connection, reference.runId()));
    }
}
