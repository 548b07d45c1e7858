package io.jenkins.plugins.sampleplatform.api;

import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * TLS failures: an {@code https://} URL to a port that speaks plain HTTP, or a certificate this JVM does
 * not trust. Neither gets better on a retry, so the client says what to fix at once.
 */
final class TlsFailures {

    private TlsFailures() {}

    /** Whether {@code cause} (or a cause of it) is a TLS protocol or certificate failure. */
    static boolean isTlsFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    /** What went wrong, for "Could not reach the Sample Platform: …". */
    static String describe(Throwable cause, String host, SecretText token) {
        String said = messages(cause).toLowerCase(Locale.ROOT);
        if (said.contains("unrecognized ssl message")
                || said.contains("unsupported or unrecognized")
                || said.contains("plaintext")
                || said.contains("not an ssl/tls record")) {
            return "the TLS handshake with " + host + " failed: the server does not speak TLS on this port"
                    + " (a plain-HTTP server? then the URL starts with http://, or the port is wrong)";
        }
        if (said.contains("pkix") || said.contains("certificate") || said.contains("no subject alternative")) {
            return "the TLS handshake with " + host + " failed: its certificate is not trusted by this Java ("
                    + token.scrub(firstMessage(cause)) + "); add the certificate's authority to the trust store";
        }
        return "the TLS handshake with " + host + " failed ("
                + token.scrub(firstMessage(cause)) + ")"
                + (cause instanceof SSLHandshakeException ? "" : "; check that the server speaks TLS on this port");
    }

    private static String messages(Throwable cause) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        return all.toString();
    }

    private static String firstMessage(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return cause.getClass().getSimpleName();
    }
}
