package io.jenkins.plugins.sampleplatform.runs;

import io.jenkins.plugins.sampleplatform.summary.SummaryException;

/** Finds the run a commit names, without waiting: none found is a clear error. */
public final class RunFinder {

    private RunFinder() {}

    /**
     * @throws NoRunForCommit       when the platform has no matching run (yet)
     * @throws SummaryException     when the source cannot answer
     * @throws InterruptedException when interrupted
     */
    public static RunInfo find(RunLookup lookup, RunQuery query) throws SummaryException, InterruptedException {
        return lookup.newest(query)
                .orElseThrow(() -> new NoRunForCommit("No run found for " + query.describe()
                        + ". The platform creates runs a little after a push (or start one with a token that has"
                        + " runs:write); wait for it with wait: true (command line: --wait)."));
    }

    /** {@code "Found run 44 for commit 01234567 on linux (pass)."}: one wording, with or without a wait. */
    public static String foundLine(RunInfo run, RunQuery query) {
        return "Found run " + run.runId() + " for " + query.describe() + " ("
                + run.status().wireValue() + ").";
    }

    /** No run matches a commit's find criteria. */
    public static class NoRunForCommit extends SummaryException {
        private static final long serialVersionUID = 1L;

        public NoRunForCommit(String message) {
            super(message);
        }
    }
}
