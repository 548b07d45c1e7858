package io.jenkins.plugins.sampleplatform.failures;

import java.io.Serializable;
import java.util.List;

/**
 * The failing samples of a run: samples without output first, then failed ones, each by regression test
 * id; at most as many entries as were asked for, while the totals count every failing sample of the run.
 *
 * @param entries            the failures listed, in that order
 * @param missingOutputTotal samples of the run with status {@code missing_output}, listed or not
 * @param failTotal          samples of the run with status {@code fail}, listed or not
 */
public record FailureList(List<SampleFailure> entries, int missingOutputTotal, int failTotal) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A run without failing samples. */
    public static final FailureList NONE = new FailureList(List.of(), 0, 0);

    public FailureList {
        entries = List.copyOf(entries);
        if (missingOutputTotal < 0 || failTotal < 0) {
            throw new IllegalArgumentException(
                    "totals must be at least 0, were " + missingOutputTotal + " and " + failTotal);
        }
        long missingListed = entries.stream()
                .filter(e -> e.status() == SampleStatus.MISSING_OUTPUT)
                .count();
        if (missingListed > missingOutputTotal || entries.size() - missingListed > failTotal) {
            throw new IllegalArgumentException("more failures listed than the totals count");
        }
    }

    /** Every failing sample of the run, listed or not. */
    public int total() {
        return missingOutputTotal + failTotal;
    }

    /** Failing samples of the run that are not listed. */
    public int unlisted() {
        return total() - entries.size();
    }
}
