package io.jenkins.plugins.sampleplatform.bench;

import io.jenkins.plugins.sampleplatform.db.DatabaseSettings;
import io.jenkins.plugins.sampleplatform.db.DatabaseSummarySource;
import io.jenkins.plugins.sampleplatform.db.PlatformSchema;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DB mode against a naive load-and-compute implementation, on SQLite and MariaDB: one run of 10,000
 * samples with three outputs each, among 1,000 other runs. Prints the median time and the statements
 * per summary, and checks that both give the same summary.
 *
 * <p>Arguments: [samples [otherRuns [iterations]]]; MariaDB from SAMPLEPLATFORM_BENCH_MARIADB_URL
 * (default jdbc:mariadb://127.0.0.1:3306/), user root, empty password unless _USER/_PASSWORD are set.
 */
public final class DbSummaryBenchmark {

    /** A connection's statement count and the connection that counts. */
    private record Counted(Connection connection, AtomicInteger statements) {}

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int otherRuns = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        System.out.printf(
                Locale.ROOT,
                "%d samples x 3 outputs in run %d, %d other runs, median of %d (naive: of 3)%n%n",
                samples,
                LargeRunSeeder.RUN,
                otherRuns,
                iterations);
        System.out.println("| engine | implementation | median ms | statements per summary |");
        System.out.println("|---|---|---|---|");

        Path dir = Files.createTempDirectory("sp-bench");
        String sqliteUrl = "jdbc:sqlite:" + dir.resolve("platform.db");
        try (Connection c = DriverManager.getConnection(sqliteUrl)) {
            PlatformSchema.create(c);
            LargeRunSeeder.seed(c, samples, otherRuns, 42);
        }
        compare("SQLite", new DatabaseSettings(sqliteUrl, null, null), iterations);

        String server = env("SAMPLEPLATFORM_BENCH_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
        String user = env("SAMPLEPLATFORM_BENCH_MARIADB_USER", "root");
        String password = env("SAMPLEPLATFORM_BENCH_MARIADB_PASSWORD", "");
        String name = "sp_bench_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(server, user, password);
                Statement sql = c.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        }
        try {
            try (Connection c = DriverManager.getConnection(server + name, user, password)) {
                PlatformSchema.create(c);
                LargeRunSeeder.seed(c, samples, otherRuns, 42);
            }
            compare(
                    "MariaDB",
                    new DatabaseSettings(
                            server + name, user, io.jenkins.plugins.sampleplatform.security.SecretText.of(password)),
                    iterations);
        } finally {
            try (Connection c = DriverManager.getConnection(server, user, password);
                    Statement sql = c.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    private static void compare(String engine, DatabaseSettings settings, int iterations) throws Exception {
        DatabaseSummarySource source = new DatabaseSummarySource(settings);
        String password =
                settings.password() == null ? null : settings.password().reveal();
        try (Connection raw = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), password)) {
            Counted counted = counting(raw);
            RunSummary fast = source.summarize(counted.connection(), LargeRunSeeder.RUN);
            int fastStatements = counted.statements().getAndSet(0);
            RunSummary naive = NaiveSummary.summarize(counted.connection(), LargeRunSeeder.RUN);
            int naiveStatements = counted.statements().getAndSet(0);
            if (!fast.equals(naive)) {
                throw new IllegalStateException(
                        engine + ": DB mode and the naive implementation disagree:\n" + fast + "\n" + naive);
            }
            double fastMedian = median(iterations, () -> source.summarize(raw, LargeRunSeeder.RUN));
            double naiveMedian = median(3, () -> NaiveSummary.summarize(raw, LargeRunSeeder.RUN));
            System.out.printf(
                    Locale.ROOT,
                    "| %s | DB mode (aggregated in SQL) | %.1f | %d |%n",
                    engine,
                    fastMedian,
                    fastStatements);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | naive (load rows, compute in Java) | %.1f | %d |%n",
                    engine,
                    naiveMedian,
                    naiveStatements);
            System.out.println("|   | summary (both) | " + fast + " | |");
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private static double median(int iterations, Body body) throws Exception {
        body.run(); // warm-up
        double[] millis = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            body.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[iterations / 2];
    }

    private static Counted counting(Connection connection) {
        AtomicInteger statements = new AtomicInteger();
        Connection proxy = (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, method, args) -> {
                    if (method.getName().startsWith("prepare")
                            || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new Counted(proxy, statements);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
