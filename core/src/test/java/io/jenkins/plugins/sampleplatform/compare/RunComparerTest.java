package io.jenkins.plugins.sampleplatform.compare;

import static io.jenkins.plugins.sampleplatform.compare.States.failed;
import static io.jenkins.plugins.sampleplatform.compare.States.failedUnknown;
import static io.jenkins.plugins.sampleplatform.compare.States.out;
import static io.jenkins.plugins.sampleplatform.compare.States.passed;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.summary.RunNotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunComparerTest {

    /** States and references from maps; counts reads, so "compared once" can be checked. */
    private static final class MapSource implements RunStateSource, ReferenceResolver {
        final Map<Integer, RunState> runs = new HashMap<>();
        final Map<Reference, Integer> references = new HashMap<>();
        final List<Integer> reads = new ArrayList<>();

        MapSource with(RunState state) {
            runs.put(state.runId(), state);
            return this;
        }

        @Override
        public RunState state(int runId) throws RunNotFoundException {
            reads.add(runId);
            RunState state = runs.get(runId);
            if (state == null) {
                throw new RunNotFoundException(runId, "Run " + runId + " not found.");
            }
            return state;
        }

        @Override
        public Optional<RunInfo> resolve(Reference reference, RunInfo judged) {
            return Optional.ofNullable(references.get(reference))
                    .map(id -> runs.get(id).run());
        }

        @Override
        public String describe() {
            return "maps";
        }
    }

    private final MapSource source = new MapSource()
            .with(States.state(
                    10, passed(1), failed(2, out(1, "a")), failed(3, out(1, "b")), failed(4, out(1, "c")), passed(5)))
            .with(States.state(9, passed(1), passed(2), failed(3, out(1, "b")), failed(4, out(1, "x")), failed(5)));

    @Test
    void everyTestGetsOneVerdictInThePlatformsOrder() throws Exception {
        source.references.put(new Reference.Master(), 9);
        ComparisonReport report = new RunComparer(source, source).compare(10, List.of(new Reference.Master()));
        Comparison c = report.comparisons().get(0);
        assertThat(c.run().runId()).isEqualTo(9);
        assertThat(c.sameAs()).isNull();
        assertThat(c.signaturesKnown()).isTrue();
        assertThat(c.counts())
                .containsExactly(
                        Map.entry(TestVerdict.BROKEN_HERE, 1),
                        Map.entry(TestVerdict.FIXED_HERE, 1),
                        Map.entry(TestVerdict.FAILING_DIFFERENTLY, 1),
                        Map.entry(TestVerdict.FAILING_IDENTICALLY, 1),
                        Map.entry(TestVerdict.UNCHANGED_PASS, 1),
                        Map.entry(TestVerdict.NO_REFERENCE, 0));
        assertThat(c.tests(TestVerdict.BROKEN_HERE))
                .extracting(TestState::regressionTestId)
                .containsExactly(2);
        assertThat(c.changedCount()).isEqualTo(2);
        assertThat(report.firstAvailable()).contains(c);
    }

    @Test
    void aReferenceThatIsTheSameRunIsMarkedAndNotReadAgain() throws Exception {
        Reference commit = new Reference.Commit(States.sha(9));
        source.references.put(new Reference.Master(), 9);
        source.references.put(commit, 9);
        ComparisonReport report = new RunComparer(source, source).compare(10, List.of(new Reference.Master(), commit));
        Comparison second = report.comparisons().get(1);
        assertThat(second.reference()).isEqualTo(commit);
        assertThat(second.sameAs()).isEqualTo("master");
        assertThat(second.available()).isFalse();
        assertThat(second.counts()).isEqualTo(report.comparisons().get(0).counts());
        assertThat(source.reads).containsExactly(10, 9);
    }

    @Test
    void noRunFoundIsNoReferenceForEveryTestNeverNoChanges() throws Exception {
        source.references.put(new Reference.Run(9), 9);
        ComparisonReport report =
                new RunComparer(source, source).compare(10, List.of(new Reference.Master(), new Reference.Run(9)));
        Comparison none = report.comparisons().get(0);
        assertThat(none.found()).isFalse();
        assertThat(none.count(TestVerdict.NO_REFERENCE)).isEqualTo(5);
        assertThat(none.changedCount()).isZero();
        // The first available is the next one that has a run.
        assertThat(report.firstAvailable().orElseThrow().reference()).isEqualTo(new Reference.Run(9));
    }

    @Test
    void withoutReferencesTheReportHasNoComparison() throws Exception {
        ComparisonReport report = new RunComparer(source, source).compare(10, List.of());
        assertThat(report.comparisons()).isEmpty();
        assertThat(report.firstAvailable()).isEmpty();
    }

    @Test
    void unknownSignaturesGiveOneFailingInBothLine() throws Exception {
        source.with(States.state(20, failedUnknown(3), failedUnknown(4), passed(5)));
        source.with(States.state(21, failedUnknown(3), passed(4), failedUnknown(5)));
        source.references.put(new Reference.Run(21), 21);
        Comparison c = new RunComparer(source, source)
                .compare(20, List.of(new Reference.Run(21)))
                .comparisons()
                .get(0);
        assertThat(c.signaturesKnown()).isFalse();
        assertThat(c.verdicts())
                .containsExactly(
                        TestVerdict.BROKEN_HERE,
                        TestVerdict.FIXED_HERE,
                        TestVerdict.FAILING_IN_BOTH,
                        TestVerdict.UNCHANGED_PASS,
                        TestVerdict.NO_REFERENCE);
        assertThat(c.count(TestVerdict.FAILING_IN_BOTH)).isEqualTo(1);
        assertThat(c.counts()).doesNotContainKeys(TestVerdict.FAILING_IDENTICALLY, TestVerdict.FAILING_DIFFERENTLY);
    }
}
