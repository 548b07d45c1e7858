package io.jenkins.plugins.sampleplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.sampleplatform.api.ApiStateSource;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.ReferenceResolver;
import io.jenkins.plugins.sampleplatform.compare.RunState;
import io.jenkins.plugins.sampleplatform.compare.RunStateSource;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import io.jenkins.plugins.sampleplatform.db.DatabaseComparisonSource;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both state sources, API and DB, against the platform's own comparison ({@code platform-server compare}, its
 * {@code build_state} over {@code get_test_results} and {@code compare}) on SQLite and MariaDB, for runs seeded to
 * reach every verdict and every rule of {@code sample-platform-comparison.md}:
 *
 * <ul>
 *   <li>the six verdicts; exit 1 against exit 2 with the same files fails identically (the exit code is not in
 *       the signature); an accepted-variant hash on one side makes a failure differ;</li>
 *   <li>a test in no category is absent, failing or passing; a test in two categories has one state;</li>
 *   <li>a test that never ran fails with the dummy signature, the same as one that ran without any file, unless
 *       all its outputs are ignored; a test with some outputs and lacking others does not fail on that alone
 *       (while the API calls it {@code missing_output}), unless a produced output is no accepted variant;</li>
 *   <li>the legacy sentinel row; an inactive selected test;</li>
 *   <li>a canceled reference run without a selection has a state for every categorized test;</li>
 *   <li>both API paths: the filtered listings (no never-ran test) and the full listing (never-ran tests);</li>
 *   <li>the references: {@code master} is the run the platform picks as the tip of master, {@code commit:} and
 *       {@code run:} find theirs;</li>
 *   <li>a token without {@code results:read}: the same verdicts, failing identically and differently merged.</li>
 * </ul>
 */
@ExtendWith(RealPlatform.class)
class ComparisonContractIT {

    /** The seeded runs of one scenario. */
    private record Scenario(int filtered, int full, int master, int canceled, Set<Integer> partialVariant) {}

