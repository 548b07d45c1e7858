package io.jenkins.plugins.sampleplatform.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.CallBudget;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.defer.DeferrableTask;
import io.jenkins.plugins.sampleplatform.defer.Deferred;
import io.jenkins.plugins.sampleplatform.defer.DeferringExecutor;
import io.jenkins.plugins.sampleplatform.defer.Next;
import io.jenkins.plugins.sampleplatform.runs.BlockingWait;
import io.jenkins.plugins.sampleplatform.runs.PollSchedule;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.runs.RunPoll;
import io.jenkins.plugins.sampleplatform.runs.RunWaiter;
import io.jenkins.plugins.sampleplatform.runs.WaitStep;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many requests, threads and heap N builds waiting on one token cost, against a loopback platform that counts
 * every request in one fixed window (120 per 60 s, as the platform does for GETs): builds arrive over the first
 * minute, wait for runs that stay {@code running}, then runs finish (a given number a second) and each build
 * fetches its summary once. Each build waits with the real client (shared rate-limit gate) and the default poll
 * schedule (10 s growing to 60 s), driven either the way the plugin drives it (default: core's
 * {@link DeferringExecutor}, one scheduler thread plus a pool of at most 8, the client in non-blocking mode, so a
 * waiting build holds no thread) or the earlier way ({@code blocking}: a thread per build, {@link BlockingWait}).
 * Not a test: run by hand, see {@code bench/README.md}.
 *
 * <p>Arguments (optional): {@code builds settleSeconds finishingPerSecond [blocking]}, default {@code 50 150 1}.
 */
public final class RunWaitBenchmark {

    private static final Pattern RUN = Pattern.compile(".*/runs/(\\d+)(/summary)?");
    private static final int LIMIT = 120;
    private static final long WINDOW_MILLIS = 60_000;

    private final long origin = System.currentTimeMillis();
    private final Map<Integer, Long> finishAt = new ConcurrentHashMap<>();
    private final Map<Long, Integer> acceptedPerWindow = new TreeMap<>();
    private final Map<Long, Integer> refusedPerWindow = new TreeMap<>();
    private final Map<Integer, List<Long>> pollsPerRun = new ConcurrentHashMap<>();
    private final List<Integer> summaries = new CopyOnWriteArrayList<>();
    private final AtomicInteger deferrals = new AtomicInteger();
    private final AtomicInteger failedPolls = new AtomicInteger();
    /** The machinery's threads alive at once, sampled; and the retained heap measured while every build waits. */
    private volatile int peakMachineryThreads;

    private long retainedPerBuildBytes = -1;
    private int jvmThreadsAtStart;
    private int jvmPeakThreads;
    private String threadsWhileWaiting;

    private RunWaitBenchmark() {}

    public static void main(String[] args) throws Exception {
        int builds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int settleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        double perSecond = args.length > 2 ? Double.parseDouble(args[2]) : 1;
        boolean blocking = args.length > 3 && args[3].equals("blocking");
        if (builds < 1 || settleSeconds < 1 || !(perSecond > 0)) {
            throw new IllegalArgumentException(
                    "usage: wait-bench [builds [settleSeconds [finishingPerSecond [blocking]]]]" + ", each positive");
        }
        new RunWaitBenchmark().run(builds, settleSeconds, perSecond, blocking);
    }

