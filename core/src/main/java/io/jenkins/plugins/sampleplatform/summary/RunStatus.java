package io.jenkins.plugins.sampleplatform.summary;

import java.util.Arrays;
import java.util.Locale;

/** The state of a run as the platform reports it in the summary's {@code status} field. */
public enum RunStatus {
    QUEUED("queued", false),
    RUNNING("running", false),
    PASS("pass", true),
    FAIL("fail", true),
    CANCELED("canceled", true),
    ERROR("error", true),
    INCOMPLETE("incomplete", true);

    private final String wireValue;
    private final boolean finished;

    RunStatus(String wireValue, boolean finished) {
        this.wireValue = wireValue;
        this.finished = finished;
    }

    /** The value as it appears in the API's JSON, e.g. {@code "pass"}. */
    public String wireValue() {
        return wireValue;
    }

    /** Whether the run has ended; {@code queued} and {@code running} have not. */
    public boolean isFinished() {
        return finished;
    }

    /**
     * Reads a status as the API sends it.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones when it is unknown
     */
    public static RunStatus fromWire(String value) {
        for (RunStatus status : values()) {
            if (status.wireValue.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("status must be one of "
                + Arrays.stream(values()).map(RunStatus::wireValue).toList()
                + ", was '" + value + "'");
    }

    @Override
    public String toString() {
        return wireValue.toUpperCase(Locale.ROOT);
    }
}
