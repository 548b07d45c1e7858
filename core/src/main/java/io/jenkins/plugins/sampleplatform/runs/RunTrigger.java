package io.jenkins.plugins.sampleplatform.runs;

import io.jenkins.plugins.sampleplatform.summary.SummaryException;

/** Starts and cancels runs: {@code POST /runs} and {@code POST /runs/{id}/cancel} (API mode only). */
public interface RunTrigger {

    /**
     * Starts a run. Never repeats the {@code POST} blindly: when its answer is lost (a reset, a timeout, a 5xx),
     * it looks the run up by commit first and returns the run that the lost request created, if any.
     *
     * @return the new run, normally {@code queued}
     * @throws SummaryException     the platform refused (one clear line: artifact missing, role, fields) or could
     *                              not be reached
     * @throws InterruptedException when the caller is interrupted
     */
    RunInfo trigger(TriggerRequest request) throws SummaryException, InterruptedException;

    /**
     * Asks the platform to cancel a run.
     *
     * @param reason why, at least 5 characters (the platform's rule), or {@code null}
     * @return what the platform answered, for the log, e.g. {@code canceled}
     * @throws SummaryException     when refused (role, scope) or unreachable
     * @throws InterruptedException when the caller is interrupted
     */
    String cancel(int runId, String reason) throws SummaryException, InterruptedException;
}
