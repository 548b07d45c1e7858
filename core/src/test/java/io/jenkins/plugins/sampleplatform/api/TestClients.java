package io.jenkins.plugins.sampleplatform.api;

import java.time.Clock;
import java.time.Duration;

/** Test seams of the client for tests outside this package (the gate's, on driven time). */
public final class TestClients {

    /** How a test sleeps a back-off instead of the thread. */
    @FunctionalInterface
    public interface Sleep {
        void sleep(Duration wait) throws InterruptedException;
    }

    private TestClients() {}

    /** {@code builder} with its deadlines read on {@code clock} and its back-off sleeps done by {@code sleep}. */
    public static SamplePlatformClient.Builder on(SamplePlatformClient.Builder builder, Clock clock, Sleep sleep) {
        return builder.clock(clock).sleeper(sleep::sleep);
    }
}
