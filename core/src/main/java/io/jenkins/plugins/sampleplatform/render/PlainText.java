package io.jenkins.plugins.sampleplatform.render;

/**
 * Makes server text safe for one line of a build log or terminal: no line breaks that could forge
 * log lines, no escape sequences (ANSI colours, cursor moves), no bidirectional overrides that reorder
 * what is shown. Each such character becomes {@code ?}.
 */
final class PlainText {

    private PlainText() {}

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        if (isPrintableAscii(text)) {
            return text; // the common case: nothing to replace, nothing to copy
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (isUnsafe(cp)) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean isPrintableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnsafe(int cp) {
        return Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT // bidi overrides, zero-width marks
                || Character.getType(cp) == Character.LINE_SEPARATOR
                || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR
                || Character.getType(cp) == Character.SURROGATE; // a lone half of a pair
    }
}
