package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.SampleFailure;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import java.net.URI;

/**
 * The panel's table of failing samples ({@link HtmlPanel}): up to {@link #PANEL_LIMIT} rows, samples without
 * output first, then failed ones, each with its regression test (linked to its page on the platform), sample,
 * exit code against the expected one, categories and the outputs that differ (each linked to its diff). The
 * status is told by a word and a symbol, and drawn with a solid (no output) or dashed (failed) edge, so it
 * never rests on colour alone. Every server value is escaped; links are built from the site's ASCII form and
 * numbers only.
 */
final class HtmlFailures {

    /** How many rows the panel shows. */
    static final int PANEL_LIMIT = 50;

    private HtmlFailures() {}

    static void render(StringBuilder out, FailureReport failures, int runId, String id) {
        if (failures == null || !failures.worthShowing()) {
            return;
        }
        out.append("<section class=\"sp-failures\" aria-labelledby=\"")
                .append(id)
                .append("-failures-title\">\n<h4 class=\"sp-failures__title\" id=\"")
                .append(id)
                .append("-failures-title\">Failing samples");
        if (failures.list() == null) {
            out.append("</h4>\n<p class=\"sp-failures__unavailable\">Not listed: ")
                    .append(HtmlEscape.escape(failures.unavailable()))
                    .append("</p>\n</section>\n");
            return;
        }
        FailureList list = failures.list();
        int shown = Math.min(PANEL_LIMIT, list.entries().size());
        out.append(" <span class=\"sp-panel__note\">(").append(HtmlEscape.escape(FailureWording.totals(list)));
        if (shown < list.total()) {
            out.append(", ").append(shown).append(" shown");
        }
        out.append(")</span></h4>\n");
        out.append("<div class=\"sp-failures__scroll\">\n<table class=\"sp-failures__table\">\n<thead><tr>"
                + "<th scope=\"col\">Status</th><th scope=\"col\">Regression test</th><th scope=\"col\">Sample</th>"
                + "<th scope=\"col\">Exit code</th><th scope=\"col\">Categories</th>"
                + "<th scope=\"col\">Differing outputs</th></tr></thead>\n<tbody>\n");
        for (SampleFailure failure : list.entries().subList(0, shown)) {
            row(out, failures, runId, failure);
        }
        out.append("</tbody>\n</table>\n</div>\n");
        int more = list.total() - shown;
        if (more > 0) {
            out.append("<p class=\"sp-failures__more\">and ").append(more).append(" more");
            URI run = failures.runPage(runId);
            if (run != null) {
                out.append(" <a href=\"")
                        .append(HtmlEscape.escape(run.toASCIIString()))
                        .append("\" rel=\"noopener noreferrer\">on the platform</a>");
            } else {
                out.append(" on the platform");
            }
            out.append("</p>\n");
        }
        out.append("</section>\n");
    }

    private static void row(StringBuilder out, FailureReport failures, int runId, SampleFailure failure) {
        boolean missing = failure.status() == SampleStatus.MISSING_OUTPUT;
        String modifier = missing ? "missing-output" : "fail";
        out.append("<tr class=\"sp-failure sp-failure--")
                .append(modifier)
                .append("\" data-sample-status=\"")
                .append(failure.status().wireValue())
                .append("\"><td><span class=\"sp-failure__status\"><span aria-hidden=\"true\">")
                .append(missing ? "&#10006;" : "&#9888;")
                .append("</span> ")
                .append(FailureWording.status(failure.status()))
                .append("</span></td><th scope=\"row\">");
        link(out, failures.regressionTestPage(failure.regressionTestId()), "#" + failure.regressionTestId());
        out.append("</th><td>");
        if (failure.sampleName() != null) {
            out.append("<span class=\"sp-failure__name\">")
                    .append(HtmlEscape.escape(FailureWording.clip(failure.sampleName())))
                    .append("</span>");
        }
        if (failure.sampleId() != null) {
            out.append(" <span class=\"sp-panel__note\">(sample ")
                    .append(failure.sampleId())
                    .append(")</span>");
        }
        if (failure.sampleName() == null && failure.sampleId() == null) {
            out.append("<span class=\"sp-panel__note\">unknown</span>");
        }
        out.append("</td><td class=\"sp-failure__rc\">")
                .append(HtmlEscape.escape(exitCode(failure)))
                .append("</td><td>");
        out.append(HtmlEscape.escape(String.join(
                ", ", failure.categories().stream().map(FailureWording::clip).toList())));
        out.append("</td><td>");
        boolean first = true;
        for (FailedOutput output : failure.outputs()) {
            if (!first) {
                out.append("<br/>");
            }
            first = false;
            link(
                    out,
                    failures.diffPage(runId, failure.regressionTestId(), output.outputId()),
                    FailureWording.clip(output.filename()));
        }
        out.append("</td></tr>\n");
    }

    /** {@code 1 (expected 0)}, {@code 0}, {@code not recorded}: the column says "Exit code". */
    private static String exitCode(SampleFailure failure) {
        String got = failure.exitCode() == null ? "not recorded" : String.valueOf(failure.exitCode());
        return failure.expectedRc() == null || !failure.exitCodeDiffers() && failure.exitCode() != null
                ? got
                : got + " (expected " + failure.expectedRc() + ")";
    }

    /** A link, or the plain text without a target; both escaped. */
    static void link(StringBuilder out, URI target, String text) {
        if (target == null) {
            out.append(HtmlEscape.escape(text));
            return;
        }
        out.append("<a href=\"")
                .append(HtmlEscape.escape(target.toASCIIString()))
                .append("\" rel=\"noopener noreferrer\">")
                .append(HtmlEscape.escape(text))
                .append("</a>");
    }
}
