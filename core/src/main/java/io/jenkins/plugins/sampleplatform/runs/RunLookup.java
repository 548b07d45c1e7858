package io.jenkins.plugins.sampleplatform.runs;

import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.util.Optional;

/** Finds runs and reads their status: the API's {@code GET /runs} and {@code GET /runs/{id}}, or DB mode. */
public interface RunLookup {

    /**
     * The newest run matching {@code query} (highest run id), or empty when there is none (yet).
     *
     * @throws SummaryException     when the source cannot answer; the message says why
     * @throws InterruptedException when the caller is interrupted
     */
    Optional<RunInfo> newest(RunQuery query) throws SummaryException, InterruptedException;

    /**
     * The run's current state, read cheaply (never its summary).
     *
     * @throws io.jenkins.plugins.sampleplatform.summary.RunNotFoundException when there is no such run
     * @throws SummaryException     when the source cannot answer
     * @throws InterruptedException when the caller is interrupted
     */
    RunInfo run(int runId) throws SummaryException, InterruptedException;
}
