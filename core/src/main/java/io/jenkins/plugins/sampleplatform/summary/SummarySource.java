package io.jenkins.plugins.sampleplatform.summary;

/**
 * Where a run summary comes from: the platform's REST API or the platform's database. Both give the
 * same {@link RunSummary} for the same run.
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

    /** A short description for logs, e.g. {@code API https://host/api/v1}; never contains a secret. */
    String describe();
}
