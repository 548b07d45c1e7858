package io.jenkins.plugins.sampleplatform.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.ProducedOutput;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.ResultStatus;
import io.jenkins.plugins.sampleplatform.compare.RunState;
import io.jenkins.plugins.sampleplatform.compare.Signature;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.fixtures.Summaries;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The verdict on change: opt-in, judged against the first available reference. */
class ChangeVerdictTest {

    private static final RunSummary FAILING =
            Summaries.cleanPass().status(RunStatus.FAIL).counts(10, 4, 5, 1, 0).build();

    private static RunInfo run(int id) {
        return new RunInfo(id, RunStatus.FAIL, "linux", "commit", "CCExtractor/ccextractor", "a".repeat(40));
    }

    private static TestState test(int id, boolean passed, String got, ResultStatus status) {
        Signature signature = got == null ? Signature.empty() : Signature.of(List.of(new ProducedOutput(1, got)));
        return new TestState(id, id, "s" + id + ".ts", List.of("general"), passed, signature, status);
    }

    /** Here: 1 broken (wrong output), 2 broken (no output), 3 fixed, 4 fails identically, 5 differently. */
    private static ComparisonReport report() {
        RunState here = RunState.of(
                run(42),
                List.of(
                        test(1, false, "x", ResultStatus.FAIL),
                        test(2, false, null, ResultStatus.MISSING_OUTPUT),
                        test(3, true, null, ResultStatus.PASS),
                        test(4, false, "same", ResultStatus.FAIL),
                        test(5, false, "new", ResultStatus.FAIL)));
        RunState master = RunState.of(
                run(40),
                List.of(
                        test(1, true, null, ResultStatus.PASS),
                        test(2, true, null, ResultStatus.PASS),
                        test(3, false, "old", ResultStatus.FAIL),
                        test(4, false, "same", ResultStatus.FAIL),
                        test(5, false, "old", ResultStatus.FAIL)));
        return new ComparisonReport(
                here, List.of(Comparison.of(new Reference.Master(), here, master)), List.of(), null);
    }

    private static ComparisonReport noReference() {
        RunState here = report().current();
        return new ComparisonReport(here, List.of(Comparison.of(new Reference.Master(), here, null)), List.of(), null);
    }

    @Test
    void theDefaultVerdictIsExactlyTodaysWithOrWithoutAReport() {
        VerdictPolicy policy = VerdictPolicy.defaults();
        assertThat(policy.verdictOn()).isEqualTo(VerdictBasis.ABSOLUTE);
        assertThat(policy.changedFailureResult()).isEqualTo(BuildResult.UNSTABLE);
        assertThat(policy.evaluate(FAILING, report())).isEqualTo(policy.evaluate(FAILING));
        assertThat(policy.evaluate(FAILING, null)).isEqualTo(policy.evaluate(FAILING));
    }

