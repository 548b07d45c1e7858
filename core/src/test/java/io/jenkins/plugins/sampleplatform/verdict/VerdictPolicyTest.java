package io.jenkins.plugins.sampleplatform.verdict;

import static io.jenkins.plugins.sampleplatform.fixtures.Summaries.cleanPass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VerdictPolicyTest {

    private static final VerdictPolicy DEFAULTS = VerdictPolicy.defaults();

    @Test
    void aCleanPassIsSuccessWithoutReasons() {
        Verdict verdict = DEFAULTS.evaluate(cleanPass().build());
        assertThat(verdict.result()).isEqualTo(BuildResult.SUCCESS);
        assertThat(verdict.reasons()).isEmpty();
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(DEFAULTS.failThreshold()).isZero();
        assertThat(DEFAULTS.failResult()).isEqualTo(BuildResult.UNSTABLE);
        assertThat(DEFAULTS.missingOutputThreshold()).isZero();
        assertThat(DEFAULTS.missingOutputResult()).isEqualTo(BuildResult.FAILURE);
        assertThat(DEFAULTS.unreportedMissingOutputResult()).isEqualTo(BuildResult.UNSTABLE);
        assertThat(DEFAULTS.unfinishedResult()).isEqualTo(BuildResult.NOT_BUILT);
        assertThat(DEFAULTS.canceledResult()).isEqualTo(BuildResult.FAILURE);
        assertThat(DEFAULTS.runErrorResult()).isEqualTo(BuildResult.FAILURE);
        assertThat(DEFAULTS.inconsistentCountsResult()).isEqualTo(BuildResult.UNSTABLE);
        assertThat(VerdictPolicy.builder().build()).isEqualTo(DEFAULTS);
    }

    @Nested
    class FailedSamples {

        @Test
        void anyFailureIsUnstableByDefault() {
            Verdict verdict = DEFAULTS.evaluate(
                    cleanPass().status(RunStatus.FAIL).counts(10, 7, 3, 0, 0).build());
            assertThat(verdict.result()).isEqualTo(BuildResult.UNSTABLE);
            assertThat(verdict.reasons()).containsExactly("3 samples failed (threshold 0)");
        }

        @Test
        void oneFailureIsSingular() {
            Verdict verdict = DEFAULTS.evaluate(
                    cleanPass().status(RunStatus.FAIL).counts(10, 9, 1, 0, 0).build());
            assertThat(verdict.reasons()).containsExactly("1 sample failed (threshold 0)");
        }

        @Test
        void failuresUpToTheThresholdAreTolerated() {
            VerdictPolicy policy = VerdictPolicy.builder().failThreshold(2).build();
            assertThat(policy.evaluate(cleanPass()
                            .status(RunStatus.FAIL)
                            .counts(10, 8, 2, 0, 0)
                            .build()))
                    .isEqualTo(
                            new Verdict(BuildResult.SUCCESS, List.of("2 samples failed, within the threshold of 2")));
            assertThat(policy.evaluate(cleanPass()
                            .status(RunStatus.FAIL)
                            .counts(10, 7, 3, 0, 0)
                            .build()))
                    .isEqualTo(new Verdict(BuildResult.UNSTABLE, List.of("3 samples failed (threshold 2)")));
        }

        @Test
        void theResultIsConfigurable() {
            VerdictPolicy failing =
                    VerdictPolicy.builder().failResult(BuildResult.FAILURE).build();
            assertThat(failing.evaluate(cleanPass()
                                    .status(RunStatus.FAIL)
                                    .counts(10, 9, 1, 0, 0)
                                    .build())
                            .result())
                    .isEqualTo(BuildResult.FAILURE);
        }

        @Test
        void aSuccessResultStillNamesTheFailures() {
            VerdictPolicy reportOnly =
                    VerdictPolicy.builder().failResult(BuildResult.SUCCESS).build();
            Verdict verdict = reportOnly.evaluate(
                    cleanPass().status(RunStatus.FAIL).counts(10, 6, 4, 0, 0).build());
            assertThat(verdict).isEqualTo(new Verdict(BuildResult.SUCCESS, List.of("4 samples failed (threshold 0)")));
        }
    }

    @Nested
    class MissingOutput {

        @Test
        void anyMissingOutputIsAFailureByDefault() {
            Verdict verdict = DEFAULTS.evaluate(
                    cleanPass().status(RunStatus.FAIL).counts(10, 9, 0, 1, 0).build());
            assertThat(verdict).isEqualTo(new Verdict(BuildResult.FAILURE, List.of("1 sample produced no output")));
        }

        @Test
        void pluralAndThresholdAreShown() {
            VerdictPolicy policy =
                    VerdictPolicy.builder().missingOutputThreshold(2).build();
            assertThat(policy.evaluate(cleanPass()
                                    .status(RunStatus.FAIL)
                                    .counts(10, 8, 0, 2, 0)
                                    .build())
                            .reasons())
                    .containsExactly("2 samples without output, within the threshold of 2");
            assertThat(policy.evaluate(cleanPass()
                                    .status(RunStatus.FAIL)
                                    .counts(10, 7, 0, 3, 0)
                                    .build())
                            .reasons())
                    .containsExactly("3 samples produced no output (threshold 2)");
            assertThat(DEFAULTS.evaluate(cleanPass()
                                    .status(RunStatus.FAIL)
                                    .counts(10, 8, 0, 2, 0)
                                    .build())
                            .reasons())
                    .containsExactly("2 samples produced no output");
        }

        @Test
        void theResultIsConfigurable() {
            VerdictPolicy policy = VerdictPolicy.builder()
                    .missingOutputResult(BuildResult.UNSTABLE)
                    .build();
            assertThat(policy.evaluate(cleanPass()
                                    .status(RunStatus.FAIL)
                                    .counts(10, 9, 0, 1, 0)
                                    .build())
                            .result())
                    .isEqualTo(BuildResult.UNSTABLE);
        }

        @Test
        void anUnreportedCountIsNeverReadAsZero() {
            Verdict verdict =
                    DEFAULTS.evaluate(cleanPass().counts(10, 10, 0, null, 0).build());
            assertThat(verdict.result()).isEqualTo(BuildResult.UNSTABLE);
            assertThat(verdict.reasons())
                    .containsExactly(
                            "missing_output_count was not reported, so samples without output could not be checked");
        }

        @Test
        void anUnreportedCountCanBeToleratedButIsStillListed() {
            VerdictPolicy lenient = VerdictPolicy.builder()
                    .unreportedMissingOutputResult(BuildResult.SUCCESS)
                    .build();
            Verdict verdict =
                    lenient.evaluate(cleanPass().counts(10, 10, 0, null, 0).build());
            assertThat(verdict.result()).isEqualTo(BuildResult.SUCCESS);
            assertThat(verdict.reasons()).hasSize(1).allMatch(r -> r.contains("not reported"));
        }
    }

    @Nested
    class Status {

        @ParameterizedTest
        @EnumSource(
                value = RunStatus.class,
                names = {"QUEUED", "RUNNING"})
        void anUnfinishedRunIsNotBuiltAndNeverAPass(RunStatus status) {
            Verdict verdict = DEFAULTS.evaluate(
                    cleanPass().status(status).counts(10, 0, 0, 0, 10).build());
            assertThat(verdict.result()).isEqualTo(BuildResult.NOT_BUILT);
            assertThat(verdict.reasons())
                    .containsExactly("run 42 has not finished (status " + status.wireValue() + ")");
        }

        @Test
        void countsSoFarStillCountForAnUnfinishedRun() {
            VerdictPolicy policy = VerdictPolicy.builder()
                    .unfinishedResult(BuildResult.UNSTABLE)
                    .build();
            Verdict verdict = policy.evaluate(
                    cleanPass().status(RunStatus.RUNNING).counts(10, 3, 1, 1, 5).build());
            assertThat(verdict.result()).isEqualTo(BuildResult.FAILURE);
            assertThat(verdict.reasons())
                    .containsExactly(
                            "1 sample produced no output",
                            "run 42 has not finished (status running)",
                            "1 sample failed (threshold 0)");
        }

        @Test
        void aCanceledRunFailsByDefaultAndCanBeAborted() {
            var canceled = cleanPass()
                    .status(RunStatus.CANCELED)
                    .counts(10, 4, 0, 0, 6)
                    .build();
            assertThat(DEFAULTS.evaluate(canceled))
                    .isEqualTo(new Verdict(
                            BuildResult.FAILURE,
                            List.of("run 42 was canceled (by a user or by an infrastructure failure)")));
            assertThat(VerdictPolicy.builder()
                            .canceledResult(BuildResult.ABORTED)
                            .build()
                            .evaluate(canceled)
                            .result())
                    .isEqualTo(BuildResult.ABORTED);
        }

        @Test
        void errorAndIncompleteRunsFail() {
            assertThat(DEFAULTS.evaluate(cleanPass()
                            .status(RunStatus.ERROR)
                            .counts(10, 0, 0, 0, 10)
                            .build()))
                    .isEqualTo(new Verdict(
                            BuildResult.FAILURE, List.of("run 42 ended in error without results (status error)")));
            assertThat(DEFAULTS.evaluate(cleanPass()
                            .status(RunStatus.INCOMPLETE)
                            .counts(10, 6, 0, 0, 4)
                            .build()))
                    .isEqualTo(new Verdict(BuildResult.FAILURE, List.of("run 42 is incomplete (status incomplete)")));
            VerdictPolicy unstable =
                    VerdictPolicy.builder().runErrorResult(BuildResult.UNSTABLE).build();
            assertThat(unstable.evaluate(cleanPass()
                                    .status(RunStatus.ERROR)
                                    .counts(10, 0, 0, 0, 10)
                                    .build())
                            .result())
                    .isEqualTo(BuildResult.UNSTABLE);
        }

        @Test
        void withoutAStatusOnlyTheCountsAreJudged() {
            assertThat(DEFAULTS.evaluate(cleanPass().status(null).build()))
                    .isEqualTo(new Verdict(BuildResult.SUCCESS, List.of()));
            assertThat(DEFAULTS.evaluate(
                            cleanPass().status(null).counts(10, 8, 2, 0, 0).build()))
                    .isEqualTo(new Verdict(BuildResult.UNSTABLE, List.of("2 samples failed (threshold 0)")));
        }

        @Test
        void theRunIdInTheReasonIsTheSummarys() {
            assertThat(DEFAULTS.evaluate(cleanPass()
                                    .runId(2147483647)
                                    .status(RunStatus.QUEUED)
                                    .build())
                            .reasons())
                    .containsExactly("run 2147483647 has not finished (status queued)");
        }
    }

    @Nested
    class Contradictions {

        @Test
        void countsAddingUpToMoreThanTheTotalAreFlagged() {
            Verdict verdict =
                    DEFAULTS.evaluate(cleanPass().counts(10, 10, 0, 0, 2).build());
            assertThat(verdict)
                    .isEqualTo(
                            new Verdict(
                                    BuildResult.UNSTABLE,
                                    List.of(
                                            "counts do not add up: passed + failed + no output + skipped = 12, more than the 10 samples in the run")));
        }

        @Test
        void onlyReportedCountsAreAdded() {
            Verdict verdict = DEFAULTS.evaluate(
                    cleanPass().counts(1, 1, 1, 0, null).status(RunStatus.FAIL).build());
            assertThat(verdict.reasons())
                    .contains(
                            "counts do not add up: passed + failed + no output = 2, more than the 1 sample in the run");
        }

        @Test
        void fewerThanTheTotalIsFlaggedOnlyWhenEveryCountIsReported() {
            assertThat(DEFAULTS.evaluate(cleanPass().counts(10, 5, 0, 0, 3).build())
                            .reasons())
                    .containsExactly(
                            "counts do not add up: passed + failed + no output + skipped = 8, fewer than the 10 samples in the run");
            // Unreported skipped samples can make up the difference: no contradiction.
            assertThat(DEFAULTS.evaluate(cleanPass().counts(10, 5, 0, 0, null).build()))
                    .isEqualTo(new Verdict(BuildResult.SUCCESS, List.of()));
        }

        @Test
        void aPassWithFailedSamplesIsFlaggedAndTheFailuresStillCount() {
            Verdict verdict =
                    DEFAULTS.evaluate(cleanPass().counts(10, 7, 2, 1, 0).build());
            assertThat(verdict.result()).isEqualTo(BuildResult.FAILURE);
            assertThat(verdict.reasons())
                    .containsExactly(
                            "1 sample produced no output",
                            "2 samples failed (threshold 0)",
                            "status is pass, but 2 samples failed and 1 sample produced no output");
        }

        @Test
        void aFailWithNothingFailedIsFlagged() {
            Verdict verdict =
                    DEFAULTS.evaluate(cleanPass().status(RunStatus.FAIL).build());
            assertThat(verdict)
                    .isEqualTo(new Verdict(
                            BuildResult.UNSTABLE, List.of("status is fail, but no sample failed or lacked output")));
            // Unreported missing outputs could explain the fail status: no contradiction, only the note.
            assertThat(DEFAULTS.evaluate(cleanPass()
                                    .status(RunStatus.FAIL)
                                    .counts(10, 10, 0, null, 0)
                                    .build())
                            .reasons())
                    .hasSize(1)
                    .allMatch(r -> r.startsWith("missing_output_count was not reported"));
        }

        @Test
        void theResultIsConfigurable() {
            VerdictPolicy strict = VerdictPolicy.builder()
                    .inconsistentCountsResult(BuildResult.FAILURE)
                    .build();
            assertThat(strict.evaluate(cleanPass().counts(10, 11, 0, 0, 0).build())
                            .result())
                    .isEqualTo(BuildResult.FAILURE);
        }

        @Test
        void hugeCountsDoNotOverflow() {
            int max = Integer.MAX_VALUE;
            Verdict verdict = DEFAULTS.evaluate(
                    cleanPass().status(null).counts(max, max, max, max, max).build());
            assertThat(verdict.reasons())
                    .contains("counts do not add up: passed + failed + no output + skipped = " + 4L * max
                            + ", more than the " + max + " samples in the run");
        }
    }

    @Test
    void reasonsAreOrderedWorstResultFirst() {
        VerdictPolicy policy =
                VerdictPolicy.builder().canceledResult(BuildResult.ABORTED).build();
        Verdict verdict = policy.evaluate(
                cleanPass().status(RunStatus.CANCELED).counts(10, 1, 3, 2, 5).build());
        assertThat(verdict.result()).isEqualTo(BuildResult.ABORTED);
        assertThat(verdict.reasons())
                .containsExactly(
                        "run 42 was canceled (by a user or by an infrastructure failure)",
                        "2 samples produced no output",
                        "3 samples failed (threshold 0)",
                        "counts do not add up: passed + failed + no output + skipped = 11, more than the 10 samples in the run");
    }

    @Test
    void rejectsASummaryThatIsNotThere() {
        assertThatThrownBy(() -> DEFAULTS.evaluate(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("summary");
    }

    @Test
    void builderRejectsNegativeThresholdsNamingThem() {
        assertThatThrownBy(() -> VerdictPolicy.builder().failThreshold(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failThreshold must be at least 0, was -1");
        assertThatThrownBy(() -> VerdictPolicy.builder().missingOutputThreshold(-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missingOutputThreshold must be at least 0, was -3");
    }

    @Test
    void builderRefusesSuccessWhereARunCannotHavePassed() {
        List<Consumer<BuildResult>> setters = List.of(
                r -> VerdictPolicy.builder().unfinishedResult(r),
                r -> VerdictPolicy.builder().canceledResult(r),
                r -> VerdictPolicy.builder().runErrorResult(r),
                r -> VerdictPolicy.builder().inconsistentCountsResult(r));
        List<String> names =
                List.of("unfinishedResult", "canceledResult", "runErrorResult", "inconsistentCountsResult");
        for (int i = 0; i < setters.size(); i++) {
            Consumer<BuildResult> setter = setters.get(i);
            assertThatThrownBy(() -> setter.accept(BuildResult.SUCCESS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(names.get(i) + " cannot be SUCCESS");
            assertThatThrownBy(() -> setter.accept(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage(names.get(i));
        }
        assertThatThrownBy(() -> VerdictPolicy.builder().failResult(null)).hasMessage("failResult");
        assertThatThrownBy(() -> VerdictPolicy.builder().missingOutputResult(null))
                .hasMessage("missingOutputResult");
        assertThatThrownBy(() -> VerdictPolicy.builder().unreportedMissingOutputResult(null))
                .hasMessage("unreportedMissingOutputResult");
    }

    @Test
    void valueSemanticsAndSerialization() throws Exception {
        VerdictPolicy policy = VerdictPolicy.builder()
                .failThreshold(3)
                .canceledResult(BuildResult.ABORTED)
                .build();
        assertThat(policy)
                .isEqualTo(VerdictPolicy.builder()
                        .failThreshold(3)
                        .canceledResult(BuildResult.ABORTED)
                        .build())
                .hasSameHashCodeAs(VerdictPolicy.builder()
                        .failThreshold(3)
                        .canceledResult(BuildResult.ABORTED)
                        .build())
                .isNotEqualTo(DEFAULTS);
        assertThat(policy.toString()).contains("failThreshold=3", "canceledResult=ABORTED");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(policy);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(policy);
        }
    }

    @Test
    void wordingCountsSamples() {
        assertThat(Wording.samples(0)).isEqualTo("0 samples");
        assertThat(Wording.samples(1)).isEqualTo("1 sample");
        assertThat(Wording.samples(2)).isEqualTo("2 samples");
    }
}
