package io.jenkins.plugins.sampleplatform.compare;

import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares a run with references: reads its states, resolves each reference, reads each distinct reference
 * run once. A reference that resolves to the same run as an earlier one is marked, not compared again.
 */
public final class RunComparer {

    private final RunStateSource states;
    private final ReferenceResolver resolver;

    public RunComparer(RunStateSource states, ReferenceResolver resolver) {
        this.states = Objects.requireNonNull(states, "states");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * @param runId      the judged run
     * @param references in the order given; may be empty (then the report has no comparison)
     * @throws SummaryException     when a state or a reference cannot be read; the message says why
     * @throws InterruptedException when the caller is interrupted
     */
    public ComparisonReport compare(int runId, List<Reference> references)
            throws SummaryException, InterruptedException {
        RunState current = states.state(runId);
        return compare(current, references);
    }

    /** The same, for a judged run whose states are already read. */
    public ComparisonReport compare(RunState current, List<Reference> references)
            throws SummaryException, InterruptedException {
        List<Comparison> comparisons = new ArrayList<>();
        for (Reference reference : references) {
            comparisons.add(compareWith(current, reference, comparisons));
        }
        return new ComparisonReport(current, comparisons, List.of(), states.diffNote());
    }

    private Comparison compareWith(RunState current, Reference reference, List<Comparison> earlier)
            throws SummaryException, InterruptedException {
        Optional<RunInfo> run = resolver.resolve(reference, current.run());
        if (run.isEmpty()) {
            return Comparison.of(reference, current, null);
        }
        for (Comparison before : earlier) {
            if (before.available() && before.run().runId() == run.get().runId()) {
                return before.sameRunAs(reference);
            }
        }
        return Comparison.of(reference, current, states.state(run.get().runId()));
    }
}
