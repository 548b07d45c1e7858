package io.jenkins.plugins.sampleplatform.summary;

/** A run id that is not a whole number from 1 to 2147483647; no request was made. */
public class InvalidRunIdException extends SummaryException {

    private static final long serialVersionUID = 1L;

    public InvalidRunIdException(String message) {
        super(message);
    }
}
