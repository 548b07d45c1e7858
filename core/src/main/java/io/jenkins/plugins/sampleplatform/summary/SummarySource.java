package io.jenkins.plugins.sampleplatform.summary;

import io.jenkins.plugins.sampleplatform.failures.FailureSource;
import io.jenkins.plugins.sampleplatform.results.ResultSource;

/**
 * Where a run summary comes from: the platform's REST API or the platform's database. Both give the
 * same {@link RunSummary} for the same run, and the same failing samples.
 */
public interface SummarySource {

    /**
     * Obtains the summary of one run.
     *
     * @param runId the run id, 1 to 2147483647
     * @return the summary, never {@code null}
     * @throws SummaryException     when no summary can be had; the message says why and what to do
     * @throws InterruptedException when the calling thread is interrupted (an aborted build) while
     *                              waiting; the source stops at once
     */
    RunSummary fetch(int runId) throws SummaryException, InterruptedException;

    /**
     * The failing samples of a run from the same place as the summary (the API's per-sample listings, or
     * the same database), the same list from either.
     */
    FailureSource failures();

    /**
     * Every sample result of a run from the same place as the summary (the API's paged listing, or the same
     * database), the same results from either. Opt-in: the JUnit report asks for it; it costs
     * {@code ceil(n/100)} requests through the API.
     */
    ResultSource results();

    /** A short description for logs, e.g. {@code API https://host/api/v1}; never contains a secret. */
    String describe();
}
