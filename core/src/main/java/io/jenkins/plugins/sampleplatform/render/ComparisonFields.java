package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.DiffExcerpt;
import io.jenkins.plugins.sampleplatform.compare.ProducedOutput;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparisons as plain values for the command line's JSON and the Pipeline step's map: {@code comparisons},
 * one map per reference in the order given:
 * <ul>
 *   <li>{@code reference} (as given, canonical: {@code master}, {@code commit:SHA}, {@code run:ID}),
 *       {@code run_id} ({@code null} when none was found), {@code commit}, {@code same_as} (the earlier
 *       reference, or {@code null});</li>
 *   <li>{@code counts}: the six verdicts ({@code broken_here}, {@code fixed_here}, {@code failing_differently},
 *       {@code failing_identically}, {@code unchanged_pass}, {@code no_reference}). When output hashes could not
 *       be read, {@code failing_differently} and {@code failing_identically} are {@code null} and
 *       {@code failing_in_both} counts them together; {@code signatures_known} says which;</li>
 *   <li>{@code tests}: per verdict of {@code counts}, at most {@code max} objects with {@code regression_test_id},
 *       {@code sample_id}, {@code sample_name}, {@code categories}, and for failing tests {@code outputs}
 *       ({@code output_id}, {@code got}, {@code diff_url}, and {@code diff_excerpt} when there is one).</li>
 * </ul>
 * Only {@code LinkedHashMap}, {@code ArrayList}, {@code String}, {@code Integer}, {@code Boolean} and
 * {@code null}, so the values are safe in a sandboxed Pipeline and in its saved program state.
 */
public final class ComparisonFields {

    private ComparisonFields() {}

    /** Adds {@code comparisons} to {@code map}; nothing when {@code view} is {@code null} (none asked for). */
    public static void addTo(Map<String, Object> map, ComparisonView view, int max) {
        if (view == null) {
            return;
        }
        List<Object> comparisons = new ArrayList<>();
        for (Comparison c : view.report().comparisons()) {
            comparisons.add(comparison(view, c, Math.max(0, max)));
        }
        map.put("comparisons", comparisons);
    }

    private static Map<String, Object> comparison(ComparisonView view, Comparison c, int max) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reference", c.reference().text());
        m.put("run_id", c.found() ? c.run().runId() : null);
        m.put("commit", c.found() ? c.run().commitSha() : null);
        m.put("same_as", c.sameAs());
        m.put("signatures_known", c.signaturesKnown());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (TestVerdict v : TestVerdict.PLATFORM_ORDER) {
            counts.put(v.wireValue(), c.verdicts().contains(v) ? c.count(v) : null);
        }
        if (!c.signaturesKnown()) {
            counts.put(TestVerdict.FAILING_IN_BOTH.wireValue(), c.count(TestVerdict.FAILING_IN_BOTH));
        }
        m.put("counts", counts);
        Map<String, Object> tests = new LinkedHashMap<>();
        for (TestVerdict v : c.verdicts()) {
            List<Object> entries = new ArrayList<>();
            List<TestState> all = c.tests(v);
            for (TestState test : all.subList(0, Math.min(max, all.size()))) {
                entries.add(test(view, test));
            }
            tests.put(v.wireValue(), entries);
        }
        m.put("tests", tests);
        return m;
    }

    private static Map<String, Object> test(ComparisonView view, TestState test) {
        ComparisonReport report = view.report();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("regression_test_id", test.regressionTestId());
        t.put("sample_id", test.sampleId());
        t.put("sample_name", test.sampleName());
        t.put("categories", new ArrayList<>(test.categories()));
        if (!test.passed()) {
            List<Object> outputs = new ArrayList<>();
            if (test.signature().known()) {
                for (ProducedOutput output : test.signature().outputs()) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("output_id", output.outputId());
                    o.put("got", output.got());
                    URI diff = output.hasDiff()
                            ? view.links().diffPage(report.runId(), test.regressionTestId(), output.outputId())
                            : null;
                    o.put("diff_url", diff == null ? null : diff.toASCIIString());
                    report.excerpt(test.regressionTestId(), output.outputId())
                            .ifPresent(e -> o.put("diff_excerpt", excerpt(e)));
                    outputs.add(o);
                }
            }
            t.put("outputs", test.signature().known() ? outputs : null);
        }
        return t;
    }

    private static Map<String, Object> excerpt(DiffExcerpt e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lines", new ArrayList<>(e.lines()));
        m.put("truncated", e.truncated());
        return m;
    }
}
