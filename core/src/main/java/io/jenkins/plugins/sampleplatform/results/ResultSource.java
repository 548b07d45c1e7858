package io.jenkins.plugins.sampleplatform.results;

import io.jenkins.plugins.sampleplatform.summary.SummaryException;

/**
 * Where every sample result of a run comes from: the platform's paged listing ({@code GET /runs/{id}/samples},
 * {@code ceil(n/100)} requests for {@code n} results) or its database (a fixed number of set-based statements).
 * Both give the same {@link RunResults} for the same run. Opt-in: the JUnit report needs it, the summary does
 * not.
 */
public interface ResultSource {

    /**
     * Every sample of one run with a result.
     *
     * @param runId     the run id, 1 to 2147483647
     * @param withNotRun also the samples the run selected that have no result (through the API one more
     *                  request, {@code GET /runs/{id}/config}); ask only when the summary counts skipped samples
     * @throws SummaryException     when the results cannot be had; the message says why and what to do
     * @throws InterruptedException when the calling thread is interrupted (an aborted build)
     */
    RunResults results(int runId, boolean withNotRun) throws SummaryException, InterruptedException;
}
