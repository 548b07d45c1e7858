package io.jenkins.plugins.sampleplatform.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Properties of the comparison over random states. Each repetition draws a fresh seed (or takes
 * {@code -Dcompare.seed=N} to replay one) and names it in every failure message.
 */
class ComparisonPropertiesTest {

    private static final int CASES = 300;

    private interface Case {
        void check(Random random, String label);
    }

    @RepeatedTest(5)
    void everyTestOfTheJudgedRunGetsExactlyOneVerdict(RepetitionInfo repetition) {
        forEachCase(repetition, (random, label) -> {
            RunState current = States.random(random, 1, 30, random.nextDouble() / 2);
            RunState other = random.nextInt(8) == 0 ? null : States.random(random, 2, 30, random.nextDouble() / 2);
            Comparison c = Comparison.of(new Reference.Master(), current, other);
            List<Integer> ids = new ArrayList<>();
            c.tests().values().forEach(tests -> tests.forEach(t -> ids.add(t.regressionTestId())));
            assertThat(ids)
                    .as(label)
                    .containsExactlyInAnyOrderElementsOf(current.tests().keySet());
            assertThat(c.counts().values().stream().mapToInt(Integer::intValue).sum())
                    .as(label)
                    .isEqualTo(current.tests().size());
            c.tests()
                    .values()
                    .forEach(tests -> assertThat(tests)
                            .as(label + ": ascending ids")
                            .isSortedAccordingTo(
                                    (a, b) -> Integer.compare(a.regressionTestId(), b.regressionTestId())));
            if (other == null) {
                assertThat(c.count(TestVerdict.NO_REFERENCE))
                        .as(label)
                        .isEqualTo(current.tests().size());
            }
        });
    }

    @RepeatedTest(5)
    void swappingTheRunsSwapsBrokenAndFixedAndKeepsTheRest(RepetitionInfo repetition) {
        forEachCase(repetition, (random, label) -> {
            RunState a = States.random(random, 1, 25, random.nextInt(3) == 0 ? 0.5 : 0);
            RunState b = States.random(random, 2, 25, random.nextInt(3) == 0 ? 0.5 : 0);
            for (TestState test : a.tests().values()) {
                TestState there = b.state(test.regressionTestId());
                if (there == null) {
                    continue;
                }
                TestVerdict forward = TestVerdict.classify(test, there);
                TestVerdict backward = TestVerdict.classify(there, test);
                TestVerdict expected =
                        switch (forward) {
                            case BROKEN_HERE -> TestVerdict.FIXED_HERE;
                            case FIXED_HERE -> TestVerdict.BROKEN_HERE;
                            default -> forward;
                        };
                assertThat(backward)
                        .as("%s: test %s", label, test.regressionTestId())
                        .isEqualTo(expected);
            }
        });
    }

    @RepeatedTest(5)
    void aRunComparedWithItselfChangesNothing(RepetitionInfo repetition) {
        forEachCase(repetition, (random, label) -> {
            RunState run = States.random(random, 1, 30, 0);
            Comparison c = Comparison.of(new Reference.Run(1), run, run);
            assertThat(c.changedCount() + c.count(TestVerdict.FIXED_HERE) + c.count(TestVerdict.NO_REFERENCE))
                    .as(label)
                    .isZero();
            assertThat(c.count(TestVerdict.FAILING_IDENTICALLY)).as(label).isEqualTo((int)
                    run.tests().values().stream().filter(t -> !t.passed()).count());
        });
    }

    @RepeatedTest(5)
    void anUnknownSignatureNeverGivesIdenticalOrDifferent(RepetitionInfo repetition) {
        forEachCase(repetition, (random, label) -> {
            RunState current = States.random(random, 1, 30, 1);
            RunState other = States.random(random, 2, 30, random.nextDouble());
            Comparison c = Comparison.of(new Reference.Master(), current, other);
            boolean anyUnknown = current.hasUnknownSignatures() || other.hasUnknownSignatures();
            assertThat(c.signaturesKnown()).as(label).isEqualTo(!anyUnknown);
            if (anyUnknown) {
                assertThat(c.tests().keySet())
                        .as(label)
                        .doesNotContain(TestVerdict.FAILING_IDENTICALLY, TestVerdict.FAILING_DIFFERENTLY);
            }
            // Whatever the signatures, the verdicts that need none agree with a known-signature view.
            RunState currentKnown = forget(current);
            RunState otherKnown = forget(other);
            Comparison known = Comparison.of(new Reference.Master(), currentKnown, otherKnown);
            for (TestVerdict v : Set.of(
                    TestVerdict.BROKEN_HERE,
                    TestVerdict.FIXED_HERE,
                    TestVerdict.UNCHANGED_PASS,
                    TestVerdict.NO_REFERENCE)) {
                assertThat(c.count(v)).as("%s: %s", label, v).isEqualTo(known.count(v));
            }
            int bothFail = known.count(TestVerdict.FAILING_IDENTICALLY) + known.count(TestVerdict.FAILING_DIFFERENTLY);
            assertThat(c.count(TestVerdict.FAILING_IN_BOTH)
                            + c.count(TestVerdict.FAILING_IDENTICALLY)
                            + c.count(TestVerdict.FAILING_DIFFERENTLY))
                    .as(label)
                    .isEqualTo(bothFail);
        });
    }

    @RepeatedTest(5)
    void identicalMeansEqualSignatures(RepetitionInfo repetition) {
        forEachCase(repetition, (random, label) -> {
            RunState a = States.random(random, 1, 25, 0);
            RunState b = States.random(random, 2, 25, 0);
            Comparison c = Comparison.of(new Reference.Run(2), a, b);
            for (Map.Entry<TestVerdict, List<TestState>> e : c.tests().entrySet()) {
                for (TestState test : e.getValue()) {
                    TestState there = b.state(test.regressionTestId());
                    boolean bothFail = there != null && !test.passed() && !there.passed();
                    boolean same = there != null && test.signature().equals(there.signature());
                    if (e.getKey() == TestVerdict.FAILING_IDENTICALLY) {
                        assertThat(bothFail && same).as(label).isTrue();
                    } else if (e.getKey() == TestVerdict.FAILING_DIFFERENTLY) {
                        assertThat(bothFail && !same).as(label).isTrue();
                    } else {
                        assertThat(bothFail).as(label).isFalse();
                    }
                }
            }
        });
    }

    /** The same run with every unknown signature replaced by an empty one. */
    private static RunState forget(RunState run) {
        List<TestState> tests = new ArrayList<>();
        run.tests()
                .values()
                .forEach(t -> tests.add(TestState.of(
                        t.regressionTestId(), t.passed(), t.signature().known() ? t.signature() : Signature.empty())));
        return RunState.of(run.run(), tests);
    }

    private static void forEachCase(RepetitionInfo repetition, Case check) {
        String fixed = System.getProperty("compare.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : new SecureRandom().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            check.check(
                    random,
                    "seed " + seed + " (replay with -Dcompare.seed=" + seed + "), case " + i + " of repetition "
                            + repetition.getCurrentRepetition());
        }
    }
}
