package io.jenkins.plugins.sampleplatform.cli;

/** The options given cannot work (no token, an unreadable file, a bad URL): exit code 2. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
