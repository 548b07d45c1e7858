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

    /**
     * This lookup with every request ending within {@code timeLeft}: a request's timeout (and its retries) is
     * cut to the time left of a wait, so that the wait's timeout is kept however slowly the source answers. A
     * duration rather than an instant: the wait's clock need not be the source's. A source without such bounds
     * returns itself.
     */
    default RunLookup within(java.time.Duration timeLeft) {
        return this;
    }
}
