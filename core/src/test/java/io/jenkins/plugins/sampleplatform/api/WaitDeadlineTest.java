package io.jenkins.plugins.sampleplatform.api;

import static io.jenkins.plugins.sampleplatform.api.FakePlatform.json;
import static io.jenkins.plugins.sampleplatform.api.RunsEndpointTest.runJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.defer.Deferred;
import io.jenkins.plugins.sampleplatform.runs.BlockingWait;
import io.jenkins.plugins.sampleplatform.runs.PollSchedule;
import io.jenkins.plugins.sampleplatform.runs.RunWaiter;
import io.jenkins.plugins.sampleplatform.runs.WaitTimedOut;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The wait's deadline bounds every request made while waiting: a platform that holds its answer is cut off at
 * the deadline, not after the (much longer) request timeout. Real clock, loopback platform.
 */
class WaitDeadlineTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // the request timeout is 10 minutes: only the deadline ends it
    void aHeldAnswerIsCutAtTheWaitsDeadline() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(json(200, runJson(302, "queued", "commit")), exchange -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            List<String> log = new CopyOnWriteArrayList<>();
            BlockingWait wait = BlockingWait.onSystemClock(
                    new ClientTestSupport()
                            .client(platform.baseUrl())
                            .requestTimeout(Duration.ofMinutes(10))
                            .totalBudget(Duration.ofMinutes(20))
                            .build()
                            .runs(),
                    log::add);
            // Started after the client is built (its first build is slow on a loaded machine).
            RunWaiter waiter = RunWaiter.forRun(
                    302,
                    Clock.systemUTC().instant(),
                    Duration.ofSeconds(2),
                    new PollSchedule(Duration.ofSeconds(1), Duration.ofSeconds(1)));
            try {
                assertThatThrownBy(() -> wait.await(waiter))
                        .as("log: %s", log)
                        .isInstanceOf(WaitTimedOut.class)
                        // 2 s; 3 s when the first answer came late and the last poll, at the deadline, got its 1 s.
                        .hasMessageMatching("Run 302 is still queued after waiting [23] s; it has not finished\\.")
                        .satisfies(
                                e -> assertThat(((WaitTimedOut) e).lastStatus()).isEqualTo(RunStatus.QUEUED));
            } finally {
                release.countDown();
            }
        }
    }

    /**
     * A non-blocking poll (the plugin's) keeps both: a wait ends it with a {@link Deferred}, and the wait's deadline
     * cuts a resumed call's held answer.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // the request timeout is 10 minutes: only the deadline ends it
    void aDeferredPollKeepsTheWaitsDeadline() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(json(503, "{}"), exchange -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            SamplePlatformClient client = new ClientTestSupport()
                    .client(platform.baseUrl())
                    .requestTimeout(Duration.ofMinutes(10))
                    .totalBudget(Duration.ofMinutes(20))
                    .build();
            CallBudget call = client.newCall();
            try {
                assertThatThrownBy(() -> client.deferring(call)
                                .runs()
                                .within(Duration.ofMinutes(1))
                                .run(302))
                        .isInstanceOf(Deferred.class)
                        .satisfies(e -> assertThat(((Deferred) e).reason()).isEqualTo(Deferred.Reason.SERVER_ERROR));
                assertThatThrownBy(() -> client.deferring(call)
                                .runs()
                                .within(Duration.ofSeconds(1))
                                .run(302))
                        .isInstanceOf(ApiException.TransportFailure.class)
                        .hasMessageContaining("did not answer");
                assertThat(platform.requests()).isEqualTo(2);
            } finally {
                release.countDown();
            }
        }
    }
}
