package io.jenkins.plugins.sampleplatform.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Properties of the policy over random summaries and policies. Each repetition draws a fresh seed
 * (or takes {@code -Dverdict.seed=N} to replay one) and names it in every failure message.
 *
 * <p>Summaries are arbitrary, contradictory ones included, with one exception for the monotonicity
 * properties: status {@code fail} with no failed and no output-less sample. That contradiction is
 * flagged (UNSTABLE by default), and adding a failure within the threshold resolves it, so there "more
 * failures" can honestly give a better result; {@link VerdictPolicyTest} covers the case.
 */
class VerdictPolicyPropertiesTest {

    private static final int CASES = 400;
    private static final BuildResult[] RESULTS = BuildResult.values();
    private static final RunStatus[] STATUSES = RunStatus.values();

    @RepeatedTest(10)
    void moreFailedSamplesNeverGiveABetterResult(RepetitionInfo repetition) {
        forEachCase(repetition, (random, label) -> {
            RunSummary before = randomMonotoneSummary(random);
            assertNotBetter(randomPolicy(random), before, worsen(before, random, false), label);
        });
    }

    @RepeatedTest(10)
    void moreSamplesWithoutOutputNeverGiveABetterResult(RepetitionInfo repetition) {
        forEachCase(repetition, (random, label) -> {
            RunSummary before = randomMonotoneSummary(random);
            if (before.missingOutputCount() != null) { // "more" than an unreported count is undefined
                assertNotBetter(randomPolicy(random), before, worsen(before, random, true), label);
            }
        });
    }

    @RepeatedTest(10)
    void higherThresholdsNeverGiveAWorseResult(RepetitionInfo repetition) {
        forEachCase(repetition, (random, label) -> {
            RunSummary summary = randomSummary(random);
            VerdictPolicy strict = randomPolicy(random);
            VerdictPolicy lenient = copy(strict)
                    .failThreshold(strict.failThreshold() + random.nextInt(5))
                    .missingOutputThreshold(strict.missingOutputThreshold() + random.nextInt(5))
                    .build();
            assertThat(lenient.evaluate(summary)
                            .result()
                            .isWorseThan(strict.evaluate(summary).result()))
                    .as("%s: %s under %s vs %s", label, summary, lenient, strict)
                    .isFalse();
        });
    }

    @RepeatedTest(10)
    void successWithoutReasonsExactlyForACleanSummary(RepetitionInfo repetition) {
        forEachCase(repetition, (random, label) -> {
            RunSummary summary = randomSummary(random);
            VerdictPolicy policy = randomPolicy(random);
            Verdict verdict = policy.evaluate(summary);
            boolean successWithoutReasons =
                    verdict.result() == BuildResult.SUCCESS && verdict.reasons().isEmpty();
            assertThat(successWithoutReasons)
                    .as("%s: %s under %s gave %s", label, summary, policy, verdict)
                    .isEqualTo(isClean(summary, policy));
            if (verdict.reasons().isEmpty()) {
                assertThat(verdict.result())
                        .as("%s: no reasons but %s", label, verdict)
                        .isEqualTo(BuildResult.SUCCESS);
            }
            if (verdict.result() != BuildResult.SUCCESS) {
                assertThat(verdict.reasons())
                        .as("%s: %s without a reason", label, verdict)
                        .isNotEmpty();
            }
        });
    }

    @RepeatedTest(10)
    void applyingAVerdictNeverImprovesABuild(RepetitionInfo repetition) {
        forEachCase(repetition, (random, label) -> {
            Verdict verdict = randomPolicy(random).evaluate(randomSummary(random));
            for (BuildResult current : RESULTS) {
                BuildResult applied = verdict.applyTo(current);
                assertThat(current.isWorseThan(applied))
                        .as("%s: %s applied to %s gave %s", label, verdict, current, applied)
                        .isFalse();
                assertThat(verdict.result().isWorseThan(applied))
                        .as("%s: %s lost to %s", label, verdict, applied)
                        .isFalse();
                assertThat(applied).isIn(current, verdict.result());
            }
            assertThat(verdict.applyTo(null)).isEqualTo(verdict.result());
        });
    }

    /** The oracle, written from the documented rules rather than from the implementation. */
    private static boolean isClean(RunSummary s, VerdictPolicy policy) {
        RunStatus status = s.status();
        if (status != null && status != RunStatus.PASS && status != RunStatus.FAIL) {
            return false;
        }
        Integer missing = s.missingOutputCount();
        // Failed or output-less samples within their thresholds are tolerated, and listed as such.
        if (missing == null || missing > 0 || s.failCount() > 0) {
            return false;
        }
        long sum = (long) s.passCount() + s.failCount() + missing + (s.skippedCount() == null ? 0 : s.skippedCount());
        boolean addsUp = s.skippedCount() == null ? sum <= s.totalSamples() : sum == s.totalSamples();
        boolean statusAgrees = status == null
                || (status == RunStatus.PASS && s.failCount() == 0 && missing == 0)
                || (status == RunStatus.FAIL && s.failCount() + missing > 0);
        return addsUp && statusAgrees;
    }

