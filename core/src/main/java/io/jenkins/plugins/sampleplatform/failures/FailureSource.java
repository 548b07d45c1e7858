package io.jenkins.plugins.sampleplatform.failures;

import io.jenkins.plugins.sampleplatform.summary.SummaryException;

/**
 * Where the failing samples of a run come from: the platform's REST API ({@code GET /runs/{id}/samples})
 * or its database. Both give the same {@link FailureList} for the same run.
 */
public interface FailureSource {

    /**
     * The failing samples of one run.
     *
     * @param runId the run id, 1 to 2147483647
     * @param limit the most entries to list, at least 0 (0 gives only the totals where that is cheaper)
     * @return missing-output samples first, then failed ones, each by regression test id ascending; the totals
     *         count every failing sample of the run
     * @throws SummaryException     when the list cannot be had; the message says why and what to do
     * @throws InterruptedException when the calling thread is interrupted (an aborted build)
     */
    FailureList failures(int runId, int limit) throws SummaryException, InterruptedException;
}
