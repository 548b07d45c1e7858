package io.jenkins.plugins.sampleplatform.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/** Callers on their own threads, answers' headers, and waiting for a condition with a generous bound. */
final class GateTestSupport {

    private GateTestSupport() {}

    /** A caller of {@link WindowGate#acquire} on its own thread; {@link #result} completes when it returns. */
    static final class Caller {
        final CompletableFuture<Boolean> result = new CompletableFuture<>();
        final Thread thread;

        Caller(WindowGate gate, Instant deadline) {
            thread = new Thread(
                    () -> {
                        try {
                            result.complete(gate.acquire(deadline));
                        } catch (Throwable e) {
                            result.completeExceptionally(e);
                        }
                    },
                    "gate-caller");
            thread.setDaemon(true);
            thread.start();
        }

        boolean admitted() {
            return result.isDone() && Boolean.TRUE.equals(result.getNow(false));
        }
    }

    /** Starts a caller and waits until it stands in line, so that arrival order is known. */
    static Caller queuedCaller(WindowGate gate, Instant deadline) {
        int before = gate.waiting();
        Caller caller = new Caller(gate, deadline);
        eventually(() -> gate.waiting() == before + 1, "caller queued behind " + before + " others; gate: " + gate);
        return caller;
    }

    /** Waits up to 10 s (real time) for {@code condition}. */
    static void eventually(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - end)
                    .as("timed out waiting for: " + what)
                    .isNegative();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Lets gate threads run a little, for checks that something did NOT happen. */
    static void settle() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Headers of an answer stamped {@code date}, from name/value pairs. */
    static HttpHeaders headers(Instant date, String... nameValues) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("Date", List.of(DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC))));
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    /** Headers of an answer reporting the window: limit, remaining and reset (Unix seconds). */
    static HttpHeaders window(Instant date, int limit, int remaining, long resetEpochSecond) {
        return headers(
                date,
                "X-RateLimit-Limit",
                Integer.toString(limit),
                "X-RateLimit-Remaining",
                Integer.toString(remaining),
                "X-RateLimit-Reset",
                Long.toString(resetEpochSecond));
    }
}