    private void run(int builds, int settleSeconds, double perSecond, boolean blocking) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        ExecutorService serverThreads = Executors.newFixedThreadPool(8);
        server.setExecutor(serverThreads);
        server.createContext("/", this::handle);
        server.start();
        SamplePlatformClient client = SamplePlatformClient.builder(
                        BaseUrl.parse("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1"),
                        SecretText.of("spci_benchmark_token"))
                .totalBudget(Duration.ofMinutes(10))
                .build();
        long firstFinish = origin + settleSeconds * 1000L;
        for (int i = 1; i <= builds; i++) {
            finishAt.put(i, firstFinish + (long) Math.ceil(i * 1000 / perSecond));
        }
        // Every build has arrived before the first run finishes, so the heap is measured with all of them waiting.
        long arrivalSpan = Math.max(1, Math.min(60_000, settleSeconds * 1000L - 3_000));
        // Warm up on a run of its own (left out of every count): the client's classes, caches and first connection
        // are then in the baseline, and the difference is what the waiting builds themselves retain.
        int warmUp = builds + 1;
        finishAt.put(warmUp, origin);
        RunWaiter warmWaiter = RunWaiter.forRun(warmUp, Instant.now(), Duration.ofMinutes(1), PollSchedule.DEFAULT);
        RunPoll.once(warmWaiter, client.deferring(client.newCall()).runs(), Clock.systemUTC());
        client.deferring(client.newCall()).fetch(warmUp);
        client.runs().run(warmUp);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long baseline = usedHeapAfterGc();
        jvmThreadsAtStart = threads.getThreadCount();
        threads.resetPeakThreadCount();
        Machinery machinery =
                blocking ? blocking(client, builds, arrivalSpan) : nonBlocking(client, builds, arrivalSpan);
        long measureAt = firstFinish - 500;
        while (System.currentTimeMillis() < measureAt) {
            samplePeak(machinery);
            Thread.sleep(100);
        }
        long heapWaiting = usedHeapAfterGc();
        threadsWhileWaiting = census();
        while (!machinery.finished().getAsBoolean()) {
            samplePeak(machinery);
            Thread.sleep(100);
        }
        samplePeak(machinery);
        // What the waiting builds retained: the heap while all wait, less the heap before the first arrived. An upper
        // bound: the connections opened meanwhile (up to one per pool thread) and this benchmark's own record of each
        // build's polls are counted in.
        retainedPerBuildBytes = Math.max(0, heapWaiting - baseline) / builds;
        jvmPeakThreads = threads.getPeakThreadCount();
        int failed = machinery.failures().getAsInt();
        machinery.close().run();
        server.stop(0);
        serverThreads.shutdownNow();
        report(builds, settleSeconds, perSecond, blocking, failed);
    }

    /** A driver's handles: whether every build is done, how many failed, its live threads, and how to stop it. */
    private record Machinery(
            java.util.function.BooleanSupplier finished,
            java.util.function.IntSupplier failures,
            java.util.function.IntSupplier liveThreads,
            Runnable close) {}

    private void samplePeak(Machinery machinery) {
        peakMachineryThreads =
                Math.max(peakMachineryThreads, machinery.liveThreads().getAsInt());
    }

    /** Today's plugin design: a timer thread and a bounded pool; a waiting build is a scheduled task, no thread. */
    private Machinery nonBlocking(SamplePlatformClient client, int builds, long arrivalSpan) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "bench timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        DeferringExecutor executor = new DeferringExecutor(
                "bench wait", DeferringExecutor.MAX_THREADS, DeferringExecutor.DEFAULT_IDLE, timer, Clock.systemUTC());
        CountDownLatch done = new CountDownLatch(builds);
        AtomicInteger failed = new AtomicInteger();
        for (int i = 1; i <= builds; i++) {
            Instant arrival = Instant.ofEpochMilli(origin + (i - 1) * arrivalSpan / builds);
            executor.schedule(new WaitingBuild(client, i, arrival, done, failed), arrival);
        }
        return new Machinery(
                () -> done.getCount() == 0, failed::get, () -> executor.poolThreads() + timer.getPoolSize(), () -> {
                    executor.shutdown();
                    timer.shutdownNow();
                });
    }

    /**
     * One waiting build as the plugin runs it: poll slices on the pool, each poll one call of the non-blocking
     * client (a deferred poll resumed with the same budget), then the summary as one more call.
     */
    private final class WaitingBuild implements DeferrableTask {
        private final SamplePlatformClient client;
        private final int runId;
        private final RunWaiter waiter;
        private final CountDownLatch done;
        private final AtomicInteger failed;
        private CallBudget call;
        private boolean fetching;

        WaitingBuild(
                SamplePlatformClient client, int runId, Instant arrival, CountDownLatch done, AtomicInteger failed) {
            this.client = client;
            this.runId = runId;
            this.waiter = RunWaiter.forRun(runId, arrival, Duration.ofHours(1), PollSchedule.DEFAULT);
            this.done = done;
            this.failed = failed;
        }

        @Override
        public Next run() throws Exception {
            if (!fetching) {
                if (call == null) {
                    call = client.newCall();
                }
                WaitStep step = RunPoll.once(waiter, client.deferring(call).runs(), Clock.systemUTC());
                if (step.deferred()) {
                    deferrals.incrementAndGet();
                } else {
                    call = null;
                }
                if (step.kind() == WaitStep.Kind.POLL) {
                    if (!step.deferred()) {
                        step.news().stream()
                                .filter(line -> line.startsWith("Polling failed"))
                                .forEach(line -> {
                                    failedPolls.incrementAndGet();
                                });
                    }
                    return Next.at(step.pollAt());
                }
                if (step.kind() != WaitStep.Kind.FINISHED) {
                    throw step.failure();
                }
                fetching = true;
                call = client.newCall();
            }
            client.deferring(call).fetch(runId); // a Deferred here runs this slice again, with the same call
            done.countDown();
            return Next.done();
        }

        @Override
        public void deferred(Deferred deferral) {
            deferrals.incrementAndGet();
        }

        @Override
        public void failed(Throwable failure) {
            System.err.println("run " + runId + ": " + failure);
            failed.incrementAndGet();
            done.countDown();
        }
    }

    /** The earlier design: a thread per waiting build, sleeping between polls and blocking in the gate. */
    private Machinery blocking(SamplePlatformClient client, int builds, long arrivalSpan) {
        ExecutorService buildThreads = Executors.newFixedThreadPool(builds);
        List<Future<RunInfo>> outcomes = new ArrayList<>();
        for (int i = 1; i <= builds; i++) {
            int runId = i;
            long arrival = origin + (i - 1) * arrivalSpan / builds;
            outcomes.add(buildThreads.submit(() -> {
                Thread.sleep(Math.max(0, arrival - System.currentTimeMillis()));
                RunInfo done = BlockingWait.onSystemClock(client.runs(), line -> {
                            if (line.startsWith("Polling failed")) {
                                failedPolls.incrementAndGet();
                            }
                        })
                        .await(RunWaiter.forRun(runId, Instant.now(), Duration.ofHours(1), PollSchedule.DEFAULT));
                client.fetch(runId);
                return done;
            }));
        }
        return new Machinery(
                () -> outcomes.stream().allMatch(Future::isDone),
                () -> {
                    int failed = 0;
                    for (Future<RunInfo> outcome : outcomes) {
                        try {
                            outcome.get();
                        } catch (java.util.concurrent.ExecutionException | InterruptedException e) {
                            failed++;
                            System.err.println(e.getCause());
                        }
                    }
                    return failed;
                },
                () -> ((java.util.concurrent.ThreadPoolExecutor) buildThreads).getPoolSize(),
                buildThreads::shutdownNow);
    }

    /** Live threads by name, numbers dropped: {@code bench wait ×8, HttpClient-1-Worker- ×3, ...}. */
    private static String census() {
        Map<String, Integer> byName = new TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            byName.merge(thread.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        byName.forEach((name, count) -> out.append(out.length() == 0 ? "" : ", ")
                .append(name)
                .append(" ×")
                .append(count));
        return out.toString();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private synchronized void report(int builds, int settleSeconds, double perSecond, boolean blocking, int failed) {
        System.out.printf(
                Locale.ROOT,
                "%s: %d builds arriving over the first minute, runs finishing %s a second from %d s; server allows %d"
                        + " requests per 60 s%n%n",
                blocking ? "blocking (a thread per build)" : "non-blocking (timer + bounded pool)",
                builds,
                perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond),
                settleSeconds,
                LIMIT);
        System.out.println("| minute | requests accepted | 429 answers |");
        System.out.println("|---|---|---|");
        for (long window : acceptedPerWindow.keySet()) {
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %d | %d |%n",
                    window + 1,
                    acceptedPerWindow.get(window),
                    refusedPerWindow.getOrDefault(window, 0));
        }
        pollsPerRun.remove(builds + 1);
        summaries.removeIf(run -> run == builds + 1);
        int polls = pollsPerRun.values().stream().mapToInt(List::size).sum();
        long tooSoon = 0;
        long shortestGap = Long.MAX_VALUE;
        for (List<Long> times : pollsPerRun.values()) {
            // The k-th gap of a build against the k-th interval of its schedule (10 s, 15 s, 22.5 s ... 60 s).
            Duration interval = PollSchedule.DEFAULT.first();
            for (int i = 1; i < times.size(); i++) {
                long gap = times.get(i) - times.get(i - 1);
                shortestGap = Math.min(shortestGap, gap);
                if (gap < interval.toMillis()) {
                    tooSoon++;
                }
                interval = PollSchedule.DEFAULT.next(interval);
            }
        }
        int refused =
                refusedPerWindow.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(
                Locale.ROOT,
                "%nbuilds failed: %d; polls: %d (%.1f per build); summaries: %d; 429 answers: %d;"
                        + " shortest gap between two polls of one build: %.1f s; gaps shorter than the build's"
                        + " interval: %d%n",
                failed,
                polls,
                (double) polls / builds,
                summaries.size(),
                refused,
                shortestGap / 1000.0,
                tooSoon);
        System.out.printf(
                Locale.ROOT,
                "failed polls (retried): %d; deferrals (no thread held): %d%n",
                failedPolls.get(),
                deferrals.get());
        System.out.printf(Locale.ROOT, "429 answers: %d%n", refused);
        System.out.printf(Locale.ROOT, "peak threads: %d%n", peakMachineryThreads);
        System.out.printf(
                Locale.ROOT,
                "JVM threads: %d at the start, peak %d (the loopback server's and the HttpClient's included)%n",
                jvmThreadsAtStart,
                jvmPeakThreads);
        System.out.printf(Locale.ROOT, "threads while every build waits: %s%n", threadsWhileWaiting);
        System.out.printf(
                Locale.ROOT,
                "retained per waiting build: %d KB (%d bytes)%n",
                (retainedPerBuildBytes + 1023) / 1024,
                retainedPerBuildBytes);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher matcher = RUN.matcher(exchange.getRequestURI().getPath());
            if (!matcher.matches()) {
                send(exchange, 404, "{\"code\":\"not_found\",\"message\":\"Not found.\",\"details\":{}}");
                return;
            }
            int runId = Integer.parseInt(matcher.group(1));
            boolean summary = matcher.group(2) != null;
            long now = System.currentTimeMillis();
            long window = (now - origin) / WINDOW_MILLIS;
            long resetSecond = (origin + (window + 1) * WINDOW_MILLIS + 999) / 1000;
            int used;
            boolean accepted;
            synchronized (this) {
                used = acceptedPerWindow.getOrDefault(window, 0);
                accepted = used < LIMIT;
                if (accepted) {
                    acceptedPerWindow.put(window, ++used);
                } else {
                    refusedPerWindow.merge(window, 1, Integer::sum);
                }
            }
            exchange.getResponseHeaders().set("X-RateLimit-Limit", Integer.toString(LIMIT));
            exchange.getResponseHeaders().set("X-RateLimit-Remaining", Integer.toString(LIMIT - used));
            exchange.getResponseHeaders().set("X-RateLimit-Reset", Long.toString(resetSecond));
            if (!accepted) {
                long retryAfter = Math.max(1, (resetSecond * 1000 - now + 999) / 1000);
                exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter));
                send(exchange, 429, "{\"code\":\"rate_limited\",\"message\":\"Rate limit exceeded.\",\"details\":{}}");
                return;
            }
            String status = now >= finishAt.getOrDefault(runId, Long.MAX_VALUE) ? "pass" : "running";
            if (summary) {
                summaries.add(runId);
                send(
                        exchange,
                        200,
                        "{\"run_id\":" + runId + ",\"status\":\"" + status + "\",\"total_samples\":12,"
                                + "\"pass_count\":12,\"fail_count\":0,\"skipped_count\":0,\"missing_output_count\":0,"
                                + "\"error_count\":0,\"duration_ms\":1500}");
            } else {
                pollsPerRun
                        .computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>())
                        .add(now);
                send(
                        exchange,
                        200,
                        "{\"run_id\":" + runId + ",\"status\":\"" + status + "\",\"platform\":\"linux\","
                                + "\"test_type\":\"commit\",\"repository\":\"CCExtractor/ccextractor\"}");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
