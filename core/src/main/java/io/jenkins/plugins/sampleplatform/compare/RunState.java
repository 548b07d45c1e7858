package io.jenkins.plugins.sampleplatform.compare;

import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every test state of one run, by regression test id, and the run itself (its commit and platform name a
 * reference and pick the tip of master).
 *
 * @param run   the run
 * @param tests the states by regression test id, ascending
 */
public record RunState(RunInfo run, SortedMap<Integer, TestState> tests) implements Serializable {

    private static final long serialVersionUID = 1L;

    public RunState {
        Objects.requireNonNull(run, "run");
        tests = Collections.unmodifiableSortedMap(new TreeMap<>(tests));
        tests.forEach((id, state) -> {
            if (id != state.regressionTestId()) {
                throw new IllegalArgumentException("state of test " + state.regressionTestId() + " under key " + id);
            }
        });
    }

    /**
     * The run's states from a list that has one state per test.
     *
     * @throws IllegalArgumentException when a test appears twice with different states
     */
    public static RunState of(RunInfo run, Collection<TestState> states) {
        Map<Integer, TestState> byId = new TreeMap<>();
        for (TestState state : states) {
            TestState earlier = byId.putIfAbsent(state.regressionTestId(), state);
            if (earlier != null && !earlier.equals(state)) {
                throw new IllegalArgumentException("regression test " + state.regressionTestId()
                        + " has two different states in run " + run.runId());
            }
        }
        return new RunState(run, new TreeMap<>(byId));
    }

    public int runId() {
        return run.runId();
    }

    /** The state of one test, or {@code null} when the run has none (not in its selection, or in no category). */
    public TestState state(int regressionTestId) {
        return tests.get(regressionTestId);
    }

    /** Whether some failing test's signature is unknown (the source could not read output hashes). */
    public boolean hasUnknownSignatures() {
        return tests.values().stream()
                .anyMatch(t -> !t.passed() && !t.signature().known());
    }
}
