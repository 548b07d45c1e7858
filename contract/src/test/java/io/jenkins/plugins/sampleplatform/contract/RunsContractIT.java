package io.jenkins.plugins.sampleplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.RunsEndpoint;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.runs.RunQuery;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.RunNotFoundException;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Find, wait and trigger against the real platform: runs are seeded queued, the test then adds progress rows
 * (as the platform's worker would) while the client or the command line waits, and the verdict must follow.
 */
@ExtendWith(RealPlatform.class)
class RunsContractIT {

    private static final AtomicInteger COMMITS = new AtomicInteger();

    /** A commit id of its own per scenario (40 hex digits), so finds never see another test's runs. */
    private static String newCommit(PlatformDatabase.Engine engine) {
        return String.format("%08x%032x", engine.ordinal() + 0xabc00, COMMITS.incrementAndGet() + System.nanoTime());
    }

    private static final AtomicInteger PROGRESS_IDS = new AtomicInteger(900_000);

    /** Appends progress rows to a run, as the platform's worker reports them. */
    private static void progress(PlatformServer platform, int run, String... statuses) throws Exception {
        String timestamp =
                platform.database().engine() == PlatformDatabase.Engine.MARIADB ? "`timestamp`" : "\"timestamp\"";
        try (Connection c = platform.database().connect()) {
            for (String status : statuses) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO test_progress (id, test_id, status, "
                        + timestamp + ", message) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setInt(1, PROGRESS_IDS.incrementAndGet());
                    insert.setInt(2, run);
                    insert.setString(3, status);
                    insert.setString(4, "2026-01-01 11:00:00");
                    insert.setString(5, status + " (contract test)");
                    insert.executeUpdate();
                }
            }
        }
    }

    private static RunsEndpoint runs(PlatformServer platform, String token) {
        return SamplePlatformClient.builder(BaseUrl.parse(platform.url()), SecretText.of(token))
                .build()
                .runs();
    }

    @ParameterizedTest
    @EnumSource(PlatformDatabase.Engine.class)
    void theClientFindsARunByCommitAndReadsEachStatus(PlatformDatabase.Engine engine, Platforms platforms)
            throws Exception {
        PlatformServer platform = platforms.on(engine);
        String commit = newCommit(engine);
        int older = platform.seed().run().commit(commit).completed().passed(1).write();
        int run = platform.seed().run().commit(commit).passed(1).write();
        RunsEndpoint runs = runs(platform, platform.freshToken());

        RunInfo found = runs.newest(RunQuery.of(commit, "linux", null, null)).orElseThrow();
        assertThat(found.runId()).isEqualTo(run).isGreaterThan(older);
        assertThat(found.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(found.commitSha()).isEqualTo(commit);
        assertThat(runs.newest(RunQuery.of(commit, "windows", null, null))).isEmpty();
        assertThat(runs.newest(RunQuery.of(commit, null, null, "pr"))).isEmpty();

        progress(platform, run, "preparation", "testing");
        assertThat(runs.run(run).status()).isEqualTo(RunStatus.RUNNING);
        progress(platform, run, "completed");
        assertThat(runs.run(run).status()).isEqualTo(RunStatus.PASS);
        assertThat(runs.run(older).status()).isEqualTo(RunStatus.PASS);

        int missing = platform.seed().unusedId();
        assertThatThrownBy(() -> runs.run(missing)).isInstanceOf(RunNotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(PlatformDatabase.Engine.class)
    void theCommandLineWaitsForASeededRunAndReturnsTheFinalVerdict(PlatformDatabase.Engine engine, Platforms platforms)
            throws Exception {
        PlatformServer platform = platforms.on(engine);
        String commit = newCommit(engine);
        int run = platform.seed().run().commit(commit).passed(1).failed(1).write();
        String token = platform.freshToken();

        CompletableFuture<CommandLine.Outcome> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return CommandLine.run(
                        Map.of("SAMPLEPLATFORM_TOKEN", token),
                        120,
                        "summary",
                        "--url",
                        platform.url(),
                        "--commit",
                        commit,
                        "--platform",
                        "linux",
                        "--wait",
                        "--poll-interval",
                        "1s",
                        "--timeout",
                        "90s",
                        "--format",
                        "json");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // The command finds the queued run and polls it while the "worker" reports progress.
        TimeUnit.SECONDS.sleep(3);
        progress(platform, run, "preparation", "testing");
        TimeUnit.SECONDS.sleep(3);
        progress(platform, run, "completed");

        CommandLine.Outcome outcome = waiting.get(150, TimeUnit.SECONDS);
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(1); // UNSTABLE: one sample failed
        assertThat(outcome.stdout())
                .startsWith("{\"run_id\":" + run + ",\"status\":\"fail\"")
                .contains("\"result\":\"UNSTABLE\"")
                .contains("\"waited_ms\":");
        // Normally found queued and seen going to fail; on a slow machine the first poll may come later.
        assertThat(outcome.stderr())
                .contains("Found run " + run + " for commit " + commit.substring(0, 8) + " on linux (")
                .containsPattern("(-> fail|\\(fail\\)\\.)");
        assertThat(outcome.all()).doesNotContain(token);
    }

    @ParameterizedTest
    @EnumSource(PlatformDatabase.Engine.class)
    void runStartsARunWithTheWriteTokenAndWaitsForItsEnd(PlatformDatabase.Engine engine, Platforms platforms)
            throws Exception {
        PlatformServer platform = platforms.on(engine);
        String commit = newCommit(engine);
        String token = platform.token(PlatformServer.RUNS_WRITE);

        CompletableFuture<CommandLine.Outcome> running = CompletableFuture.supplyAsync(() -> {
            try {
                return CommandLine.run(
                        Map.of("SAMPLEPLATFORM_TOKEN", token),
                        120,
                        "run",
                        "--url",
                        platform.url(),
                        "--commit",
                        commit,
                        "--platform",
                        "linux",
                        "--repository",
                        "CCExtractor/ccextractor",
                        "--wait",
                        "--poll-interval",
                        "1s",
                        "--timeout",
                        "90s");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int run = awaitRunOf(platform, commit);
        platform.seed().skipPastPlatformRows();
        // The worker picks it up, then the run is canceled: the command must end with that verdict.
        progress(platform, run, "preparation", "canceled");

        CommandLine.Outcome outcome = running.get(150, TimeUnit.SECONDS);
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(3); // FAILURE: a canceled run
        // The first poll may already see the cancel the test wrote: "is canceled" or "running -> canceled".
        assertThat(outcome.stderr())
                .contains("started run " + run + " (queued)")
                .containsPattern("Run " + run + "(: .*-> | is )canceled");
        assertThat(outcome.stdout()).contains("Sample Platform run " + run);
        assertThat(outcome.all()).doesNotContain(token);
        try (Connection c = platform.database().connect();
                PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM test WHERE "
                        + (engine == PlatformDatabase.Engine.MARIADB ? "`commit`" : "\"commit\"") + " = ?")) {
            count.setString(1, commit);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).as("runs created for the commit").isEqualTo(1);
            }
        }
    }

    private static int awaitRunOf(PlatformServer platform, String commit) throws Exception {
        String column = platform.database().engine() == PlatformDatabase.Engine.MARIADB ? "`commit`" : "\"commit\"";
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            try (Connection c = platform.database().connect();
                    PreparedStatement find = c.prepareStatement("SELECT id FROM test WHERE " + column + " = ?")) {
                find.setString(1, commit);
                try (ResultSet rows = find.executeQuery()) {
                    if (rows.next()) {
                        return rows.getInt(1);
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("the command created no run for " + commit + " within 60 s");
    }
}
