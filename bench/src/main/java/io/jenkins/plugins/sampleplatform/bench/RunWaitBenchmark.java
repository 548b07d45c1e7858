package io.jenkins.plugins.sampleplatform.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.runs.BlockingWait;
import io.jenkins.plugins.sampleplatform.runs.PollSchedule;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.runs.RunWaiter;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many requests N builds waiting on one token spend, against a loopback platform that counts every request
 * in one fixed window (120 per 60 s, as the platform does for GETs): builds arrive over the first minute, wait
 * for runs that stay {@code running}, then one run a second finishes and its build fetches its summary. Each
 * build waits with the real client (shared rate-limit gate) and the default poll schedule (10 s growing to
 * 60 s). Not a test: run by hand, see {@code bench/README.md}.
 *
 * <p>Arguments (optional): {@code builds settleSeconds}, default {@code 50 150}.
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

    private RunWaitBenchmark() {}

    public static void main(String[] args) throws Exception {
        int builds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int settleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        new RunWaitBenchmark().run(builds, settleSeconds);
    }

    private void run(int builds, int settleSeconds) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        ExecutorService serverThreads = Executors.newFixedThreadPool(8);
        server.setExecutor(serverThreads);
        server.createContext("/", this::handle);
        server.start();
        SamplePlatformClient client = SamplePlatformClient.builder(
                        BaseUrl.parse("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1"),
                        SecretText.of("spci_benchmark_token"))
                .totalBudget(Duration.ofMinutes(5))
                .build();
        for (int i = 1; i <= builds; i++) {
            finishAt.put(i, origin + settleSeconds * 1000L + i * 1000L);
        }
        ExecutorService buildThreads = Executors.newFixedThreadPool(builds);
        List<Future<RunInfo>> outcomes = new ArrayList<>();
        for (int i = 1; i <= builds; i++) {
            int runId = i;
            long arrival = origin + (long) (i - 1) * 60_000 / builds;
            outcomes.add(buildThreads.submit(() -> {
                Thread.sleep(Math.max(0, arrival - System.currentTimeMillis()));
                RunInfo done = BlockingWait.onSystemClock(client.runs(), line -> {})
                        .await(RunWaiter.forRun(runId, Instant.now(), Duration.ofHours(1), PollSchedule.DEFAULT));
                client.fetch(runId);
                return done;
            }));
        }
        int failed = 0;
        for (Future<RunInfo> outcome : outcomes) {
            try {
                outcome.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failed++;
                System.err.println(e.getCause());
            }
        }
        buildThreads.shutdownNow();
        server.stop(0);
        serverThreads.shutdownNow();
        report(builds, settleSeconds, failed);
    }

    private synchronized void report(int builds, int settleSeconds, int failed) {
        System.out.printf(
                Locale.ROOT,
                "%d builds arriving over 60 s, runs finishing one a second from %d s; server allows %d requests per 60 s%n%n",
                builds,
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
        int polls = pollsPerRun.values().stream().mapToInt(List::size).sum();
        long tooSoon = 0;
        long shortestGap = Long.MAX_VALUE;
        for (List<Long> times : pollsPerRun.values()) {
            for (int i = 1; i < times.size(); i++) {
                long gap = times.get(i) - times.get(i - 1);
                shortestGap = Math.min(shortestGap, gap);
                if (gap < 9_500) {
                    tooSoon++;
                }
            }
        }
        int refused =
                refusedPerWindow.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(
                Locale.ROOT,
                "%nbuilds failed: %d; polls: %d (%.1f per build); summaries: %d; 429 answers: %d;"
                        + " shortest gap between two polls of one build: %.1f s; gaps under 10 s: %d%n",
                failed,
                polls,
                (double) polls / builds,
                summaries.size(),
                refused,
                shortestGap / 1000.0,
                tooSoon);
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
