package io.jenkins.plugins.sampleplatform.summary;

/** The platform has no run with the requested id (the API's {@code 404 not_found}, or no {@code test} row). */
public class RunNotFoundException extends SummaryException {

    private static final long serialVersionUID = 1L;

    private final int runId;

    public RunNotFoundException(int runId, String message) {
        super(message);
        this.runId = runId;
    }

    public RunNotFoundException(int runId, String message, Throwable cause) {
        super(message, cause);
        this.runId = runId;
    }

    /** The run id that was not found. */
    public int runId() {
        return runId;
    }
}
