package io.jenkins.plugins.sampleplatform.db;

import io.jenkins.plugins.sampleplatform.summary.SummaryException;

/** DB mode could not compute a summary. Subclasses say why; messages never contain the password. */
public class DatabaseException extends SummaryException {

    private static final long serialVersionUID = 1L;

    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The database server could not be reached, or the SQLite file does not exist. */
    public static class Unreachable extends DatabaseException {
        private static final long serialVersionUID = 1L;

        /** Waiting mends it. */
        @Override
        public boolean isTransient() {
            return true;
        }

        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server refused the user name or password, or the user may not read the database. */
    public static class AccessDenied extends DatabaseException {
        private static final long serialVersionUID = 1L;

        public AccessDenied(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A table or column of the platform is missing: probably not the platform's database. */
    public static class NotThePlatformSchema extends DatabaseException {
        private static final long serialVersionUID = 1L;

        public NotThePlatformSchema(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The run's last progress row holds a status the platform does not know (its endpoint fails with 500). */
    public static class UnknownRunStatus extends DatabaseException {
        private static final long serialVersionUID = 1L;

        public UnknownRunStatus(String message) {
            super(message);
        }
    }
}
