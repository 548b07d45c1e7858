package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The comparisons for a build log or a terminal: per reference its run and the counts, then the first
 * {@value #LOG_LIMIT} tests broken here and the first {@value #LOG_LIMIT} failing differently; then the closing
 * sentence. Plain text, one line per fact, every server value on one line.
 *
 * <pre>
 * Compared with the tip of master: run 40, commit aaaaaaa
 *   1 broken here, 1 fixed here, 1 failing differently, 1 failing identically, 1 unchanged pass, 0 no reference
 *   - Broken here: #2 b.ts [general]
 *   - Failing differently: #5 e.ts [general]
 * This change moves the behaviour of 2 test(s) relative to the tip of master. ...
 * </pre>
 */
public final class ConsoleComparisons {

    /** How many tests of each listed verdict a log shows. */
    public static final int LOG_LIMIT = 10;

    private ConsoleComparisons() {}

    /** The lines, each ending with a line break; empty when no reference was asked for. */
    public static String render(ComparisonView view) {
        if (view == null || !view.worthShowing()) {
            return "";
        }
        ComparisonReport report = view.report();
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        for (Comparison c : report.comparisons()) {
            out.append(ComparisonWording.heading(c))
                    .append(": ")
                    .append(ComparisonWording.state(c, report))
                    .append(nl);
            if (!c.available()) {
                continue;
            }
            out.append("  ")
                    .append(c.verdicts().stream()
                            .map(v -> c.count(v) + " " + v.label())
                            .collect(Collectors.joining(", ")))
                    .append(nl);
            list(out, c, TestVerdict.BROKEN_HERE, nl);
            list(out, c, TestVerdict.FAILING_DIFFERENTLY, nl);
        }
        out.append(ComparisonWording.closing(report)).append(nl);
        return out.toString();
    }

    private static void list(StringBuilder out, Comparison c, TestVerdict verdict, String nl) {
        List<TestState> tests = c.tests(verdict);
        String title = Character.toUpperCase(verdict.label().charAt(0))
                + verdict.label().substring(1);
        for (TestState test : tests.subList(0, Math.min(LOG_LIMIT, tests.size()))) {
            out.append("  - ")
                    .append(title)
                    .append(": ")
                    .append(ComparisonWording.describe(test))
                    .append(nl);
        }
        if (tests.size() > LOG_LIMIT) {
            out.append("  - ")
                    .append(title)
                    .append(": and ")
                    .append(tests.size() - LOG_LIMIT)
                    .append(" more")
                    .append(nl);
        }
    }
}
