package io.jenkins.plugins.sampleplatform.security;

/**
 * Reads an API token strictly, from a file, an environment variable or a credential. A token is one line
 * of visible ASCII (the platform's are {@code spci_} and URL-safe Base64): a leading byte-order mark and
 * surrounding white space are dropped, anything else is refused with a message that names where the
 * token came from and what is wrong, never the value. A token that an HTTP header cannot carry would
 * otherwise fail deep in the HTTP client, whose message quotes the header, token included.
 */
public final class ApiTokens {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ApiTokens() {}

    /**
     * The token in {@code raw}, read from {@code origin}.
     *
     * @param origin where it came from, for the message: {@code the file /x/token}, {@code SAMPLEPLATFORM_TOKEN}
     * @throws IllegalArgumentException when it is empty, spans several lines or holds a character outside
     *         visible ASCII; the message names {@code origin} and the position, never the token
     */
    public static SecretText read(String raw, String origin) {
        String text = raw == null ? "" : raw;
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        text = text.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("The API token in " + origin + " is empty.");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException("The API token in " + origin
                        + " spans more than one line; it must hold the token alone, on one line"
                        + " (no comment or second line).");
            }
            if (c < 0x21 || c > 0x7E) {
                throw new IllegalArgumentException("The API token in " + origin + " holds " + describe(c)
                        + " at position " + (i + 1) + "; a token is one line of visible ASCII characters."
                        + " Copy it again from the platform.");
            }
        }
        return SecretText.of(text);
    }

    /** Whether {@code token} is one line of visible ASCII, as {@link #read} would accept it. */
    public static boolean isWellFormed(SecretText token) {
        String text = token.reveal();
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static String describe(char c) {
        if (c == ' ' || c == '\t') {
            return "white space";
        }
        if (c == 0x1B) {
            return "an escape character";
        }
        if (c == BYTE_ORDER_MARK) {
            return "a byte-order mark";
        }
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
            return "a control character";
        }
        return "a non-ASCII character";
    }
}
