package io.jenkins.plugins.sampleplatform.render;

/**
 * Puts text into Markdown (CommonMark / GitHub) so that it shows as the same text and nothing else.
 */
public final class MarkdownEscape {

    private static final String INLINE_SPECIAL = "\\`*_[]<>&|~";

    private MarkdownEscape() {}

    /**
     * Text for running Markdown, shown as the same text: a backslash goes before every character that
     * can open markup anywhere in a line ({@code \ ` * _ [ ] < > & | ~}: emphasis, code, links and
     * images, raw HTML and autolinks, entities, table cells, strikethrough), and before a first character
     * that would open a block ({@code # - + = >}, or the {@code .}/{@code )} after leading digits).
     * CommonMark lets any ASCII punctuation be escaped so; other characters stay readable. Line breaks
     * and other controls become spaces, so the text stays on its line; leading and trailing spaces go.
     */
    public static String text(String text) {
        String line = oneLine(text).strip(); // leading spaces could make a heading or a code block
        StringBuilder out = new StringBuilder(line.length() + 16);
        int leadingDigits = 0;
        while (leadingDigits < line.length()
                && line.charAt(leadingDigits) >= '0'
                && line.charAt(leadingDigits) <= '9') {
            leadingDigits++;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean opensBlock =
                    (i == 0 && "#-+=>".indexOf(c) >= 0) || (i == leadingDigits && i > 0 && (c == '.' || c == ')'));
            if (INLINE_SPECIAL.indexOf(c) >= 0 || opensBlock) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Text as an inline code span: shown verbatim, and, unlike escaped text, never turned into a
     * link, an @-mention or an issue reference by GitHub. For free text from the server; not for
     * table cells (GitHub splits cells on a pipe even inside code).
     */
    public static String code(String text) {
        String line = oneLine(text);
        int longestRun = 0;
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            run = line.charAt(i) == '`' ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        String fence = "`".repeat(longestRun + 1);
        if (line.isEmpty()) {
            return fence + " " + fence;
        }
        // CommonMark strips one space from each end when both ends have one (unless all are spaces);
        // so pad with one when the content starts or ends with a backtick, or with spaces on both ends.
        boolean pad = line.startsWith("`")
                || line.endsWith("`")
                || (line.startsWith(" ") && line.endsWith(" ") && !line.isBlank());
        return pad ? fence + " " + line + " " + fence : fence + line + fence;
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .forEach(cp -> out.appendCodePoint(
                        Character.isISOControl(cp)
                                        || Character.getType(cp) == Character.LINE_SEPARATOR
                                        || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR
                                ? ' '
                                : cp));
        return out.toString();
    }
}
