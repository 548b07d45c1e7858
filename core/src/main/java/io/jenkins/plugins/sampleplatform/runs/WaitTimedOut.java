package io.jenkins.plugins.sampleplatform.runs;

import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.io.Serial;

/** The wait's deadline passed before the run was final (or before any run appeared for the commit). */
public class WaitTimedOut extends SummaryException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final RunStatus lastStatus;
    private final Integer runId;

    public WaitTimedOut(String message, Integer runId, RunStatus lastStatus) {
        super(message);
        this.runId = runId;
        this.lastStatus = lastStatus;
    }

    /** The run's last status seen, or {@code null} when no run was found. */
    public RunStatus lastStatus() {
        return lastStatus;
    }

    /** The run waited for, or {@code null} when none was found. */
    public Integer runId() {
        return runId;
    }
}
