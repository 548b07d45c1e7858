package io.jenkins.plugins.sampleplatform.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerClockTest {

    /**
     * Answers stamped by a server whose clock is {@code skewMillis} ahead of ours, truncated to the second
     * as a Date header is, arriving after a random latency of up to 200 ms.
     */
    private static long observe(ServerClock clock, long skewMillis, long seed, int answers) {
        Random random = new Random(seed);
        long local = 1_760_000_000_000L;
        for (int i = 0; i < answers; i++) {
            local += random.nextInt(700);
            long stamped = Math.floorDiv(local + skewMillis, 1000) * 1000;
            clock.observe(stamped, local + random.nextInt(200));
        }
        return clock.offsetMillis();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 7777})
    void clocksInSyncKeepAnOffsetOfZero(long seed) {
        assertThat(observe(new ServerClock(), 0, seed, 200)).as("seed %d", seed).isZero();
    }

    @ParameterizedTest(name = "skew {0} ms")
    @ValueSource(longs = {-3_600_000, -30_000, -2_500, 2_500, 30_000, 3_600_000})
    void skewIsEstimatedFromBelowWithinOneSecond(long skew) {
        long seed = new Random().nextLong();
        long estimate = observe(new ServerClock(), skew, seed, 200);
        // Never above the truth (the gate then waits a little long rather than sends early), and close to it.
        assertThat(estimate).as("skew %d, seed %d", skew, seed).isBetween(skew - 1200, skew);
    }

    @ParameterizedTest(name = "date {0} ms away")
    @ValueSource(longs = {-100_000_000_000L, 90_000_000_000L})
    void anAbsurdDateIsIgnored(long skew) {
        assertThat(observe(new ServerClock(), skew, 1, 10)).isZero();
    }
}
