package io.jenkins.plugins.sampleplatform.results;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Every sample of a run with a result, and (when asked for) the selected samples that never ran, by regression
 * test id ascending, each once.
 *
 * @param runId   the run
 * @param samples the samples, by regression test id
 * @param cost    what listing them cost
 */
public record RunResults(int runId, List<SampleResult> samples, ListingCost cost) implements Serializable {

    private static final long serialVersionUID = 1L;

    public RunResults {
        samples = List.copyOf(samples);
        Objects.requireNonNull(cost, "cost");
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i - 1).regressionTestId() >= samples.get(i).regressionTestId()) {
                throw new IllegalArgumentException("samples must be by regression test id, each once");
            }
        }
    }
}
