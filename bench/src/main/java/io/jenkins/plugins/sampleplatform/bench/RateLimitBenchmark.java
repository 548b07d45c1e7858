package io.jenkins.plugins.sampleplatform.bench;

import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.RequestGate;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.api.ratelimit.FixedWindowServer;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.SummarySource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * N concurrent summaries against a loopback server allowing {@code limit} per fixed window: the client with
 * the shared rate-limit gate (its default) side by side with the same client without it
 * ({@link RequestGate#OPEN}: each caller backs off on its own). Not a test: run by hand, see
 * {@code bench/RATELIMIT.md}.
 *
 * <p>Arguments (all optional): {@code requests limit windowSeconds rounds}, default {@code 100 10 1 3}.
 */
public final class RateLimitBenchmark {

    private static final Duration BUDGET = Duration.ofMinutes(5);

    private RateLimitBenchmark() {}

    /** One run's figures. */
    private record Result(
            String mode,
            int requests,
            int succeeded,
            Duration total,
            double ratio,
            int refused,
            int mostRefusedInOneWindow,
            int windowsWithRefusals) {

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %d/%d | %.2f s | %.3f | %d | %d | %d |",
                    mode,
                    requests,
                    succeeded,
                    requests,
                    total.toMillis() / 1000.0,
                    ratio,
                    refused,
                    mostRefusedInOneWindow,
                    windowsWithRefusals);
        }
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int windowSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Duration minimum = Duration.ofSeconds((long) (Math.ceil((double) requests / limit) - 1) * windowSeconds);
        System.out.printf(
                Locale.ROOT,
                "%d concurrent summaries, server allows %d per %d s fixed window; theoretical minimum %d s%n%n",
                requests,
                limit,
                windowSeconds,
                minimum.toSeconds());
        System.out.println(
                "| client | requests | succeeded | total time | total / minimum | 429 answers | most 429 in one window | windows with a 429 |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int round = 1; round <= rounds; round++) {
            System.out.println(run("shared gate (default)", requests, limit, windowSeconds, minimum, builder -> builder)
                    .row());
            System.out.println(run(
                            "no gate (RequestGate.OPEN)",
                            requests,
                            limit,
                            windowSeconds,
                            minimum,
                            builder -> builder.requestGate(RequestGate.OPEN))
                    .row());
        }
    }

    private static Result run(
            String mode,
            int requests,
            int limit,
            int windowSeconds,
            Duration minimum,
            Function<SamplePlatformClient.Builder, SamplePlatformClient.Builder> configure)
            throws Exception {
        try (FixedWindowServer server = FixedWindowServer.start(limit, Duration.ofSeconds(windowSeconds))) {
            // A fresh port per run, hence a fresh shared gate: runs do not learn from each other.
            SummarySource client = configure
                    .apply(SamplePlatformClient.builder(
                                    BaseUrl.parse(server.baseUri().toString()), SecretText.of("spci_benchmark_token"))
                            .totalBudget(BUDGET))
                    .build();
            ExecutorService callers = Executors.newFixedThreadPool(requests);
            try {
                CountDownLatch ready = new CountDownLatch(requests);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int i = 1; i <= requests; i++) {
                    int runId = i;
                    outcomes.add(callers.submit(() -> {
                        ready.countDown();
                        go.await();
                        return client.fetch(runId).runId() == runId;
                    }));
                }
                ready.await();
                Thread.sleep(server.millisToNextWindow() + 5); // every run starts 5 ms into a window
                long start = System.nanoTime();
                go.countDown();
                int succeeded = 0;
                for (Future<Boolean> outcome : outcomes) {
                    try {
                        succeeded += outcome.get() ? 1 : 0;
                    } catch (java.util.concurrent.ExecutionException e) {
                        System.err.println(mode + ": " + e.getCause());
                    }
                }
                Duration total = Duration.ofNanos(System.nanoTime() - start);
                double ratio = minimum.isZero() ? Double.NaN : (double) total.toNanos() / minimum.toNanos();
                return new Result(
                        mode,
                        requests,
                        succeeded,
                        total,
                        ratio,
                        server.refused(),
                        server.mostRefusedInOneWindow(),
                        server.windowsWithRefusals());
            } finally {
                callers.shutdownNow();
            }
        }
    }
}
