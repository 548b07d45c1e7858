package io.jenkins.plugins.sampleplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.db.DatabaseFailureSource;
import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.SampleFailure;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The failing samples of runs built for each rule of {@code sample-platform-summary.md} step 4, as the real
 * platform lists them ({@code GET /runs/{id}/samples?status=...}) and as the client reads them, on SQLite and
 * on MariaDB: which samples, in which order (missing output first, then failed, each by regression test id),
 * with which exit codes, differing outputs and categories; and the totals against the platform's own summary.
 * DB mode ({@link DatabaseFailureSource}) on the same database gives the very same list, field for field.
 */
@ExtendWith(RealPlatform.class)
class FailuresContractIT {

    /** What a listed sample must look like. */
    record Expected(
            int regressionTestId, SampleStatus status, Integer exitCode, Integer expectedRc, List<Integer> outputIds) {}

    /** A run built for one rule and the failures it must list. */
    record Rule(String name, BiFunction<RuleRun, List<Expected>, RuleRun> build) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                        new Rule("missing output before exit code before wrong hash", (run, expected) -> {
                            RuleRun.Sample crashed = run.sample()
                                    .output("h1")
                                    .output("h2")
                                    .ran(1, 0)
                                    .produced(0, null);
                            RuleRun.Sample exit =
                                    run.sample().output("h3").ran(139, 0).produced(0, "bad3");
                            RuleRun.Sample hash =
                                    run.sample().output("h4").ran(0, 0).produced(0, "bad4");
                            run.sample().output("h5").ran(0, 0).produced(0, null);
                            expected.add(new Expected(crashed.id, SampleStatus.MISSING_OUTPUT, 1, 0, List.of()));
                            expected.add(new Expected(exit.id, SampleStatus.FAIL, 139, 0, List.of(exit.outputId(0))));
                            expected.add(new Expected(hash.id, SampleStatus.FAIL, 0, 0, List.of(hash.outputId(0))));
                            return run;
                        }),
                        new Rule("accepted variants", (run, expected) -> {
                            run.sample().output("h1", "v1").ran(0, 0).produced(0, "v1");
                            RuleRun.Sample other =
                                    run.sample().output("h2", "v2").ran(0, 0).produced(0, "V2");
                            RuleRun.Sample empty =
                                    run.sample().output("h3", "v3").ran(0, 0).produced(0, "");
                            expected.add(new Expected(other.id, SampleStatus.FAIL, 0, 0, List.of(other.outputId(0))));
                            expected.add(new Expected(empty.id, SampleStatus.FAIL, 0, 0, List.of(empty.outputId(0))));
                            return run;
                        }),
                        new Rule("ignored outputs", (run, expected) -> {
                            run.sample()
                                    .output("h1")
                                    .ignoredOutput("i1")
                                    .ran(0, 0)
                                    .produced(0, null);
                            RuleRun.Sample checked = run.sample()
                                    .output("h2")
                                    .ignoredOutput("i2")
                                    .ran(0, 0)
                                    .produced(0, null)
                                    .produced(1, "bad-i2");
                            expected.add(
                                    new Expected(checked.id, SampleStatus.FAIL, 0, 0, List.of(checked.outputId(1))));
                            return run;
                        }),
                        new Rule("dummy rows", (run, expected) -> {
                            RuleRun.Sample nothing = run.sample().ran(0, 0).sentinel();
                            RuleRun.Sample beside = run.sample()
                                    .output("h2")
                                    .ran(0, 0)
                                    .produced(0, null)
                                    .sentinel();
                            run.sample().ran(0, 0);
                            expected.add(new Expected(nothing.id, SampleStatus.MISSING_OUTPUT, 0, 0, List.of()));
                            expected.add(new Expected(beside.id, SampleStatus.FAIL, 0, 0, List.of()));
                            return run;
                        }),
                        new Rule("inactive and customized tests, exit codes recorded as null", (run, expected) -> {
                            RuleRun.Sample inactive = run.sample()
                                    .inactive()
                                    .output("h1")
                                    .ran(0, 0)
                                    .produced(0, "bad1");
                            RuleRun.Sample unselected = run.sample()
                                    .unselected()
                                    .output("h2")
                                    .ran(2, 0)
                                    .produced(0, null);
                            RuleRun.Sample noExit =
                                    run.sample().output("h3").ran(null, 0).produced(0, null);
                            run.sample().output("h4"); // selected, never ran: skipped, not listed
                            run.sample().output("h5").ran(null, null).produced(0, null);
                            expected.add(
                                    new Expected(inactive.id, SampleStatus.FAIL, 0, 0, List.of(inactive.outputId(0))));
                            expected.add(new Expected(unselected.id, SampleStatus.FAIL, 2, 0, List.of()));
                            expected.add(new Expected(noExit.id, SampleStatus.FAIL, null, 0, List.of()));
                            return run;
                        }))
                .flatMap(r -> Stream.of(PlatformDatabase.Engine.values()).map(e -> Arguments.of(e, r)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("rules")
    void theClientListsWhatThePlatformDerives(PlatformDatabase.Engine engine, Rule rule, Platforms platforms)
            throws Exception {
        PlatformServer platform = platforms.on(engine);
        List<Expected> expected = new ArrayList<>();
        RuleRun run = rule.build().apply(new RuleRun(platform), expected);
        int id = run.write();
        expected.sort((a, b) -> a.status() != b.status()
                ? (a.status() == SampleStatus.MISSING_OUTPUT ? -1 : 1)
                : Integer.compare(a.regressionTestId(), b.regressionTestId()));
        SamplePlatformClient client = client(platform);

        FailureList list = client.failures().failures(id, 100);
        RunSummary summary = client.fetch(id);
        FailureList database = databaseMode(platform).failures(id, 100);

        assertThat(list.entries())
                .extracting(f -> new Expected(
                        f.regressionTestId(),
                        f.status(),
                        f.exitCode(),
                        f.expectedRc(),
                        f.outputs().stream().map(FailedOutput::outputId).toList()))
                .containsExactlyElementsOf(expected);
        assertThat(list.missingOutputTotal()).isEqualTo(summary.missingOutputCount());
        assertThat(list.failTotal()).isEqualTo(summary.failCount());
        assertThat(database).as("DB mode's list on the same database").isEqualTo(list);
        for (SampleFailure failure : list.entries()) {
            assertThat(failure.sampleId()).isEqualTo(failure.regressionTestId());
            assertThat(failure.sampleName()).isEqualTo("rule-" + failure.regressionTestId() + ".ts");
            failure.outputs().forEach(o -> assertThat(o.filename()).endsWith(".srt"));
        }
    }

    @ParameterizedTest
    @EnumSource(PlatformDatabase.Engine.class)
    void categoriesAndFileNamesAreThePlatforms(PlatformDatabase.Engine engine, Platforms platforms) throws Exception {
        PlatformServer platform = platforms.on(engine);
        RuleRun run = new RuleRun(platform);
        RuleRun.Sample sample = run.sample()
                .category("DVB")
                .category("Teletext")
                .output("abc123")
                .ran(0, 0)
                .produced(0, "bad");
        int id = run.write();

        FailureList list = client(platform).failures().failures(id, 10);
        SampleFailure failure = list.entries().get(0);

        assertThat(failure.categories()).hasSize(2).allMatch(c -> c.startsWith("DVB ") || c.startsWith("Teletext "));
        assertThat(failure.outputs()).containsExactly(new FailedOutput(sample.outputId(0), "abc123.srt"));
        assertThat(databaseMode(platform).failures(id, 10)).isEqualTo(list);
    }

    @ParameterizedTest
    @EnumSource(PlatformDatabase.Engine.class)
    void moreThanOnePageIsReadWhenAskedAndSortedLikeTheDatabase(PlatformDatabase.Engine engine, Platforms platforms)
            throws Exception {
        PlatformServer platform = platforms.on(engine);
        RuleRun run = new RuleRun(platform);
        List<Integer> failed = new ArrayList<>();
        IntStream.range(0, 130)
                .forEach(i -> failed.add(run.sample().output("h").ran(1, 0).produced(0, null).id));
        RuleRun.Sample missing = run.sample().output("h").output("g").ran(0, 0).produced(0, null);
        int id = run.write();
        SamplePlatformClient client = client(platform);

        FailureList all = client.failures().failures(id, 500);
        FailureList first = client.failures().failures(id, 100);

        assertThat(all.entries()).hasSize(131);
        assertThat(all.entries().get(0).regressionTestId()).isEqualTo(missing.id);
        assertThat(all.entries().subList(1, 131))
                .extracting(SampleFailure::regressionTestId)
                .containsExactlyElementsOf(failed);
        assertThat(first.entries()).hasSize(100);
        assertThat(first.total()).isEqualTo(131);
        assertThat(first.entries().get(0).regressionTestId()).isEqualTo(missing.id);
        assertThat(databaseMode(platform).failures(id, 500)).isEqualTo(all);
        assertThat(databaseMode(platform).failures(id, 100).total()).isEqualTo(first.total());
    }

    @ParameterizedTest
    @EnumSource(PlatformDatabase.Engine.class)
    void theCommandLineCarriesTheListInItsJson(PlatformDatabase.Engine engine, Platforms platforms) throws Exception {
        PlatformServer platform = platforms.on(engine);
        RuleRun run = new RuleRun(platform);
        RuleRun.Sample crashed = run.sample().output("h1").ran(1, 0);
        run.sample().output("h2").ran(0, 0).produced(0, null);
        int id = run.write();

        CommandLine.Outcome outcome =
                CommandLine.summary(platform.url(), platform.freshToken(), id, "--format", "json");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(3); // FAILURE: a sample without output
        JsonNode json = new ObjectMapper().readTree(outcome.stdout());
        assertThat(json.path("failures_total").asInt()).isEqualTo(1);
        JsonNode entry = json.path("failures").get(0);
        assertThat(entry.path("regression_test_id").asInt()).isEqualTo(crashed.id);
        assertThat(entry.path("status").asText()).isEqualTo("missing_output");
        assertThat(entry.path("regression_test_url").asText())
                .isEqualTo(platform.site() + "/regression/test/" + crashed.id + "/view");
        assertThat(entry.path("run_url").asText()).isEqualTo(platform.site() + "/test/" + id);
    }

    private static DatabaseFailureSource databaseMode(PlatformServer platform) {
        return new DatabaseFailureSource(platform.database().settings());
    }

    private static SamplePlatformClient client(PlatformServer platform) throws Exception {
        return SamplePlatformClient.builder(BaseUrl.parse(platform.url()), SecretText.of(platform.freshToken()))
                .build();
    }
}
