package io.jenkins.plugins.sampleplatform.compare;

import static io.jenkins.plugins.sampleplatform.compare.States.failed;
import static io.jenkins.plugins.sampleplatform.compare.States.failedUnknown;
import static io.jenkins.plugins.sampleplatform.compare.States.out;
import static io.jenkins.plugins.sampleplatform.compare.States.passed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The platform's {@code classify}, case by case, and the cases its comparison document singles out. */
class TestVerdictTest {

    @Test
    void theSixVerdictsOfThePlatform() {
        assertThat(TestVerdict.classify(passed(1), null)).isEqualTo(TestVerdict.NO_REFERENCE);
        assertThat(TestVerdict.classify(failed(1, out(2, "a")), null)).isEqualTo(TestVerdict.NO_REFERENCE);
        assertThat(TestVerdict.classify(passed(1), passed(1))).isEqualTo(TestVerdict.UNCHANGED_PASS);
        assertThat(TestVerdict.classify(passed(1), failed(1, out(2, "a")))).isEqualTo(TestVerdict.FIXED_HERE);
        assertThat(TestVerdict.classify(failed(1, out(2, "a")), passed(1))).isEqualTo(TestVerdict.BROKEN_HERE);
        assertThat(TestVerdict.classify(failed(1, out(2, "a")), failed(1, out(2, "a"))))
                .isEqualTo(TestVerdict.FAILING_IDENTICALLY);
        assertThat(TestVerdict.classify(failed(1, out(2, "a")), failed(1, out(2, "b"))))
                .isEqualTo(TestVerdict.FAILING_DIFFERENTLY);
    }

    @Test
    void theExitCodeIsNotPartOfTheSignature() {
        // Exit 1 here, exit 2 there, the same files: the states carry no exit code, so identical.
        TestState exitOne = failed(1, out(5, "same"));
        TestState exitTwo = failed(1, out(5, "same"));
        assertThat(TestVerdict.classify(exitOne, exitTwo)).isEqualTo(TestVerdict.FAILING_IDENTICALLY);
        // Failing only on the exit code on both sides: both signatures empty, identical.
        assertThat(TestVerdict.classify(failed(1), failed(1))).isEqualTo(TestVerdict.FAILING_IDENTICALLY);
    }

    @Test
    void anAcceptedVariantHashOnOneSideMakesAFailureDifferent() {
        // Failing on its exit code both times; here output 5 produced an accepted variant, there it matched.
        assertThat(TestVerdict.classify(failed(1, out(5, "variant")), failed(1)))
                .isEqualTo(TestVerdict.FAILING_DIFFERENTLY);
    }

    @Test
    void aNeverRanTestFailsWithTheDummySignature() {
        TestState neverRan = TestState.of(1, false, Signature.dummy());
        assertThat(Signature.dummy().outputs()).containsExactly(out(-1, "error"));
        assertThat(TestVerdict.classify(neverRan, TestState.of(1, false, Signature.dummy())))
                .isEqualTo(TestVerdict.FAILING_IDENTICALLY);
        assertThat(TestVerdict.classify(neverRan, failed(1, out(3, "x")))).isEqualTo(TestVerdict.FAILING_DIFFERENTLY);
        assertThat(TestVerdict.classify(neverRan, passed(1))).isEqualTo(TestVerdict.BROKEN_HERE);
    }

    @Test
    void signaturesAreSortedPairsSoOrderDoesNotMatter() {
        Signature one = Signature.of(List.of(out(7, "b"), out(3, "z"), out(7, "a")));
        Signature two = Signature.of(List.of(out(7, "a"), out(7, "b"), out(3, "z")));
        assertThat(one).isEqualTo(two);
        assertThat(one.outputs()).containsExactly(out(3, "z"), out(7, "a"), out(7, "b"));
        assertThat(Signature.of(List.of(out(-1, "error"), out(2, "x")))
                        .outputs()
                        .get(0)
                        .hasDiff())
                .isFalse();
    }

    @Test
    void anUnknownSignatureMakesFailingInBothNeverIdenticalOrDifferent() {
        assertThat(TestVerdict.classify(failedUnknown(1), failedUnknown(1))).isEqualTo(TestVerdict.FAILING_IN_BOTH);
        assertThat(TestVerdict.classify(failedUnknown(1), failed(1, out(2, "a"))))
                .isEqualTo(TestVerdict.FAILING_IN_BOTH);
        assertThat(TestVerdict.classify(failed(1), failedUnknown(1))).isEqualTo(TestVerdict.FAILING_IN_BOTH);
        // The other verdicts need no signature.
        assertThat(TestVerdict.classify(failedUnknown(1), passed(1))).isEqualTo(TestVerdict.BROKEN_HERE);
        assertThat(TestVerdict.classify(passed(1), failedUnknown(1))).isEqualTo(TestVerdict.FIXED_HERE);
        assertThat(Signature.unknown()).isNotEqualTo(Signature.empty());
        assertThat(Signature.unknown().sameBytesAs(Signature.unknown())).isFalse();
        assertThatThrownBy(() -> Signature.unknown().outputs()).hasMessageContaining("cannot read output hashes");
        assertThat(TestVerdict.FAILING_IN_BOTH.label()).isEqualTo("fails in both (token cannot read output hashes)");
    }

    @Test
    void wireNamesAndReadingOrderAreThePlatforms() {
        assertThat(TestVerdict.PLATFORM_ORDER.stream().map(TestVerdict::wireValue))
                .containsExactly(
                        "broken_here",
                        "fixed_here",
                        "failing_differently",
                        "failing_identically",
                        "unchanged_pass",
                        "no_reference");
    }

    @Test
    void statesRejectNonsense() {
        assertThatThrownBy(() -> TestState.of(0, true, Signature.empty())).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new ProducedOutput(1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> States.state(1, passed(3), failed(3)))
                .hasMessageContaining("regression test 3 has two different states in run 1");
        assertThat(States.state(1, passed(3), passed(3)).tests()).hasSize(1);
    }
}
