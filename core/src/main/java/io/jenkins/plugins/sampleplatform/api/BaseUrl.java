package io.jenkins.plugins.sampleplatform.api;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The validated base URL of a Sample Platform API, e.g. {@code https://sampleplatform.ccextractor.org/api/v1}.
 *
 * <p>Only {@code http} and {@code https} are accepted (a link built from it ends up in a web page),
 * with a host, and without user info, query or fragment (a URL is not a place for credentials).
 */
public final class BaseUrl {

    /** The public instance's API. */
    public static final String PUBLIC_INSTANCE = "https://sampleplatform.ccextractor.org/api/v1";

    private static final String API_SUFFIX = "/api/v1";

    private final URI uri;

    private BaseUrl(URI uri) {
        this.uri = uri;
    }

    /**
     * Parses and validates a base URL; one trailing slash is ignored.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static BaseUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "The Sample Platform URL is empty; the public instance is " + PUBLIC_INSTANCE);
        }
        String trimmed = text.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The Sample Platform URL is not a valid URL: " + e.getReason()
                    + badCharacter(trimmed, e.getIndex()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException(
                    "The Sample Platform URL must start with https:// (or http://), e.g. " + PUBLIC_INSTANCE);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("The Sample Platform URL has no host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "The Sample Platform URL must not contain a user name or password; use a credential instead");
        }
        if (uri.getPort() == 0
                || uri.getPort() > 65535
                || (uri.getPort() < 0
                        && uri.getRawAuthority() != null
                        && uri.getRawAuthority().matches(".*:[^\\]]*$"))) {
            throw new IllegalArgumentException("The Sample Platform URL has an impossible port (" + portText(uri)
                    + "); ports are 1 to 65535, or leave it out for the scheme's default");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("The Sample Platform URL must not have a query (?) or fragment (#)");
        }
        return new BaseUrl(uri.normalize());
    }

    /** {@code ": a space (U+0020) at position 4"}, naming the character without echoing the whole URL. */
    private static String badCharacter(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return "";
        }
        int c = text.codePointAt(index);
        String shown = c == ' '
                ? "a space"
                : Character.isISOControl(c) || Character.isWhitespace(c)
                        ? "a control character"
                        : "'" + Character.toString(c) + "'";
        return ": " + shown + String.format(Locale.ROOT, " (U+%04X)", c) + " at position " + (index + 1)
                + "; characters such as spaces must be percent-encoded (%20)";
    }

    private static String portText(URI uri) {
        String authority = uri.getRawAuthority();
        int colon = authority == null ? -1 : authority.lastIndexOf(':');
        String port = colon < 0 ? String.valueOf(uri.getPort()) : authority.substring(colon + 1);
        return port.isEmpty() ? "empty" : port;
    }

    /** The base URL, without a trailing slash. */
    public URI uri() {
        return uri;
    }

    /** An endpoint below the base URL: {@code endpoint("/runs/42/summary")} is {@code {base}/runs/42/summary}. */
    public URI endpoint(String pathAndQuery) {
        return URI.create(uri + pathAndQuery);
    }

    /** The platform's web site: the base URL without its {@code /api/v1} suffix. */
    public URI site() {
        String text = uri.toString();
        return URI.create(text.endsWith(API_SUFFIX) ? text.substring(0, text.length() - API_SUFFIX.length()) : text);
    }

    /** The run's page on the platform: {@code {site}/test/{runId}}. */
    public URI runPage(int runId) {
        return URI.create(site() + "/test/" + runId);
    }

    /** Whether requests to this URL stay on this machine. */
    public boolean isLoopback() {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: resolving a name here would be a network call.
        if (host.matches("[0-9.]+") || host.contains(":")) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * A warning when the token would travel in clear: plain {@code http://} to anything but loopback.
     */
    public Optional<String> insecureTransportWarning() {
        if (uri.getScheme().equalsIgnoreCase("http") && !isLoopback()) {
            return Optional.of(
                    "Warning: " + uri + " uses plain http://; the API token is sent unencrypted. Use https://.");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BaseUrl that && uri.equals(that.uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }
}
