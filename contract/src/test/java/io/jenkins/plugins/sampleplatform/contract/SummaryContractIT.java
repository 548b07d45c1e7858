package io.jenkins.plugins.sampleplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Summaries of seeded runs, read by the client and by the command line, on SQLite and on MariaDB. */
@ExtendWith(RealPlatform.class)
class SummaryContractIT {

    /** A seeded run and the summary the platform must give for it. */
    record Scenario(
            String name,
            Function<RunSeed, RunSeed.Run> seed,
            RunStatus status,
            int total,
            int pass,
            int fail,
            int skipped,
            int missing,
            int errors,
            Long durationMs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                        new Scenario(
                                "queued", s -> s.run().passed(0).skipped(2), RunStatus.QUEUED, 2, 0, 0, 2, 0, 0, null),
                        new Scenario(
                                "running",
                                s -> s.run().running().passed(1).skipped(1),
                                RunStatus.RUNNING,
                                2,
                                1,
                                0,
                                1,
                                0,
                                0,
                                1000L),
                        new Scenario(
                                "canceled",
                                s -> s.run().canceled().failed(1).skipped(1),
                                RunStatus.CANCELED,
                                2,
                                0,
                                1,
                                1,
                                0,
                                1,
                                1000L),
                        new Scenario(
                                "completed pass",
                                s -> s.run().completed().passed(3),
                                RunStatus.PASS,
                                3,
                                3,
                                0,
                                0,
                                0,
                                0,
                                3000L),
                        new Scenario(
                                "completed fail",
                                s -> s.run().completed().passed(1).wrongOutput(1),
                                RunStatus.FAIL,
                                2,
                                1,
                                1,
                                0,
                                0,
                                1,
                                2000L),
                        new Scenario(
                                "completed error (no results)",
                                s -> s.run().completed().skipped(2),
                                RunStatus.ERROR,
                                2,
                                0,
                                0,
                                2,
                                0,
                                0,
                                null),
                        new Scenario(
                                "a mix of outcomes",
                                s -> s.run()
                                        .completed()
                                        .passed(2)
                                        .failed(1)
                                        .wrongOutput(1)
                                        .missingOutput(2)
                                        .skipped(1),
                                RunStatus.FAIL,
                                7,
                                2,
                                2,
                                1,
                                2,
                                4,
                                6000L))
                .flatMap(s -> Stream.of(PlatformDatabase.Engine.values()).map(e -> Arguments.of(e, s)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("scenarios")
    void theClientReadsWhatThePlatformComputed(PlatformDatabase.Engine engine, Scenario scenario, Platforms platforms)
            throws Exception {
        PlatformServer platform = platforms.on(engine);
        int run = scenario.seed().apply(platform.seed()).write();

        RunSummary summary = SamplePlatformClient.builder(
                        BaseUrl.parse(platform.url()), SecretText.of(platform.token(PlatformServer.RUNS_READ)))
                .build()
                .fetch(run);

        assertThat(summary.runId()).isEqualTo(run);
        assertThat(summary.status()).isEqualTo(scenario.status());
        assertThat(summary.totalSamples()).isEqualTo(scenario.total());
        assertThat(summary.passCount()).isEqualTo(scenario.pass());
        assertThat(summary.failCount()).isEqualTo(scenario.fail());
        assertThat(summary.skippedCount()).isEqualTo(scenario.skipped());
        assertThat(summary.missingOutputCount()).isEqualTo(scenario.missing());
        assertThat(summary.errorCount()).isEqualTo(scenario.errors());
        assertThat(summary.durationMs()).isEqualTo(scenario.durationMs());
    }

    @ParameterizedTest
    @EnumSource(PlatformDatabase.Engine.class)
    void theCommandLinePrintsTheSameNumbersAndExitsWithTheVerdict(PlatformDatabase.Engine engine, Platforms platforms)
            throws Exception {
        PlatformServer platform = platforms.on(engine);
        int run = platform.seed().run().completed().passed(2).failed(1).write();

        CommandLine.Outcome outcome =
                CommandLine.summary(platform.url(), platform.token(PlatformServer.RUNS_READ), run, "--format", "json");

        assertThat(outcome.stderr()).isEmpty();
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(1); // UNSTABLE: failed samples
        JsonNode json = new ObjectMapper().readTree(outcome.stdout());
        assertThat(json.path("run_id").asInt()).isEqualTo(run);
        assertThat(json.path("status").asText()).isEqualTo("fail");
        assertThat(json.path("total_samples").asInt()).isEqualTo(3);
        assertThat(json.path("pass_count").asInt()).isEqualTo(2);
        assertThat(json.path("fail_count").asInt()).isEqualTo(1);
        assertThat(json.path("result").asText()).isEqualTo("UNSTABLE");
    }
}
