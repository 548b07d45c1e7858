package io.jenkins.plugins.sampleplatform.api;

import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Connection failures that a retry cannot mend and that deserve their own words: a host name that does not
 * resolve (the JDK reports it as a {@code ConnectException} caused by an {@code UnresolvedAddressException}),
 * and a server that does not speak HTTP at all (a database port: its greeting is binary).
 */
final class ConnectionFailures {

    private ConnectionFailures() {}

    /** Whether {@code cause}, or a cause of it, says the host name did not resolve. */
    static boolean isUnresolvedHost(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the server answered with something that is not an HTTP status line. */
    static boolean isNotHttp(Throwable cause) {
        return cause instanceof ProtocolException
                && String.valueOf(cause.getMessage()).startsWith("Invalid status line");
    }

    /**
     * {@code text} with every control character (a NUL from a binary greeting, an escape sequence) shown as
     * {@code \xNN}, so that no server's bytes reach a terminal or a log as they are.
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format(java.util.Locale.ROOT, "\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
