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

    /**
     * Whether waiting can mend this failure, so that a caller polling over time (a build waiting for a run)
     * tries again later instead of giving up: no connection, a server error, a spent rate limit, an unreachable
     * database. Refusals (a token, a scope, no such run, bad input) are not transient.
     */
    public boolean isTransient() {
        return false;
    }
}
