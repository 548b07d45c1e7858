package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.DiffExcerpt;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import java.util.List;

/**
 * The panel's "Compared with ..." sections ({@link HtmlPanel}), one per reference: the reference run (linked)
 * and its commit, a table of the counts, then tables of the tests broken here, failing differently and fixed
 * here, in that order, in the failing samples' accessible style (a word, a symbol and an edge style, never
 * colour alone), each output linked to its diff and, where there is an excerpt, its first lines collapsed in a
 * {@code <details>}. Then the closing sentence. Every server value is escaped; links are ASCII URLs, escaped.
 */
final class HtmlComparisons {

    /** How many rows each table shows. */
    static final int PANEL_LIMIT = 50;

    private HtmlComparisons() {}

    static void render(StringBuilder out, ComparisonView view, String id) {
        if (view == null || !view.worthShowing()) {
            return;
        }
        ComparisonReport report = view.report();
        int index = 0;
        for (Comparison c : report.comparisons()) {
            String sectionId = id + "-compare-" + index++;
            out.append("<section class=\"sp-compare\" aria-labelledby=\"")
                    .append(sectionId)
                    .append("-title\">\n<h4 class=\"sp-failures__title\" id=\"")
                    .append(sectionId)
                    .append("-title\">")
                    .append(HtmlEscape.escape(ComparisonWording.heading(c)))
                    .append("</h4>\n<p class=\"sp-compare__run\">");
            if (c.available()) {
                HtmlFailures.link(
                        out,
                        view.links().runPage(c.run().runId()),
                        "run " + c.run().runId());
                out.append(HtmlEscape.escape(ComparisonWording.commit(c))).append("</p>\n");
                counts(out, c);
                for (TestVerdict v : ComparisonWording.LISTED) {
                    table(out, view, c, v);
                }
            } else {
                out.append(HtmlEscape.escape(ComparisonWording.state(c, report)))
                        .append("</p>\n");
            }
            out.append("</section>\n");
        }
        out.append("<p class=\"sp-compare__closing\">")
                .append(HtmlEscape.escape(ComparisonWording.closing(report)))
                .append("</p>\n");
        if (report.diffNote() != null) {
            out.append("<p class=\"sp-panel__note\">")
                    .append(HtmlEscape.escape(report.diffNote()))
                    .append("</p>\n");
        }
    }

    private static void counts(StringBuilder out, Comparison c) {
        out.append("<table class=\"sp-failures__table sp-compare__counts\">\n<thead><tr><th scope=\"col\">Compared"
                + " with this reference</th><th scope=\"col\">Tests</th></tr></thead>\n<tbody>\n");
        for (TestVerdict v : c.verdicts()) {
            out.append("<tr data-verdict=\"")
                    .append(v.wireValue())
                    .append("\"><th scope=\"row\">")
                    .append(HtmlEscape.escape(v.label()))
                    .append(" <span class=\"sp-panel__note\">(")
                    .append(HtmlEscape.escape(v.sentence()))
                    .append(")</span></th><td>")
                    .append(c.count(v))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static void table(StringBuilder out, ComparisonView view, Comparison c, TestVerdict verdict) {
        List<TestState> tests = c.tests(verdict);
        if (tests.isEmpty()) {
            return;
        }
        int shown = Math.min(PANEL_LIMIT, tests.size());
        boolean fixed = verdict == TestVerdict.FIXED_HERE;
        out.append("<div class=\"sp-failures__scroll\">\n<table class=\"sp-failures__table\">\n<caption>")
                .append(HtmlEscape.escape(ComparisonWording.listTitle(verdict)))
                .append(" (")
                .append(tests.size());
        if (shown < tests.size()) {
            out.append(", ").append(shown).append(" shown");
        }
        out.append(")</caption>\n<thead><tr><th scope=\"col\">Verdict</th><th scope=\"col\">Regression test</th>"
                + "<th scope=\"col\">Sample</th><th scope=\"col\">Categories</th>"
                + "<th scope=\"col\">Outputs here</th></tr></thead>\n<tbody>\n");
        for (TestState test : tests.subList(0, shown)) {
            out.append("<tr class=\"sp-failure sp-failure--")
                    .append(fixed ? "fixed" : verdict == TestVerdict.BROKEN_HERE ? "missing-output" : "fail")
                    .append("\" data-verdict=\"")
                    .append(verdict.wireValue())
                    .append("\"><td><span class=\"sp-failure__status\"><span aria-hidden=\"true\">")
                    .append(fixed ? "&#10004;" : verdict == TestVerdict.BROKEN_HERE ? "&#10006;" : "&#9888;")
                    .append("</span> ")
                    .append(HtmlEscape.escape(verdict.label()))
                    .append("</span></td><th scope=\"row\">");
            HtmlFailures.link(
                    out, view.links().regressionTestPage(test.regressionTestId()), "#" + test.regressionTestId());
            out.append("</th><td>")
                    .append(HtmlEscape.escape(test.sampleName() == null ? "" : FailureWording.clip(test.sampleName())))
                    .append("</td><td>")
                    .append(HtmlEscape.escape(FailureWording.clip(String.join(", ", test.categories()))))
                    .append("</td><td>");
            if (!fixed) {
                outputs(out, view, test);
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</div>\n");
    }

    private static void outputs(StringBuilder out, ComparisonView view, TestState test) {
        String separator = "";
        for (ComparisonWording.DiffLink link : ComparisonWording.diffLinks(view, test)) {
            out.append(separator);
            separator = "<br/>";
            HtmlFailures.link(out, link.target(), link.text());
            if (link.excerpt() != null) {
                excerpt(out, link.excerpt());
            }
        }
    }

    private static void excerpt(StringBuilder out, DiffExcerpt e) {
        out.append("<details class=\"sp-compare__diff\"><summary>first lines of the diff</summary><pre>");
        for (String line : e.lines()) {
            out.append(HtmlEscape.escape(line)).append('\n');
        }
        if (e.truncated()) {
            out.append("...\n");
        }
        out.append("</pre></details>");
    }
}
