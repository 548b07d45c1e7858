package io.jenkins.plugins.sampleplatform.compare;

/**
 * A test's status in a run as the summary rules give it ({@code /runs/{id}/samples}: pass, fail,
 * missing_output), plus {@link #NOT_RUN} for a selected test without a result row. It is not what the
 * comparison's {@code passed} is built from (the platform's comparison has rules of its own), only what the
 * verdict policy reads to tell a crash from a wrong output among the tests broken here.
 */
public enum ResultStatus {
    PASS("pass"),
    FAIL("fail"),
    MISSING_OUTPUT("missing_output"),
    NOT_RUN("not_run");

    private final String wireValue;

    ResultStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }

    /** Missing output, or never ran at all: no output to judge, a crash rather than a regression. */
    public boolean lacksOutput() {
        return this == MISSING_OUTPUT || this == NOT_RUN;
    }
}
