package io.jenkins.plugins.sampleplatform.failures;

import java.util.Arrays;

/**
 * The status of one sample's result in a run, as {@code GET /runs/{id}/samples} reports it and as DB mode
 * derives it (missing expected output first, then an exit code other than the expected one, then an output
 * that is neither the baseline nor an accepted variant).
 */
public enum SampleStatus {
    PASS("pass"),
    FAIL("fail"),
    MISSING_OUTPUT("missing_output");

    private final String wireValue;

    SampleStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as the API writes it, e.g. {@code missing_output}. */
    public String wireValue() {
        return wireValue;
    }

    /**
     * Reads a status as the API sends it.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones when it is unknown
     */
    public static SampleStatus fromWire(String value) {
        for (SampleStatus status : values()) {
            if (status.wireValue.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("status must be one of "
                + Arrays.stream(values()).map(SampleStatus::wireValue).toList() + ", was '" + value + "'");
    }
}