    @ParameterizedTest(name = "on {0}")
    @EnumSource(PlatformDatabase.Engine.class)
    void bothSourcesEqualThePlatformsOwnComparison(PlatformDatabase.Engine engine, Platforms platforms)
            throws Exception {
        PlatformServer platform = platforms.on(engine);
        Scenario s = seed(platform);
        SamplePlatformClient client = client(platform, platform.freshToken());
        RunStateSource api = client.states(true);
        RunStateSource db = new DatabaseComparisonSource(platform.database().settings());

        for (int here : List.of(s.filtered(), s.full())) {
            List<Integer> references = here == s.filtered() ? List.of(s.master(), s.canceled()) : List.of(s.master());
            JsonNode oracle = platform.compare(
                    here, references.stream().mapToInt(Integer::intValue).toArray());
            for (RunStateSource source : List.of(api, db)) {
                RunState current = source.state(here);
                assertStatesEqual(oracle.path("states"), current, source.describe() + ", run " + here);
                for (int reference : references) {
                    Comparison comparison =
                            Comparison.of(new Reference.Run(reference), current, source.state(reference));
                    assertThat(buckets(comparison))
                            .as("%s: run %d against %d", source.describe(), here, reference)
                            .isEqualTo(oracleBuckets(oracle.path("against").path(Integer.toString(reference))));
                }
            }
        }
        // Every verdict is reached, so the equality above covers each.
        JsonNode filteredAgainstMaster =
                platform.compare(s.filtered(), s.master()).path("against");
        JsonNode fullAgainstMaster = platform.compare(s.full(), s.master()).path("against");
        for (TestVerdict verdict : TestVerdict.PLATFORM_ORDER) {
            int count = filteredAgainstMaster
                            .path(Integer.toString(s.master()))
                            .path("counts")
                            .path(verdict.wireValue())
                            .asInt()
                    + fullAgainstMaster
                            .path(Integer.toString(s.master()))
                            .path("counts")
                            .path(verdict.wireValue())
                            .asInt();
            assertThat(count).as("seeded tests under %s", verdict.wireValue()).isPositive();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(PlatformDatabase.Engine.class)
    void theCommandLineInApiModeCountsAsThePlatformDoes(PlatformDatabase.Engine engine, Platforms platforms)
            throws Exception {
        PlatformServer platform = platforms.on(engine);
        Scenario s = seed(platform);
        JsonNode oracle =
                platform.compare(s.filtered(), s.master()).path("against").path(Integer.toString(s.master()));

        CommandLine.Outcome outcome = CommandLine.summary(
                platform.url(),
                platform.freshToken(),
                s.filtered(),
                "--compare-with",
                "run:" + s.master(),
                "--format",
                "json",
                "--no-diff-excerpts");

        JsonNode comparison = new ObjectMapper()
                .readTree(outcome.stdout())
                .path("comparisons")
                .path(0);
        assertThat(comparison.path("run_id").asInt()).as(outcome.stderr()).isEqualTo(s.master());
        for (TestVerdict verdict : TestVerdict.PLATFORM_ORDER) {
            assertThat(comparison.path("counts").path(verdict.wireValue()).asInt())
                    .as("%s on %s", verdict.wireValue(), engine)
                    .isEqualTo(oracle.path("counts").path(verdict.wireValue()).asInt());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(PlatformDatabase.Engine.class)
    void referencesAreTheRunsThePlatformPicks(PlatformDatabase.Engine engine, Platforms platforms) throws Exception {
        PlatformServer platform = platforms.on(engine);
        Scenario s = seed(platform);
        JsonNode oracle = platform.compare(s.filtered());
        int tip = oracle.path("pr_comment").path("tip_of_master").path("run_id").asInt();
        assertThat(tip).isEqualTo(s.master());
        SamplePlatformClient client = client(platform, platform.freshToken());
        RunInfo judged = client.runs().run(s.filtered());
        for (ReferenceResolver resolver : List.of(
                client.references(),
                new DatabaseComparisonSource(platform.database().settings()))) {
            assertThat(resolver.resolve(new Reference.Master(), judged))
                    .map(RunInfo::runId)
                    .contains(tip);
            assertThat(resolver.resolve(new Reference.Commit(commitOf(platform, s.canceled())), judged))
                    .as("a canceled run is not a completed one")
                    .isEmpty();
            assertThat(resolver.resolve(new Reference.Commit(commitOf(platform, s.master())), judged))
                    .map(RunInfo::runId)
                    .contains(s.master());
            assertThat(resolver.resolve(new Reference.Run(s.canceled()), judged))
                    .map(RunInfo::runId)
                    .contains(s.canceled());
            assertThat(resolver.resolve(new Reference.Run(platform.seed().unusedId()), judged))
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(PlatformDatabase.Engine.class)
    void aTokenWithoutResultsReadMergesOnlyIdenticalAndDifferent(PlatformDatabase.Engine engine, Platforms platforms)
            throws Exception {
        PlatformServer platform = platforms.on(engine);
        Scenario s = seed(platform);
        String runsOnly = platform.newTokens(1, "runs:read", "user", 30, false).get(0);
        ApiStateSource api = client(platform, runsOnly).states(true);
        JsonNode oracle = platform.compare(s.filtered(), s.master(), s.canceled());
        RunState current = api.state(s.filtered());
        assertThat(api.hashesReadable()).isFalse();
        for (int reference : List.of(s.master(), s.canceled())) {
            Map<String, Set<Integer>> expected =
                    oracleBuckets(oracle.path("against").path(Integer.toString(reference)));
            Set<Integer> inBoth = new TreeSet<>(expected.remove("failing_identically"));
            inBoth.addAll(expected.remove("failing_differently"));
            expected.put("failing_in_both", inBoth);
            Comparison comparison = Comparison.of(new Reference.Run(reference), current, api.state(reference));
            assertThat(comparison.signaturesKnown()).isFalse();
            assertThat(buckets(comparison)).as("against %d", reference).isEqualTo(expected);
        }
        // The one thing the platform decides from a produced hash alone: the API says so and stops.
        assertThatThrownBy(() -> api.state(s.full()))
                .isInstanceOf(ApiStateSource.ComparisonUnavailable.class)
                .hasMessageContaining(
                        "regression test " + s.partialVariant().iterator().next())
                .hasMessageContaining("results:read");
    }

    // --- seeding --------------------------------------------------------------------------------------------

    /** The tests and runs every scenario of this class compares (a fresh set per call). */
    private static Scenario seed(PlatformServer platform) throws Exception {
        ComparedRuns runs = new ComparedRuns(platform);
        var pass = runs.test().category("General").output("h");
        var fixed = runs.test().category("General").output("h");
        var broken = runs.test().category("General").output("h");
        var identical = runs.test().category("General").output("h");
        var different = runs.test().category("DVB").output("h");
        var exitOnly = runs.test().category("General").output("h");
        var variantOneSide = runs.test().category("General").output("h", "variant");
        var twoCategories = runs.test().category("General").category("DVB").output("h");
        var uncategorizedFailing = runs.test().output("h");
        var notInReference = runs.test().category("General").output("h");
        var partial = runs.test().category("General").output("h1").output("h2");
        var partialBad = runs.test().category("General").output("h1").output("h2");
        var ignoredMissing = runs.test().category("General").output("h1").ignoredOutput("i2");
        var sentinel = runs.test().category("General").output("h");
        var noFiles = runs.test().category("General").output("h");
        // only in the run with never-ran tests (the full listing)
        var neverRan = runs.test().category("General").output("h");
        var onlyIgnoredNeverRan = runs.test().category("General").ignoredOutput("i");
        var uncategorizedPassing = runs.test().output("h");
        var inactive = runs.test().category("General").inactive().output("h");
        var partialVariant = runs.test().category("General").output("h1", "v1").output("h2");
        runs.writeTests();

        // the canceled master run without a selection, and an older completed master run
        int canceled = runs.run()
                .at(600)
                .canceled()
                .noSelection()
                .result(pass, r -> r.ran(0, 0).produced(0, null))
                .result(broken, r -> r.ran(1, 0).produced(0, null))
                .write();
        runs.run()
                .at(610)
                .completed()
                .result(pass, r -> r.ran(0, 0).produced(0, null))
                .write();
        // runs that are no tip of master: another platform, a PR on master, a later canceled run
        runs.run()
                .platform("windows")
                .at(700)
                .completed()
                .result(pass, r -> r.ran(0, 0))
                .write();

        // the tip of master: the reference of every verdict
        ComparedRuns.Run master = runs.run()
                .at(800)
                .completed()
                .result(pass, r -> r.ran(0, 0).produced(0, null))
                .result(fixed, r -> r.ran(0, 0).produced(0, "wrong"))
                .result(broken, r -> r.ran(0, 0).produced(0, null))
                .result(identical, r -> r.ran(0, 0).produced(0, "same"))
                .result(different, r -> r.ran(0, 0).produced(0, "before"))
                .result(exitOnly, r -> r.ran(2, 0).produced(0, "g"))
                .result(variantOneSide, r -> r.ran(1, 0).produced(0, null))
                .result(twoCategories, r -> r.ran(0, 0).produced(0, null))
                .result(uncategorizedFailing, r -> r.ran(0, 0).produced(0, null))
                .result(partial, r -> r.ran(0, 0).produced(0, "x").produced(1, null))
                .result(partialBad, r -> r.ran(0, 0).produced(0, null).produced(1, null))
                .result(ignoredMissing, r -> r.ran(0, 0).produced(0, null))
                .result(sentinel, r -> r.ran(1, 0))
                .result(noFiles, r -> r.ran(0, 0).produced(0, "x"))
                .result(neverRan, r -> r.ran(0, 0))
                .result(onlyIgnoredNeverRan, r -> r.ran(3, 0))
                .result(uncategorizedPassing, r -> r.ran(0, 0).produced(0, null))
                .result(inactive, r -> r.ran(0, 0).produced(0, "i"))
                .result(partialVariant, r -> r.ran(0, 0).produced(0, null).produced(1, null));
        ComparedRuns.Run pr = runs.run()
                .pullRequest(7)
                .at(640)
                .completed()
                .result(pass, r -> r.ran(0, 0).produced(0, null))
                .result(fixed, r -> r.ran(0, 0).produced(0, null))
                .result(broken, r -> r.ran(1, 0).produced(0, null))
                .result(identical, r -> r.ran(0, 0).produced(0, "same"))
                .result(different, r -> r.ran(0, 0).produced(0, "after"))
                .result(exitOnly, r -> r.ran(1, 0).produced(0, "g"))
                .result(variantOneSide, r -> r.ran(1, 0).produced(0, "variant"))
                .result(twoCategories, r -> r.ran(0, 0).produced(0, "broken"))
                .result(uncategorizedFailing, r -> r.ran(4, 0).produced(0, null))
                .result(notInReference, r -> r.ran(0, 0).produced(0, null))
                .result(partial, r -> r.ran(0, 0).produced(0, null))
                .result(partialBad, r -> r.ran(0, 0).produced(0, "bad"))
                .result(ignoredMissing, r -> r.ran(0, 0).produced(0, null))
                .result(sentinel, r -> r.ran(1, 0).sentinel())
                .result(noFiles, r -> r.ran(0, 0));
        int filtered = pr.write();
        ComparedRuns.Run prFull = runs.run()
                .pullRequest(8)
                .at(650)
                .completed()
                .result(pass, r -> r.ran(0, 0).produced(0, null))
                .result(broken, r -> r.ran(0, 0).produced(0, "oops"))
                .result(identical, r -> r.ran(0, 0).produced(0, "same"))
                .selects(neverRan, onlyIgnoredNeverRan)
                .result(uncategorizedPassing, r -> r.ran(0, 0).produced(0, null))
                .result(inactive, r -> r.ran(0, 0).produced(0, "i"))
                .result(partialVariant, r -> r.ran(0, 0).produced(0, "v1"))
                .result(uncategorizedFailing, r -> r.ran(4, 0).produced(0, null));
        int full = prFull.write();
        // written last: its completed progress row is the newest, its completed_at the latest
        int tip = master.write();
        return new Scenario(filtered, full, tip, canceled, Set.of(partialVariant.id));
    }

    // --- comparing ------------------------------------------------------------------------------------------

    private static void assertStatesEqual(JsonNode oracle, RunState states, String what) {
        Map<Integer, Boolean> expectedPassed = new TreeMap<>();
        Map<Integer, List<String>> expectedSignatures = new TreeMap<>();
        oracle.properties().forEach(e -> {
            int id = Integer.parseInt(e.getKey());
            expectedPassed.put(id, e.getValue().path("passed").asBoolean());
            if (!e.getValue().path("passed").asBoolean()) {
                List<String> signature = new ArrayList<>();
                e.getValue()
                        .path("signature")
                        .forEach(p ->
                                signature.add(p.get(0).asInt() + "=" + p.get(1).asText()));
                expectedSignatures.put(id, signature);
            }
        });
        Map<Integer, Boolean> passed = new TreeMap<>();
        Map<Integer, List<String>> signatures = new TreeMap<>();
        for (TestState state : states.tests().values()) {
            passed.put(state.regressionTestId(), state.passed());
            if (!state.passed()) {
                signatures.put(
                        state.regressionTestId(),
                        state.signature().outputs().stream()
                                .map(o -> o.outputId() + "=" + o.got())
                                .toList());
            }
        }
        assertThat(passed).as("%s: which tests have a state, and passed", what).isEqualTo(expectedPassed);
        assertThat(signatures).as("%s: signatures of failing tests", what).isEqualTo(expectedSignatures);
    }

    private static Map<String, Set<Integer>> buckets(Comparison comparison) {
        Map<String, Set<Integer>> buckets = new TreeMap<>();
        for (TestVerdict verdict : comparison.verdicts()) {
            Set<Integer> ids = new TreeSet<>();
            comparison.tests(verdict).forEach(t -> ids.add(t.regressionTestId()));
            buckets.put(verdict.wireValue(), ids);
        }
        return buckets;
    }

    private static Map<String, Set<Integer>> oracleBuckets(JsonNode against) {
        Map<String, Set<Integer>> buckets = new TreeMap<>();
        against.path("buckets").properties().forEach(e -> {
            Set<Integer> ids = new TreeSet<>();
            e.getValue().forEach(id -> ids.add(id.asInt()));
            buckets.put(e.getKey(), ids);
        });
        return buckets;
    }

    private static String commitOf(PlatformServer platform, int runId) {
        return ComparedRuns.commitOf(runId);
    }

    private static SamplePlatformClient client(PlatformServer platform, String token) {
        return SamplePlatformClient.builder(BaseUrl.parse(platform.url()), SecretText.of(token))
                .build();
    }
}
