package io.jenkins.plugins.sampleplatform.render;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link SampleBreakdown} as an inline SVG stacked bar, and the matching legend swatches.
 *
 * <p>Not by colour alone: passed is solid, failed striped, no output cross-hatched, skipped dotted,
 * and samples unaccounted for are left empty; the bar carries {@code role="img"} and an
 * {@code aria-label} with every count, and each segment a {@code <title>} tooltip. Widths and fallback
 * colours are SVG attributes, so the bar is still drawn where a page forbids inline styles.
 */
final class StackedBar {

    private final SampleBreakdown breakdown;
    private final String idPrefix;

    /**
     * @param idPrefix prefix for the pattern ids, unique per run on a page; only {@code [a-z0-9-]}
     */
    StackedBar(SampleBreakdown breakdown, String idPrefix) {
        this.breakdown = breakdown;
        this.idPrefix = idPrefix;
    }

    /** The bar, with the pattern definitions the swatches use too. */
    String svg() {
        StringBuilder out = new StringBuilder(2048);
        out.append(
                        "<svg class=\"sp-bar\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" height=\"20\" role=\"img\" aria-label=\"")
                .append(HtmlEscape.escape(breakdown.describe()))
                .append("\">");
        out.append("<defs>");
        pattern(
                out,
                Outcome.FAILED,
                "<path class=\"sp-ink\" d=\"M0 6L6 0M-1 1L1 -1M5 7L7 5\" stroke=\"currentColor\" stroke-width=\"1.5\"/>");
        pattern(
                out,
                Outcome.NO_OUTPUT,
                "<path class=\"sp-ink\" d=\"M0 0L6 6M0 6L6 0\" stroke=\"currentColor\" stroke-width=\"1.2\"/>");
        pattern(out, Outcome.SKIPPED, "<circle class=\"sp-ink\" cx=\"3\" cy=\"3\" r=\"1\" fill=\"currentColor\"/>");
        out.append("</defs>");
        // The faint track shows through where no segment is drawn: samples unaccounted for.
        out.append(
                "<rect class=\"sp-bar__track\" width=\"100%\" height=\"100%\" fill=\"currentColor\" fill-opacity=\"0.1\"/>");
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        breakdown.parts().forEach(part -> counts.put(part.outcome(), part.countOrZero()));
        int x = 0;
        for (Map.Entry<Outcome, Integer> segment : breakdown.widths().entrySet()) {
            Outcome outcome = segment.getKey();
            int count = counts.get(outcome);
            if (outcome == Outcome.UNACCOUNTED) {
                break; // always last; the track shows through
            }
            out.append("<rect class=\"sp-seg sp-seg--")
                    .append(outcome.cssName())
                    .append(fillClass(outcome))
                    .append("\" x=\"")
                    .append(percent(x))
                    .append("\" width=\"")
                    .append(percent(segment.getValue()))
                    .append("\" height=\"100%\" fill=\"")
                    .append(fill(outcome))
                    .append("\"><title>")
                    .append(count)
                    .append(' ')
                    .append(outcome.phrase())
                    .append(" (")
                    .append(HtmlEscape.escape(breakdown.share(count)))
                    .append(")</title></rect>");
            x += segment.getValue();
        }
        out.append("</svg>");
        return out.toString();
    }

    /** A small square drawn like the outcome's segment, for the legend; hidden from assistive technology. */
    String swatch(Outcome outcome) {
        return "<svg class=\"sp-swatch\" xmlns=\"http://www.w3.org/2000/svg\" width=\"12\" height=\"12\" aria-hidden=\"true\""
                + " focusable=\"false\"><rect class=\"sp-swatch__box" + fillClass(outcome) + "\" x=\"0.5\" y=\"0.5\""
                + " width=\"11\" height=\"11\" fill=\"" + fill(outcome) + "\""
                + (outcome == Outcome.UNACCOUNTED ? " fill-opacity=\"0.1\"" : "")
                + " stroke=\"currentColor\" stroke-opacity=\"0.5\"/></svg>";
    }

    private String fill(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> fallbackColour(outcome);
            case UNACCOUNTED -> "currentColor";
            default -> "url(#" + patternId(outcome) + ")";
        };
    }

    /** Solid fills take their theme colour from the style sheet; patterns carry their own. */
    private static String fillClass(Outcome outcome) {
        return outcome == Outcome.PASSED ? " sp-fill-passed" : "";
    }

    private void pattern(StringBuilder out, Outcome outcome, String ink) {
        out.append("<pattern id=\"")
                .append(patternId(outcome))
                .append("\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect class=\"sp-fill-")
                .append(outcome.cssName())
                .append("\" width=\"6\" height=\"6\" fill=\"")
                .append(fallbackColour(outcome))
                .append("\"/>")
                .append(ink)
                .append("</pattern>");
    }

    private String patternId(Outcome outcome) {
        return idPrefix + "-" + outcome.cssName();
    }

    /** Jenkins' light-theme colours, for pages without its theme variables or without styles. */
    static String fallbackColour(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "#1ea64b";
            case FAILED -> "#fe820a";
            case NO_OUTPUT -> "#e6001f";
            default -> "#9ba7af";
        };
    }

    private static String percent(int basisPoints) {
        return String.format(Locale.ROOT, "%d.%02d%%", basisPoints / 100, basisPoints % 100);
    }
}
