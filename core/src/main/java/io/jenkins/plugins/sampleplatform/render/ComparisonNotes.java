package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison's word on each failing sample of a JUnit report ("broken here", "failing identically on
 * master (run 12)"), from the first reference that has a run: the one a verdict on change judges against.
 */
public final class ComparisonNotes {

    private ComparisonNotes() {}

    /** {@link JUnitXml.SampleNote#NONE} without a comparison or without any reference run. */
    public static JUnitXml.SampleNote of(ComparisonReport report) {
        if (report == null) {
            return JUnitXml.SampleNote.NONE;
        }
        return report.firstAvailable().map(ComparisonNotes::of).orElse(JUnitXml.SampleNote.NONE);
    }

    private static JUnitXml.SampleNote of(Comparison comparison) {
        String name = comparison.reference().text();
        int run = comparison.run().runId();
        Map<Integer, String> notes = new HashMap<>();
        for (Map.Entry<TestVerdict, List<TestState>> entry : comparison.tests().entrySet()) {
            String note = note(entry.getKey(), name, run);
            if (note != null) {
                for (TestState test : entry.getValue()) {
                    notes.put(test.regressionTestId(), note);
                }
            }
        }
        return sample -> notes.get(sample.regressionTestId());
    }

    /** Only verdicts a failing sample can have; a sample that passes here needs no word. */
    private static String note(TestVerdict verdict, String name, int run) {
        String where = name + " (run " + run + ")";
        return switch (verdict) {
            case BROKEN_HERE -> "broken here (passes on " + name + ", run " + run + ")";
            case FAILING_DIFFERENTLY -> "failing differently on " + where;
            case FAILING_IDENTICALLY -> "failing identically on " + where;
            case FAILING_IN_BOTH -> "failing on " + where + " too (the token cannot read output hashes)";
            case NO_REFERENCE -> "no result on " + where;
            case FIXED_HERE, UNCHANGED_PASS -> null;
        };
    }
}
