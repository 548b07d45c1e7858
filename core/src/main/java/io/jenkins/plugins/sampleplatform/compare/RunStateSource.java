package io.jenkins.plugins.sampleplatform.compare;

import io.jenkins.plugins.sampleplatform.summary.SummaryException;

/**
 * Where per-test states come from: the platform's database (a few set-based statements) or its REST API
 * (filtered listings, {@code /config}, the produced hashes of {@code /artifacts}). Both give equal states for
 * the same run, except that a source that cannot read produced hashes gives {@link Signature#unknown()} for
 * failing tests.
 */
public interface RunStateSource {

    /**
     * Every categorized test of the run's selection, with its state.
     *
     * @param runId the run id, 1 to 2147483647
     * @throws io.jenkins.plugins.sampleplatform.summary.RunNotFoundException when there is no such run
     * @throws SummaryException     when the states cannot be had; the message says why
     * @throws InterruptedException when the caller is interrupted
     */
    RunState state(int runId) throws SummaryException, InterruptedException;

    /**
     * Why a report from this source has no diff excerpts (e.g. DB mode: the diffs are on the platform), or
     * {@code null} when the source adds excerpts itself.
     */
    default String diffNote() {
        return null;
    }

    /** A short description for logs, never a secret. */
    String describe();
}
