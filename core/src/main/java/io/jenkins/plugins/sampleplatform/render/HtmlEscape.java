package io.jenkins.plugins.sampleplatform.render;

/**
 * Escapes text for HTML and XML, in element content and in quoted attribute values alike.
 *
 * <p>The five markup characters become entities, so no input can open a tag, close an attribute or
 * start an entity. Characters that XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF)
 * become U+FFFD, so the fragment stays well-formed whatever the server sent. Written here rather than
 * taken from a library because it is this small and core must not depend on Jenkins' {@code Util}.
 */
public final class HtmlEscape {

    private static final char REPLACEMENT = '\uFFFD';

    private HtmlEscape() {}

    /** The text, escaped; {@code null} gives the empty string. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        escapeInto(out, text);
        return out.toString();
    }

    /** Appends the text, escaped, to {@code out} (no copy for long documents); {@code null} appends nothing. */
    public static void escapeInto(StringBuilder out, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else {
                        out.append(isXmlChar(c) ? c : REPLACEMENT);
                    }
                }
            }
        }
    }

    private static boolean isXmlChar(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
