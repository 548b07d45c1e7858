package io.jenkins.plugins.sampleplatform.compare;

import java.util.List;

/**
 * What one test did here relative to a reference run: the platform's six verdicts
 * ({@code mod_ci/comparison.py}), in its reading order, plus {@link #FAILING_IN_BOTH} for a test that fails on
 * both sides where a signature is unknown, so that "identically" and "differently" cannot be told apart.
 */
public enum TestVerdict {
    /** Fails here, passed there. */
    BROKEN_HERE("broken_here", "broken here", "pass there, fail here"),
    /** Passes here, failed there. */
    FIXED_HERE("fixed_here", "fixed here", "fail there, pass here"),
    /** Fails on both sides with different produced output: behaviour moved though the verdict did not. */
    FAILING_DIFFERENTLY("failing_differently", "failing differently", "fail on both, with different output"),
    /** Fails on both sides with the same produced bytes: the approved output is out of date. */
    FAILING_IDENTICALLY("failing_identically", "failing identically", "fail on both, byte for byte the same"),
    /** Fails on both sides; whether identically cannot be said (a signature is unknown). */
    FAILING_IN_BOTH(
            "failing_in_both",
            "fails in both (token cannot read output hashes)",
            "fail on both (token cannot read output hashes)"),
    /** Passes on both sides. */
    UNCHANGED_PASS("unchanged_pass", "unchanged pass", "pass on both"),
    /** The reference run has no state for the test (or there is no reference run). */
    NO_REFERENCE("no_reference", "no reference", "have no result in that run");

    /** The platform's six, in its reading order (what a comparison with known signatures uses). */
    public static final List<TestVerdict> PLATFORM_ORDER =
            List.of(BROKEN_HERE, FIXED_HERE, FAILING_DIFFERENTLY, FAILING_IDENTICALLY, UNCHANGED_PASS, NO_REFERENCE);

    private final String wireValue;
    private final String label;
    private final String sentence;

    TestVerdict(String wireValue, String label, String sentence) {
        this.wireValue = wireValue;
        this.label = label;
        this.sentence = sentence;
    }

    /** The platform's name, e.g. {@code broken_here} (JSON keys). */
    public String wireValue() {
        return wireValue;
    }

    /** A short label for tables, e.g. {@code broken here}. */
    public String label() {
        return label;
    }

    /** The platform comment's wording after a count, e.g. {@code pass there, fail here}. */
    public String sentence() {
        return sentence;
    }

    /** Whether this is something the change did (broken here, or failing differently). */
    public boolean isChange() {
        return this == BROKEN_HERE || this == FAILING_DIFFERENTLY;
    }

    /**
     * The platform's {@code classify}, with one addition: a test failing on both sides where either
     * signature is unknown is {@link #FAILING_IN_BOTH}, never identical or different.
     *
     * @param current   the test here
     * @param reference the test in the reference run, or {@code null} when that run has no state for it
     */
    public static TestVerdict classify(TestState current, TestState reference) {
        if (reference == null) {
            return NO_REFERENCE;
        }
        if (current.passed() && reference.passed()) {
            return UNCHANGED_PASS;
        }
        if (current.passed()) {
            return FIXED_HERE;
        }
        if (reference.passed()) {
            return BROKEN_HERE;
        }
        if (!current.signature().known() || !reference.signature().known()) {
            return FAILING_IN_BOTH;
        }
        return current.signature().equals(reference.signature()) ? FAILING_IDENTICALLY : FAILING_DIFFERENTLY;
    }
}
