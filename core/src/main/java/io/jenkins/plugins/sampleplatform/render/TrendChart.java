package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.verdict.BuildResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Draws the outcomes of recent builds' summaries as an SVG column chart (the job page's trend, like
 * the JUnit plugin's test result trend), one stacked column per build: passed, failed, no output and
 * skipped samples, oldest build left.
 *
 * <p>Needs no script and no inline style: colours come from the style sheet's classes ({@code
 * panel.css}, Jenkins' theme variables, light and dark) with fallback colours as SVG attributes, and
 * patterns tell the outcomes apart without colour (as in the panel's bar). It is an accessible group:
 * a {@code <title>} and {@code <desc>}, and each column a link with its own label and tooltip. A link
 * is only written for an absolute {@code http(s)} URL or a relative reference (no scheme, not
 * {@code //host}); anything else is drawn without link. Every text is escaped; the output is
 * well-formed XML.
 */
public final class TrendChart {

    /** At most this many builds are drawn (the most recent ones). */
    public static final int MAX_POINTS = 50;

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,40}");
    private static final int WIDTH = 600;
    private static final int HEIGHT = 220;
    private static final int LEFT = 44;
    private static final int RIGHT = 8;
    private static final int TOP = 10;
    private static final int BOTTOM = 34;
    private static final List<Outcome> STACK =
            List.of(Outcome.PASSED, Outcome.FAILED, Outcome.NO_OUTPUT, Outcome.SKIPPED);

    /**
     * One build's summary.
     *
     * @param label  the build's name on the axis and in the labels, e.g. {@code #12}
     * @param link   the build's page (absolute http(s) or relative), or {@code null}
     * @param result the verdict's result, or {@code null}
     */
    public record Point(
            String label, String link, int passed, int failed, int noOutput, int skipped, BuildResult result) {
        public Point {
            Objects.requireNonNull(label, "label");
            if (passed < 0 || failed < 0 || noOutput < 0 || skipped < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
        }

        int count(Outcome outcome) {
            return switch (outcome) {
                case PASSED -> passed;
                case FAILED -> failed;
                case NO_OUTPUT -> noOutput;
                case SKIPPED -> skipped;
                case UNACCOUNTED -> 0;
            };
        }

        long sum() {
            return (long) passed + failed + noOutput + skipped;
        }

        /** "Build #12 (FAILURE): 7 passed, 2 failed, 1 without output, 0 skipped". */
        String describe() {
            StringBuilder text = new StringBuilder("Build ").append(label);
            if (result != null) {
                text.append(" (").append(result.name()).append(')');
            }
            text.append(": ");
            for (int i = 0; i < STACK.size(); i++) {
                Outcome outcome = STACK.get(i);
                text.append(i == 0 ? "" : ", ")
                        .append(count(outcome))
                        .append(' ')
                        .append(outcome.phrase());
            }
            return text.toString();
        }
    }

    private TrendChart() {}

    /**
     * Renders the points, oldest first; only the last {@link #MAX_POINTS} are drawn.
     *
     * @param idPrefix prefix of the ids in the chart, unique on the page: a lower-case letter, then
     *     {@code [a-z0-9-]}
     */
    public static String render(List<Point> points, String idPrefix) {
        if (!ID.matcher(idPrefix).matches()) {
            throw new IllegalArgumentException("bad id prefix: " + idPrefix);
        }
        List<Point> drawn =
                points.size() > MAX_POINTS ? points.subList(points.size() - MAX_POINTS, points.size()) : points;
        if (drawn.isEmpty()) {
            return "<p class=\"sp-trend sp-trend--empty\">No builds with a Sample Platform summary yet.</p>\n";
        }
        long max = Math.max(1, drawn.stream().mapToLong(Point::sum).max().orElse(1));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / drawn.size();
        double columnWidth = Math.max(2, slot * 0.7);

        StringBuilder out = new StringBuilder(1024 + drawn.size() * 700);
        out.append("<svg class=\"sp-trend\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"100%\" role=\"group\" aria-labelledby=\"")
                .append(idPrefix)
                .append("-title\" aria-describedby=\"")
                .append(idPrefix)
                .append("-desc\">");
        out.append("<title id=\"")
                .append(idPrefix)
                .append("-title\">Sample Platform trend of the last ")
                .append(drawn.size())
                .append(drawn.size() == 1 ? " build" : " builds")
                .append(" with a summary</title>");
        out.append("<desc id=\"")
                .append(idPrefix)
                .append("-desc\">Samples per build: passed (solid), failed (striped), without output"
                        + " (cross-hatched), skipped (dotted). Each column links to its build.</desc>");
        defs(out, idPrefix);
        axes(out, max, plotHeight);
        for (int i = 0; i < drawn.size(); i++) {
            column(
                    out,
                    drawn.get(i),
                    idPrefix,
                    LEFT + i * slot + (slot - columnWidth) / 2,
                    columnWidth,
                    max,
                    plotHeight);
        }
        xLabels(out, drawn, slot);
        out.append("</svg>\n");
        return out.toString();
    }

    /**
     * The link as it may be written into the chart, or {@code null}: an absolute {@code http}/{@code https}
     * URL with a host, or a relative reference without scheme or authority.
     */
    static String safeLink(String link) {
        if (link == null || link.isBlank() || link.indexOf('\\') >= 0) {
            return null;
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme();
            if (scheme == null) {
                return uri.getRawAuthority() == null && !link.startsWith("//") ? uri.toASCIIString() : null;
            }
            String lower = scheme.toLowerCase(Locale.ROOT);
            return (lower.equals("http") || lower.equals("https")) && uri.getHost() != null
                    ? uri.toASCIIString()
                    : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static void defs(StringBuilder out, String idPrefix) {
        out.append("<defs>");
        pattern(
                out,
                idPrefix,
                Outcome.FAILED,
                "<path class=\"sp-ink\" d=\"M0 6L6 0M-1 1L1 -1M5 7L7 5\""
                        + " stroke=\"currentColor\" stroke-width=\"1.5\"/>");
        pattern(
                out,
                idPrefix,
                Outcome.NO_OUTPUT,
                "<path class=\"sp-ink\" d=\"M0 0L6 6M0 6L6 0\"" + " stroke=\"currentColor\" stroke-width=\"1.2\"/>");
        pattern(
                out,
                idPrefix,
                Outcome.SKIPPED,
                "<circle class=\"sp-ink\" cx=\"3\" cy=\"3\" r=\"1\" fill=\"currentColor\"/>");
        out.append("</defs>");
    }

    private static void pattern(StringBuilder out, String idPrefix, Outcome outcome, String ink) {
        out.append("<pattern id=\"")
                .append(idPrefix)
                .append('-')
                .append(outcome.cssName())
                .append("\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect class=\"sp-fill-")
                .append(outcome.cssName())
                .append("\" width=\"6\" height=\"6\" fill=\"")
                .append(StackedBar.fallbackColour(outcome))
                .append("\"/>")
                .append(ink)
                .append("</pattern>");
    }

    private static void axes(StringBuilder out, long max, double plotHeight) {
        double baseline = TOP + plotHeight;
        out.append("<g class=\"sp-trend__axes\" aria-hidden=\"true\">");
        out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(number(baseline));
        out.append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(number(baseline));
        out.append("\" stroke=\"currentColor\" stroke-opacity=\"0.5\"/>");
        out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP);
        out.append("\" x2=\"").append(LEFT).append("\" y2=\"").append(number(baseline));
        out.append("\" stroke=\"currentColor\" stroke-opacity=\"0.5\"/>");
        yLabel(out, "0", baseline);
        yLabel(out, Long.toString(max), TOP + 4);
        out.append("</g>");
    }

    private static void yLabel(StringBuilder out, String text, double y) {
        out.append("<text class=\"sp-trend__label\" x=\"")
                .append(LEFT - 6)
                .append("\" y=\"")
                .append(number(y))
                .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"currentColor\">")
                .append(text)
                .append("</text>");
    }

    private static void column(
            StringBuilder out, Point point, String idPrefix, double x, double width, long max, double plotHeight) {
        String description = HtmlEscape.escape(point.describe());
        String link = safeLink(point.link());
        if (link != null) {
            out.append("<a class=\"sp-trend__link\" href=\"")
                    .append(HtmlEscape.escape(link))
                    .append("\" aria-label=\"")
                    .append(description)
                    .append("\">");
        }
        out.append("<g class=\"sp-trend__build\"");
        if (point.result() != null) {
            out.append(" data-result=\"")
                    .append(point.result().name().toLowerCase(Locale.ROOT))
                    .append('"');
        }
        if (link == null) {
            out.append(" role=\"img\" aria-label=\"").append(description).append('"');
        }
        out.append("><title>").append(description).append("</title>");
        double y = TOP + plotHeight;
        for (Outcome outcome : STACK) {
            int count = point.count(outcome);
            if (count == 0) {
                continue;
            }
            double height = plotHeight * count / max;
            y -= height;
            out.append("<rect class=\"sp-seg sp-seg--")
                    .append(outcome.cssName())
                    .append(outcome == Outcome.PASSED ? " sp-fill-passed" : "")
                    .append("\" x=\"")
                    .append(number(x))
                    .append("\" y=\"")
                    .append(number(y))
                    .append("\" width=\"")
                    .append(number(width))
                    .append("\" height=\"")
                    .append(number(height))
                    .append("\" fill=\"")
                    .append(
                            outcome == Outcome.PASSED
                                    ? StackedBar.fallbackColour(outcome)
                                    : "url(#" + idPrefix + "-" + outcome.cssName() + ")")
                    .append("\" data-count=\"")
                    .append(count)
                    .append("\"/>");
        }
        out.append("</g>");
        if (link != null) {
            out.append("</a>");
        }
    }

    /** Build names under the columns; with many builds, every few, so that they do not overlap. */
    private static void xLabels(StringBuilder out, List<Point> points, double slot) {
        int every = Math.max(1, (int) Math.ceil(40 / slot));
        List<Integer> shown = new ArrayList<>();
        for (int i = points.size() - 1; i >= 0; i -= every) {
            shown.add(i); // always label the newest build
        }
        out.append("<g class=\"sp-trend__axis-x\" aria-hidden=\"true\">");
        for (int i : shown) {
            out.append("<text class=\"sp-trend__label\" x=\"")
                    .append(number(LEFT + i * slot + slot / 2))
                    .append("\" y=\"")
                    .append(HEIGHT - BOTTOM + 16)
                    .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"currentColor\">")
                    .append(HtmlEscape.escape(points.get(i).label()))
                    .append("</text>");
        }
        out.append("</g>");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