    private interface Case {
        void check(Random random, String label);
    }

    private static void forEachCase(RepetitionInfo repetition, Case check) {
        String fixed = System.getProperty("verdict.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : new SecureRandom().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            check.check(
                    random,
                    "seed " + seed + " (replay with -Dverdict.seed=" + seed + "), case " + i + " of repetition "
                            + repetition.getCurrentRepetition());
        }
    }

    private static void assertNotBetter(VerdictPolicy policy, RunSummary before, RunSummary after, String label) {
        BuildResult was = policy.evaluate(before).result();
        BuildResult is = policy.evaluate(after).result();
        assertThat(was.isWorseThan(is))
                .as("%s: %s gave %s, but %s gave the better %s under %s", label, before, was, after, is, policy)
                .isFalse();
    }

    private static RunSummary randomMonotoneSummary(Random random) {
        RunSummary s;
        do {
            s = randomSummary(random);
        } while (s.status() == RunStatus.FAIL
                && s.failCount() == 0
                && s.missingOutputCount() != null
                && s.missingOutputCount() == 0);
        return s;
    }

    /** Mostly consistent small runs, often with contradictions, unreported fields and every status. */
    private static RunSummary randomSummary(Random random) {
        int pass = random.nextInt(8);
        int fail = random.nextInt(4) == 0 ? random.nextInt(5) : 0;
        Integer missing = random.nextInt(5) == 0 ? null : (random.nextInt(4) == 0 ? random.nextInt(4) : 0);
        Integer skipped = random.nextInt(5) == 0 ? null : random.nextInt(4);
        long sum = pass + fail + (missing == null ? 0 : missing) + (skipped == null ? 0 : skipped);
        int total =
                switch (random.nextInt(4)) {
                    case 0 -> (int) Math.max(0, sum - random.nextInt(3)); // maybe too few
                    case 1 -> (int) sum + random.nextInt(3); // maybe too many, or unreported skipped
                    default -> (int) sum;
                };
        RunStatus status = random.nextInt(6) == 0 ? null : STATUSES[random.nextInt(STATUSES.length)];
        Integer errors = random.nextBoolean() ? null : random.nextInt(5);
        Long duration = random.nextBoolean() ? null : (long) random.nextInt(1_000_000);
        return new RunSummary(
                1 + random.nextInt(1000), status, total, pass, fail, skipped, missing, errors, duration, null);
    }

    /**
     * The same run with some passed and (when reported) skipped samples now failed, or without output,
     * and a few more such samples added to it.
     */
    private static RunSummary worsen(RunSummary s, Random random, boolean withoutOutput) {
        int fromPassed = random.nextInt(s.passCount() + 1);
        int fromSkipped = s.skippedCount() == null ? 0 : random.nextInt(s.skippedCount() + 1);
        int added = random.nextInt(4);
        int more = fromPassed + fromSkipped + added;
        Integer missing = withoutOutput ? Integer.valueOf(s.missingOutputCount() + more) : s.missingOutputCount();
        return new RunSummary(
                s.runId(),
                s.status(),
                s.totalSamples() + added,
                s.passCount() - fromPassed,
                withoutOutput ? s.failCount() : s.failCount() + more,
                s.skippedCount() == null ? null : s.skippedCount() - fromSkipped,
                missing,
                s.errorCount(),
                s.durationMs(),
                s.triggeredBy());
    }

    private static VerdictPolicy randomPolicy(Random random) {
        return VerdictPolicy.builder()
                .failThreshold(random.nextInt(4))
                .failResult(any(random))
                .missingOutputThreshold(random.nextInt(4))
                .missingOutputResult(any(random))
                .unreportedMissingOutputResult(any(random))
                .unfinishedResult(notSuccess(random))
                .canceledResult(notSuccess(random))
                .runErrorResult(notSuccess(random))
                .inconsistentCountsResult(notSuccess(random))
                .build();
    }

    private static VerdictPolicy.Builder copy(VerdictPolicy p) {
        return VerdictPolicy.builder()
                .failThreshold(p.failThreshold())
                .failResult(p.failResult())
                .missingOutputThreshold(p.missingOutputThreshold())
                .missingOutputResult(p.missingOutputResult())
                .unreportedMissingOutputResult(p.unreportedMissingOutputResult())
                .unfinishedResult(p.unfinishedResult())
                .canceledResult(p.canceledResult())
                .runErrorResult(p.runErrorResult())
                .inconsistentCountsResult(p.inconsistentCountsResult());
    }

    private static BuildResult any(Random random) {
        return RESULTS[random.nextInt(RESULTS.length)];
    }

    private static BuildResult notSuccess(Random random) {
        return RESULTS[1 + random.nextInt(RESULTS.length - 1)];
    }
}
