package io.jenkins.plugins.sampleplatform.api;

import static io.jenkins.plugins.sampleplatform.api.FakePlatform.json;
import static io.jenkins.plugins.sampleplatform.api.RunsEndpointTest.SHA;
import static io.jenkins.plugins.sampleplatform.api.RunsEndpointTest.page;
import static io.jenkins.plugins.sampleplatform.api.RunsEndpointTest.runJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.runs.BlockingWait;
import io.jenkins.plugins.sampleplatform.runs.PollSchedule;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.runs.RunQuery;
import io.jenkins.plugins.sampleplatform.runs.RunWaiter;
import io.jenkins.plugins.sampleplatform.runs.WaitTimedOut;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The whole wait against a loopback platform, on a fake clock that the sleeper moves forward: each branch of
 * a wait with the real client (transport, gate, retries) under it.
 */
class WaitOnLoopbackTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private final ClientTestSupport support = new ClientTestSupport();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Instant> sleptUntil = new CopyOnWriteArrayList<>();
    private Instant now = T0;

    private BlockingWait waitOn(FakePlatform platform) {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new BlockingWait(
                // The client's own waits (a 429's hold, a back-off) on simulated time too: nothing waits for real.
                support.simulated(platform.baseUrl()).build().runs(),
                clock,
                when -> {
                    sleptUntil.add(when);
                    now = when;
                },
                log::add);
    }

    @Test
    void queuedRunningThenPassPollsOnlyTheLightEndpoint() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(
                    json(200, runJson(42, "queued", "commit")),
                    json(200, runJson(42, "running", "commit")),
                    json(200, runJson(42, "running", "commit")),
                    json(200, runJson(42, "pass", "commit")));
            RunInfo run = waitOn(platform).await(RunWaiter.forRun(42, T0, Duration.ofHours(2), PollSchedule.DEFAULT));
            assertThat(run.status()).isEqualTo(RunStatus.PASS);
            assertThat(platform.paths).hasSize(4).allMatch("/api/v1/runs/42"::equals);
            assertThat(sleptUntil).containsExactly(T0, T0.plusSeconds(10), T0.plusSeconds(25), T0.plusMillis(47_500));
            assertThat(log).hasSize(3);
            assertThat(log.get(1)).contains("queued -> running");
            assertThat(log.get(2)).contains("running -> pass");
        }
    }

    @Test
    void aRunAppearingLateIsFoundThenPolledById() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(
                    json(200, page(0, null, 0)),
                    json(200, page(0, null, 0)),
                    json(200, page(0, null, 1, runJson(90, "queued", "commit"))),
                    json(200, runJson(90, "canceled", "commit")));
            RunInfo run = waitOn(platform)
                    .await(RunWaiter.forQuery(
                            RunQuery.of(SHA, "linux", null, null), T0, Duration.ofHours(1), PollSchedule.DEFAULT));
            assertThat(run.runId()).isEqualTo(90);
            assertThat(run.status()).isEqualTo(RunStatus.CANCELED);
            assertThat(platform.paths)
                    .containsExactly("/api/v1/runs", "/api/v1/runs", "/api/v1/runs", "/api/v1/runs/90");
            assertThat(log.get(0)).startsWith("No run for commit 01234567 on linux yet");
            assertThat(log).contains("Found run 90 for commit 01234567 on linux (queued).");
        }
    }

    @Test
    void aRestartBackToQueuedIsReportedAndWaitedThrough() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(
                    json(200, runJson(42, "running", "commit")),
                    json(200, runJson(42, "queued", "commit")),
                    json(200, runJson(42, "fail", "commit")));
            RunInfo run = waitOn(platform).await(RunWaiter.forRun(42, T0, Duration.ofHours(2), PollSchedule.DEFAULT));
            assertThat(run.status()).isEqualTo(RunStatus.FAIL);
            assertThat(log).anyMatch(line -> line.contains("restarted on the platform"));
        }
    }

    @Test
    void a429WhilePollingIsWaitedOutByTheTransport() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(
                    json(200, runJson(42, "running", "commit")),
                    json(429, FakePlatform.rateLimitedBody(1), Map.of("Retry-After", "1")),
                    json(200, runJson(42, "pass", "commit")));
            RunInfo run = waitOn(platform).await(RunWaiter.forRun(42, T0, Duration.ofHours(2), PollSchedule.DEFAULT));
            assertThat(run.status()).isEqualTo(RunStatus.PASS);
            assertThat(platform.requests()).isEqualTo(3);
            assertThat(support.retries)
                    .singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo(RetryEvent.Reason.RATE_LIMITED));
            assertThat(support.time.elapsed()).as("the gate held the retry 1 s").isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void theDeadlineEndsTheWaitWithTheLastStatus() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(json(200, runJson(42, "running", "commit")));
            assertThatThrownBy(() -> waitOn(platform)
                            .await(RunWaiter.forRun(42, T0, Duration.ofSeconds(40), PollSchedule.DEFAULT)))
                    .isInstanceOf(WaitTimedOut.class)
                    .hasMessage("Run 42 is still running after waiting 40 s; it has not finished.");
            // Polls at 0, 10, 25 and the deadline (40): none past it.
            assertThat(platform.requests()).isEqualTo(4);
            assertThat(sleptUntil.get(sleptUntil.size() - 1)).isEqualTo(T0.plusSeconds(40));
        }
    }

    @Test
    void aRevokedTokenEndsTheWaitAtOnce() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            platform.then(
                    json(200, runJson(42, "running", "commit")),
                    json(401, "{\"code\":\"unauthorized\",\"message\":\"Token expired.\"}"));
            assertThatThrownBy(() ->
                            waitOn(platform).await(RunWaiter.forRun(42, T0, Duration.ofHours(1), PollSchedule.DEFAULT)))
                    .isInstanceOf(ApiException.Unauthorized.class);
            assertThat(platform.requests()).isEqualTo(2);
        }
    }
}
