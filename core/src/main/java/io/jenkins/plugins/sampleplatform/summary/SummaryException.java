package io.jenkins.plugins.sampleplatform.summary;

/**
 * Base of every failure to obtain a run summary, from the API or from the database.
 *
 * <p>Messages are written for the person reading the build log: they say what went wrong and what
 * to do. They never contain a token or a password.
 */
public class SummaryException extends Exception {

    private static final long serialVersionUID = 1L;

    public SummaryException(String message) {
        super(message);
    }

    public SummaryException(String message, Throwable cause) {
        super(message, cause);
    }
}