    @Test
    void onChangesBrokenAndChangedSamplesDecide() {
        Verdict verdict =
                VerdictPolicy.builder().verdictOn(VerdictBasis.CHANGES).build().evaluate(FAILING, report());
        assertThat(verdict.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(verdict.reasons())
                .containsExactly(
                        "1 sample broken here produced no output, compared with the tip of master (run 40)",
                        "1 sample broken here, compared with the tip of master (run 40)",
                        "1 sample failing differently, compared with the tip of master (run 40)");
    }

    @Test
    void thresholdsApplyToTheChangeCounts() {
        Verdict verdict = VerdictPolicy.builder()
                .verdictOn(VerdictBasis.CHANGES)
                .missingOutputThreshold(1)
                .failThreshold(1)
                .build()
                .evaluate(FAILING, report());
        // Tolerated, and said so: a SUCCESS never reads "no problems found" while changes were let through.
        assertThat(verdict)
                .isEqualTo(new Verdict(
                        BuildResult.SUCCESS,
                        List.of(
                                "1 sample broken here produced no output, compared with the tip of master (run 40),"
                                        + " within the threshold of 1",
                                "1 sample broken here, compared with the tip of master (run 40), within the threshold"
                                        + " of 1",
                                "1 sample failing differently, compared with the tip of master (run 40), within the"
                                        + " threshold of 1")));
        Verdict changedOnly = VerdictPolicy.builder()
                .verdictOn(VerdictBasis.CHANGES)
                .missingOutputThreshold(1)
                .failResult(BuildResult.SUCCESS)
                .changedFailureResult(BuildResult.FAILURE)
                .build()
                .evaluate(FAILING, report());
        assertThat(changedOnly.result()).isEqualTo(BuildResult.FAILURE);
    }

    @Test
    void withoutAReferenceRunTheAbsoluteVerdictAppliesAndSaysWhy() {
        VerdictPolicy policy =
                VerdictPolicy.builder().verdictOn(VerdictBasis.CHANGES).build();
        Verdict verdict = policy.evaluate(FAILING, noReference());
        Verdict absolute = policy.evaluate(FAILING);
        assertThat(verdict.result()).isEqualTo(absolute.result());
        assertThat(verdict.reasons())
                .startsWith(absolute.reasons().toArray(String[]::new))
                .endsWith("verdict on changes: no reference run found (master), so every failure was judged");
        ComparisonReport none = new ComparisonReport(report().current(), List.of(), List.of(), null);
        assertThat(policy.evaluate(FAILING, none).reasons())
                .last()
                .isEqualTo("verdict on changes: no reference was given, so every failure was judged");
    }

    @Test
    void theRunStatusStillCounts() {
        RunSummary canceled = Summaries.cleanPass()
                .status(RunStatus.CANCELED)
                .counts(10, 4, 5, 1, 0)
                .build();
        Verdict verdict = VerdictPolicy.builder()
                .verdictOn(VerdictBasis.CHANGES)
                .failThreshold(5)
                .missingOutputThreshold(5)
                .build()
                .evaluate(canceled, report());
        assertThat(verdict.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(verdict.reasons())
                .first()
                .isEqualTo("run 42 was canceled (by a user or by an infrastructure failure)");
        // The changes within the thresholds are listed after it, as tolerated.
        assertThat(verdict.reasons().subList(1, verdict.reasons().size()))
                .hasSize(3)
                .allMatch(reason -> reason.endsWith("within the threshold of 5"));
    }

    @Test
    void unknownSignaturesAreListedNeverSilentlyPassed() {
        RunState here = RunState.of(run(42), List.of(TestState.of(1, false, Signature.unknown())));
        RunState master = RunState.of(run(40), List.of(TestState.of(1, false, Signature.unknown())));
        ComparisonReport report = new ComparisonReport(
                here, List.of(Comparison.of(new Reference.Master(), here, master)), List.of(), null);
        Verdict verdict =
                VerdictPolicy.builder().verdictOn(VerdictBasis.CHANGES).build().evaluate(FAILING, report);
        assertThat(verdict.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(verdict.reasons())
                .containsExactly("1 sample fails in both (token cannot read output hashes), compared with the tip of"
                        + " master (run 40): whether their output changed was not checked");
    }

    @Test
    void aPolicyCopiesItselfWithEveryValue() {
        VerdictPolicy policy = VerdictPolicy.builder()
                .failThreshold(3)
                .missingOutputResult(BuildResult.UNSTABLE)
                .canceledResult(BuildResult.ABORTED)
                .verdictOn(VerdictBasis.CHANGES)
                .changedFailureResult(BuildResult.FAILURE)
                .build();
        assertThat(policy.toBuilder().build()).isEqualTo(policy);
        assertThat(VerdictPolicy.defaults().toBuilder().build()).isEqualTo(VerdictPolicy.defaults());
    }

    @Test
    void verdictOnIsReadFromText() {
        assertThat(VerdictBasis.parse(" Changes ")).isEqualTo(VerdictBasis.CHANGES);
        assertThat(VerdictBasis.parse("absolute")).isEqualTo(VerdictBasis.ABSOLUTE);
        assertThatThrownBy(() -> VerdictBasis.parse("new"))
                .hasMessage("verdictOn must be one of [absolute, changes], was 'new'");
    }

    /** Turning identical failures into fixes, or adding identical failures, never gives a worse result. */
    @RepeatedTest(5)
    void identicalFailuresAndFixesNeverWorsenTheResult() {
        String fixed = System.getProperty("compare.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : new SecureRandom().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            String label = "seed " + seed + " (replay with -Dcompare.seed=" + seed + "), case " + i;
            List<TestState> here = new ArrayList<>();
            List<TestState> there = new ArrayList<>();
            List<TestState> hereMore = new ArrayList<>();
            for (int id = 1; id <= 20; id++) {
                boolean passHere = random.nextBoolean();
                boolean passThere = random.nextBoolean();
                String gotHere = passHere ? null : "h" + random.nextInt(2);
                String gotThere = passThere ? null : "h" + random.nextInt(2);
                ResultStatus status = passHere
                        ? ResultStatus.PASS
                        : random.nextBoolean() ? ResultStatus.FAIL : ResultStatus.MISSING_OUTPUT;
                TestState h = test(id, passHere, gotHere, status);
                here.add(h);
                there.add(test(id, passThere, gotThere, passThere ? ResultStatus.PASS : ResultStatus.FAIL));
                // The worsened-looking variant: a test failing there may fail identically here, or be fixed.
                if (!passThere && random.nextBoolean()) {
                    hereMore.add(
                            random.nextBoolean()
                                    ? test(id, false, gotThere, ResultStatus.FAIL)
                                    : test(id, true, null, ResultStatus.PASS));
                } else {
                    hereMore.add(h);
                }
            }
            VerdictPolicy policy = VerdictPolicy.builder()
                    .verdictOn(VerdictBasis.CHANGES)
                    .failThreshold(random.nextInt(3))
                    .missingOutputThreshold(random.nextInt(3))
                    .build();
            RunState reference = RunState.of(run(40), there);
            BuildResult before =
                    policy.evaluate(FAILING, reportOf(here, reference)).result();
            BuildResult after =
                    policy.evaluate(FAILING, reportOf(hereMore, reference)).result();
            assertThat(after.isWorseThan(before)).as(label).isFalse();
        }
    }

    private static ComparisonReport reportOf(List<TestState> tests, RunState reference) {
        RunState here = RunState.of(run(42), tests);
        return new ComparisonReport(
                here, List.of(Comparison.of(new Reference.Master(), here, reference)), List.of(), null);
    }
}
