package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.DiffExcerpt;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The comparisons as a pull-request comment (GitHub Markdown), with the parts of the platform's own comment: the
 * headline {@code passed/total}, the per-category table, the failing tests, then per reference its run, the
 * counts and the lists (broken, failing differently, fixed; each output linked to its diff, with the first lines
 * of the diff collapsed where there is an excerpt), and the closing sentence. Server text is escaped
 * ({@link MarkdownEscape}); links are angle-bracket destinations built from ASCII URLs.
 *
 * <p>One difference from the platform: the headline counts distinct tests (the platform's counts a failing test
 * in two categories twice).
 */
public final class MarkdownComparisons {

    /** How many tests each list shows. */
    public static final int LIST_LIMIT = 50;

    private MarkdownComparisons() {}

    /** The Markdown, ending with a line break; empty when no reference was asked for. */
    public static String render(ComparisonView view) {
        if (view == null || !view.worthShowing()) {
            return "";
        }
        ComparisonReport report = view.report();
        StringBuilder out = new StringBuilder(4096);
        long failed = ComparisonWording.failed(report);
        int total = report.current().tests().size();
        out.append("#### What this run changed\n\n**")
                .append(total - failed)
                .append('/')
                .append(total)
                .append(" tests matched the approved output** in run ")
                .append(report.runId())
                .append(".\n\n");
        categories(out, report);
        List<TestState> failing = report.current().tests().values().stream()
                .filter(t -> !t.passed())
                .toList();
        if (!failing.isEmpty()) {
            out.append("<details>\n<summary>")
                    .append(failing.size())
                    .append(" tests do not match the approved output. That is the pass/fail verdict; whether this"
                            + " change caused it is answered below.</summary>\n\n");
            tests(out, view, failing, false);
            out.append("\n</details>\n\n");
        }
        for (Comparison c : report.comparisons()) {
            comparison(out, view, c);
        }
        out.append(MarkdownEscape.text(ComparisonWording.closing(report))).append('\n');
        if (report.diffNote() != null) {
            out.append('\n').append(MarkdownEscape.text(report.diffNote())).append('\n');
        }
        return out.toString();
    }

    private static void categories(StringBuilder out, ComparisonReport report) {
        Map<String, int[]> byCategory = new TreeMap<>();
        for (TestState test : report.current().tests().values()) {
            for (String category : test.categories()) {
                int[] counts = byCategory.computeIfAbsent(category, k -> new int[2]);
                counts[1]++;
                if (test.passed()) {
                    counts[0]++;
                }
            }
        }
        if (byCategory.isEmpty()) {
            return;
        }
        out.append("| Category | Tests passed |\n|---|---|\n");
        byCategory.forEach((category, counts) -> {
            String cell = counts[0] + "/" + counts[1];
            out.append("| ")
                    .append(MarkdownEscape.text(FailureWording.clip(category)))
                    .append(" | ")
                    .append(counts[0] == counts[1] ? cell : "**" + cell + "**")
                    .append(" |\n");
        });
        out.append('\n');
    }

    private static void comparison(StringBuilder out, ComparisonView view, Comparison c) {
        ComparisonReport report = view.report();
        out.append("---\n\n**")
                .append(MarkdownEscape.text(ComparisonWording.heading(c)))
                .append("**");
        if (c.available()) {
            out.append(": ");
            link(out, view.links().runPage(c.run().runId()), "run " + c.run().runId());
            out.append(MarkdownEscape.text(ComparisonWording.commit(c))).append("\n\n");
        } else {
            out.append(": ")
                    .append(MarkdownEscape.text(ComparisonWording.state(c, report)))
                    .append("\n\n");
            return;
        }
        for (TestVerdict v : c.verdicts()) {
            if (v == TestVerdict.UNCHANGED_PASS || v == TestVerdict.NO_REFERENCE && c.count(v) == 0) {
                continue;
            }
            out.append("- **")
                    .append(c.count(v))
                    .append("** ")
                    .append(v.sentence())
                    .append('\n');
        }
        out.append('\n');
        for (TestVerdict v : ComparisonWording.LISTED) {
            List<TestState> tests = c.tests(v);
            if (!tests.isEmpty()) {
                out.append(MarkdownEscape.text(ComparisonWording.listTitle(v))).append(":\n\n");
                tests(out, view, tests, v != TestVerdict.FIXED_HERE);
                out.append('\n');
            }
        }
    }

    private static void tests(StringBuilder out, ComparisonView view, List<TestState> tests, boolean withDiffs) {
        for (TestState test : tests.subList(0, Math.min(LIST_LIMIT, tests.size()))) {
            out.append("- ");
            link(out, view.links().regressionTestPage(test.regressionTestId()), "#" + test.regressionTestId());
            if (test.sampleName() != null) {
                out.append(' ').append(MarkdownEscape.text(FailureWording.clip(test.sampleName())));
            }
            if (!test.categories().isEmpty()) {
                out.append(" (")
                        .append(MarkdownEscape.text(FailureWording.clip(String.join(", ", test.categories()))))
                        .append(')');
            }
            if (withDiffs) {
                outputs(out, view, test);
            }
            out.append('\n');
        }
        if (tests.size() > LIST_LIMIT) {
            out.append("- and ").append(tests.size() - LIST_LIMIT).append(" more\n");
        }
    }

    private static void outputs(StringBuilder out, ComparisonView view, TestState test) {
        String separator = ": ";
        for (ComparisonWording.DiffLink link : ComparisonWording.diffLinks(view, test)) {
            out.append(separator);
            separator = ", ";
            link(out, link.target(), link.text());
            if (link.excerpt() != null) {
                excerpt(out, link.excerpt());
            }
        }
    }

    private static void excerpt(StringBuilder out, DiffExcerpt e) {
        int longest = 0;
        for (String line : e.lines()) {
            int run = 0;
            for (int i = 0; i < line.length(); i++) {
                run = line.charAt(i) == '`' ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        out.append("\n  <details><summary>first lines of the diff of output ")
                .append(e.outputId())
                .append("</summary>\n\n  ")
                .append(fence)
                .append("diff\n");
        for (String line : e.lines()) {
            out.append("  ").append(PlainText.oneLine(line)).append('\n');
        }
        if (e.truncated()) {
            out.append("  ...\n");
        }
        out.append("  ").append(fence).append("\n  </details>\n");
    }

    private static void link(StringBuilder out, URI target, String text) {
        if (target == null) {
            out.append(MarkdownEscape.text(text));
        } else {
            out.append('[')
                    .append(MarkdownEscape.text(text))
                    .append("](<")
                    .append(target.toASCIIString())
                    .append(">)");
        }
    }
}
