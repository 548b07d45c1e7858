package io.jenkins.plugins.sampleplatform.compare;

import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The judged run against one reference: every test of the judged run under exactly one verdict.
 *
 * <ul>
 *   <li>No run found ({@link #run()} {@code null}): every test is {@link TestVerdict#NO_REFERENCE}, as the
 *       platform's {@code compare(current, None)} has it; readers say "no reference found", never "no
 *       changes".</li>
 *   <li>The same run as an earlier reference ({@link #sameAs()} is that reference's text): the earlier
 *       comparison's verdicts, not computed again; readers say "the same run as …".</li>
 * </ul>
 *
 * @param reference        the reference as given
 * @param run              the reference run, or {@code null} when none was found
 * @param sameAs           the {@link Reference#text()} of an earlier reference that resolved to the same run, or
 *                         {@code null}
 * @param signaturesKnown  whether both runs' failing tests have known signatures; when not, "failing
 *                         identically" and "failing differently" are one verdict, {@link TestVerdict#FAILING_IN_BOTH}
 * @param tests            the judged run's tests by verdict, each list by regression test id ascending; holds
 *                         exactly the keys of {@link #verdicts()}
 */
public record Comparison(
        Reference reference,
        RunInfo run,
        String sameAs,
        boolean signaturesKnown,
        Map<TestVerdict, List<TestState>> tests)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public Comparison {
        Objects.requireNonNull(reference, "reference");
        if (sameAs != null && run == null) {
            throw new IllegalArgumentException("a reference without a run cannot be the same run as another");
        }
        Map<TestVerdict, List<TestState>> copy = new EnumMap<>(TestVerdict.class);
        for (TestVerdict verdict : verdicts(signaturesKnown)) {
            copy.put(verdict, List.copyOf(tests.getOrDefault(verdict, List.of())));
        }
        for (TestVerdict verdict : tests.keySet()) {
            if (!copy.containsKey(verdict) && !tests.get(verdict).isEmpty()) {
                throw new IllegalArgumentException(verdict.wireValue() + " is not a verdict of a comparison with "
                        + (signaturesKnown ? "known" : "unknown") + " signatures");
            }
        }
        tests = Collections.unmodifiableMap(copy);
    }

    /**
     * Classifies every test of {@code current} against {@code reference} (the platform's {@code compare}).
     *
     * @param reference the reference as given
     * @param current   the judged run
     * @param other     the reference run's states, or {@code null} when no run was found
     */
    public static Comparison of(Reference reference, RunState current, RunState other) {
        boolean known = !current.hasUnknownSignatures() && (other == null || !other.hasUnknownSignatures());
        Map<TestVerdict, List<TestState>> buckets = new EnumMap<>(TestVerdict.class);
        for (TestState test : current.tests().values()) {
            TestVerdict verdict =
                    TestVerdict.classify(test, other == null ? null : other.state(test.regressionTestId()));
            if (!known && (verdict == TestVerdict.FAILING_IDENTICALLY || verdict == TestVerdict.FAILING_DIFFERENTLY)) {
                // One line for the whole comparison: some pairs could be told apart, others not.
                verdict = TestVerdict.FAILING_IN_BOTH;
            }
            buckets.computeIfAbsent(verdict, v -> new ArrayList<>()).add(test);
        }
        return new Comparison(reference, other == null ? null : other.run(), null, known, buckets);
    }

    /** This comparison's verdicts under another reference that resolved to the same run. */
    public Comparison sameRunAs(Reference later) {
        if (run == null) {
            throw new IllegalStateException("no run was found for " + reference.text());
        }
        return new Comparison(later, run, reference.text(), signaturesKnown, tests);
    }

    /** The verdicts this comparison shows, in reading order. */
    public List<TestVerdict> verdicts() {
        return verdicts(signaturesKnown);
    }

    private static List<TestVerdict> verdicts(boolean signaturesKnown) {
        if (signaturesKnown) {
            return TestVerdict.PLATFORM_ORDER;
        }
        List<TestVerdict> order = new ArrayList<>(TestVerdict.PLATFORM_ORDER);
        order.remove(TestVerdict.FAILING_IDENTICALLY);
        order.set(order.indexOf(TestVerdict.FAILING_DIFFERENTLY), TestVerdict.FAILING_IN_BOTH);
        return List.copyOf(order);
    }

    /** Whether a reference run was found. */
    public boolean found() {
        return run != null;
    }

    /** Whether this is a found run compared for the first time: the kind the verdict and the closing line use. */
    public boolean available() {
        return run != null && sameAs == null;
    }

    /** The tests under one verdict (empty for a verdict this comparison does not show). */
    public List<TestState> tests(TestVerdict verdict) {
        return tests.getOrDefault(verdict, List.of());
    }

    /** How many tests are under one verdict. */
    public int count(TestVerdict verdict) {
        return tests(verdict).size();
    }

    /** The counts of {@link #verdicts()}, in reading order. */
    public Map<TestVerdict, Integer> counts() {
        Map<TestVerdict, Integer> counts = new LinkedHashMap<>();
        verdicts().forEach(v -> counts.put(v, count(v)));
        return counts;
    }

    /** Broken here plus failing differently: what the change did, as the platform's closing line counts it. */
    public int changedCount() {
        return count(TestVerdict.BROKEN_HERE) + count(TestVerdict.FAILING_DIFFERENTLY);
    }
}
