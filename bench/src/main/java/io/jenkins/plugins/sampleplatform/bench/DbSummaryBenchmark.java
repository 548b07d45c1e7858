package io.jenkins.plugins.sampleplatform.bench;

import io.jenkins.plugins.sampleplatform.db.DatabaseFailureSource;
import io.jenkins.plugins.sampleplatform.db.DatabaseSettings;
import io.jenkins.plugins.sampleplatform.db.DatabaseSummarySource;
import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DB mode on the platform's real schema ({@link RealSchema}: only the indexes the platform's own models
 * create), on SQLite and MariaDB: run 1 with N samples and three outputs each, among M other runs of 10
 * results. For each size it prints DB mode's median time, its statements and the bytes it allocates
 * per summary; it checks the summary against {@link NaiveSummary} (timed once) up to a size; and, when
 * the platform-server tool and a platform snapshot are given, it times the platform's own
 * {@code GET /runs/1/summary} on the same database and checks that it gives the same numbers.
 *
 * <p>Arguments: [samples,... [otherRuns,... [iterations]]] (default 10000 1000 7). System properties:
 * {@code bench.naiveUpTo} (default 10000: larger runs skip the naive check, which scans tables per
 * row on SQLite), {@code bench.platformServer} (path of ../shared/tools/platform-server/platform-server;
 * needs SAMPLE_PLATFORM_SRC), {@code bench.platformSamples} (default 10000: the sizes timed on the
 * platform too), {@code bench.engines} (default sqlite,mariadb). MariaDB from
 * SAMPLEPLATFORM_BENCH_MARIADB_URL (default jdbc:mariadb://127.0.0.1:3306/), user root, empty password
 * unless _USER/_PASSWORD are set.
 */
public final class DbSummaryBenchmark {

    /** A connection's statement count and the connection that counts. */
    record Counted(Connection connection, AtomicInteger statements) {}

    /** Entries of the failure list, as the platform's listing pages at most. */
    private static final int LIMIT = 100;

    private static final List<String> FAILURE_ROWS = new ArrayList<>();

    private static final String SERVER = env("SAMPLEPLATFORM_BENCH_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String USER = env("SAMPLEPLATFORM_BENCH_MARIADB_USER", "root");
    private static final String PASSWORD = env("SAMPLEPLATFORM_BENCH_MARIADB_PASSWORD", "");

    public static void main(String[] args) throws Exception {
        int[] sizes = ints(args.length > 0 ? args[0] : "10000");
        int[] otherRuns = ints(args.length > 1 ? args[1] : "1000");
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        int naiveUpTo = Integer.getInteger("bench.naiveUpTo", 10_000);
        String platformServer = System.getProperty("bench.platformServer");
        List<Integer> platformSizes = Arrays.stream(ints(System.getProperty("bench.platformSamples", "10000")))
                .boxed()
                .toList();
        List<String> engines =
                List.of(System.getProperty("bench.engines", "sqlite,mariadb").split(","));

        System.out.printf(
                Locale.ROOT,
                "Real platform schema; run %d with N samples x 3 outputs among M other runs of 10 results;"
                        + " DB mode median of %d on a warm connection%n%n",
                LargeRunSeeder.RUN,
                iterations);
        System.out.println(
                "| engine | samples N | other runs M | DB mode median ms (fastest, CPU of this thread) | statements | allocated per summary"
                        + " | naive (once) ms, statements | platform /summary median ms | summary |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String engine : engines) {
            for (int samples : sizes) {
                for (int others : otherRuns) {
                    try (BenchDatabase database = BenchDatabase.create(engine.strip(), samples, others)) {
                        measure(
                                database,
                                samples,
                                others,
                                iterations,
                                samples <= naiveUpTo,
                                platformServer != null && platformSizes.contains(samples) ? platformServer : null);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nFailure list (limit %d), DB mode median of %d%n%n", LIMIT, iterations);
        System.out.println(
                "| engine | samples N | other runs M | DB mode median ms (fastest, CPU of this thread) | statements | entries"
                        + " | platform ?status=missing_output + ?status=fail ms (once) |");
        System.out.println("|---|---|---|---|---|---|---|");
        FAILURE_ROWS.forEach(System.out::println);
    }

    private static void measure(
            BenchDatabase database, int samples, int others, int iterations, boolean naive, String platformServer)
            throws Exception {
        DatabaseSummarySource source = new DatabaseSummarySource(database.settings());
        try (Connection raw = database.open()) {
            Counted counted = counting(raw);
            RunSummary fast = source.summarize(counted.connection(), LargeRunSeeder.RUN);
            int fastStatements = counted.statements().getAndSet(0);
            Timing fastMedian = time(iterations, () -> source.summarize(raw, LargeRunSeeder.RUN));
            long allocated = allocatedBy(() -> source.summarize(raw, LargeRunSeeder.RUN));
            String naiveColumn = "not run";
            if (naive) {
                long start = System.nanoTime();
                RunSummary slow = NaiveSummary.summarize(counted.connection(), LargeRunSeeder.RUN);
                double millis = (System.nanoTime() - start) / 1e6;
                int naiveStatements = counted.statements().getAndSet(0);
                same("the naive implementation", fast, slow);
                naiveColumn = String.format(Locale.ROOT, "%,.0f ms, %,d", millis, naiveStatements);
            }
            DatabaseFailureSource failureSource = new DatabaseFailureSource(database.settings());
            FailureList failures = failureSource.failures(counted.connection(), LargeRunSeeder.RUN, LIMIT);
            int failureStatements = counted.statements().getAndSet(0);
            Timing failuresMedian = time(iterations, () -> failureSource.failures(raw, LargeRunSeeder.RUN, LIMIT));
            if (failures.failTotal() != fast.failCount()
                    || failures.missingOutputTotal() != fast.missingOutputCount()) {
                throw new IllegalStateException("The failure list's totals disagree with the summary: " + failures);
            }
            String platformColumn = "not run";
            String platformFailures = "not run";
            if (platformServer != null) {
                PlatformTiming.Result platform =
                        PlatformTiming.measure(platformServer, database.platformUri(), 3, LIMIT);
                same("the platform's own endpoint", fast, platform.summary());
                if (!failures.equals(platform.failures())) {
                    throw new IllegalStateException("DB mode's failure list and the platform's disagree:\n" + failures
                            + "\n" + platform.failures());
                }
                platformColumn = String.format(Locale.ROOT, "%,.0f", platform.medianMillis());
                platformFailures = String.format(Locale.ROOT, "%,.0f", platform.failuresMillis());
            }
            FAILURE_ROWS.add(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,d | %s | %d | %d listed of %d (%d missing, %d fail) | %s |",
                    database.engine(),
                    samples,
                    others,
                    failuresMedian,
                    failureStatements,
                    failures.entries().size(),
                    failures.total(),
                    failures.missingOutputTotal(),
                    failures.failTotal(),
                    platformFailures));
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %,d | %,d | %s | %d | %,.1f MB | %s | %s | %d selected, %d pass, %d fail, %d missing,"
                            + " %d errors |%n",
                    database.engine(),
                    samples,
                    others,
                    fastMedian,
                    fastStatements,
                    allocated / 1e6,
                    naiveColumn,
                    platformColumn,
                    fast.totalSamples(),
                    fast.passCount(),
                    fast.failCount(),
                    fast.missingOutputCount(),
                    fast.errorCount());
        }
    }

    private static void same(String what, RunSummary expected, RunSummary actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("DB mode and " + what + " disagree:\n" + expected + "\n" + actual);
        }
    }

    interface Body {
        void run() throws Exception;
    }

    /** Median wall time, fastest wall time and median CPU time of this thread, in ms. */
    record Timing(double median, double fastest, double cpu) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f (fastest %.1f, CPU %.1f)", median, fastest, cpu);
        }
    }

    static double median(int iterations, Body body) throws Exception {
        return time(iterations, body).median();
    }

    /** Runs {@code body} once to warm up, then {@code iterations} times. */
    static Timing time(int iterations, Body body) throws Exception {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        body.run(); // warm-up
        double[] millis = new double[iterations];
        double[] cpu = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            body.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        Arrays.sort(cpu);
        return new Timing(sorted[iterations / 2], sorted[0], cpu[iterations / 2]);
    }

    /** The bytes this thread allocates while {@code body} runs (HotSpot's per-thread counter). */
    private static long allocatedBy(Body body) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        body.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }

    static Counted counting(Connection connection) {
        AtomicInteger statements = new AtomicInteger();
        Connection proxy = (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, method, args) -> {
                    if (method.getName().startsWith("prepare")
                            || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new Counted(proxy, statements);
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(","))
                .mapToInt(s -> Integer.parseInt(s.strip()))
                .toArray();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A seeded database of the real schema on one engine, removed on close. */
    record BenchDatabase(String engine, DatabaseSettings settings, String platformUri, Path file, String name)
            implements AutoCloseable {

        static BenchDatabase create(String engine, int samples, int others) throws Exception {
            if (engine.equals("sqlite")) {
                Path file = Files.createTempDirectory("sp-bench").resolve("platform.sqlite");
                String url = "jdbc:sqlite:" + file;
                try (Connection c = DriverManager.getConnection(url)) {
                    RealSchema.create(c, true);
                    LargeRunSeeder.seed(c, samples, others, 42);
                }
                return new BenchDatabase(
                        "SQLite", new DatabaseSettings(url, null, null), "sqlite:///" + file, file, null);
            }
            String name = "sp_bench_" + ProcessHandle.current().pid() + "_" + samples + "_" + others;
            try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD);
                    Statement sql = c.createStatement()) {
                sql.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
            }
            try (Connection c = DriverManager.getConnection(SERVER + name, USER, PASSWORD)) {
                RealSchema.create(c, false);
                LargeRunSeeder.seed(c, samples, others, 42);
            } catch (Exception | Error e) {
                try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD);
                        Statement sql = c.createStatement()) {
                    sql.execute("DROP DATABASE IF EXISTS " + name);
                }
                throw e;
            }
            String host = SERVER.replaceFirst("^jdbc:(mariadb|mysql)://", "").replaceFirst("/.*$", "");
            String uri =
                    "mysql+pymysql://" + USER + (PASSWORD.isEmpty() ? "" : ":" + PASSWORD) + "@" + host + "/" + name;
            return new BenchDatabase(
                    "MariaDB", new DatabaseSettings(SERVER + name, USER, SecretText.of(PASSWORD)), uri, null, name);
        }

        Connection open() throws Exception {
            String password =
                    settings.password() == null ? null : settings.password().reveal();
            return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), password);
        }

        @Override
        public void close() throws Exception {
            if (name != null) {
                try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD);
                        Statement sql = c.createStatement()) {
                    sql.execute("DROP DATABASE IF EXISTS " + name);
                }
            } else {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
            }
        }
    }
}
