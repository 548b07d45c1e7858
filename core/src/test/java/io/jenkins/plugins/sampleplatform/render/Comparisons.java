package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.DiffExcerpt;
import io.jenkins.plugins.sampleplatform.compare.ProducedOutput;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.ResultStatus;
import io.jenkins.plugins.sampleplatform.compare.RunState;
import io.jenkins.plugins.sampleplatform.compare.Signature;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import java.util.ArrayList;
import java.util.List;

/** Comparison reports for the renderers' tests. */
final class Comparisons {

    private Comparisons() {}

    static RunInfo run(int id, String commit) {
        return new RunInfo(id, RunStatus.FAIL, "linux", "commit", "CCExtractor/ccextractor", commit);
    }

    static TestState test(int id, String name, boolean passed, String got) {
        Signature signature = got == null ? Signature.empty() : Signature.of(List.of(new ProducedOutput(id * 10, got)));
        return new TestState(
                id,
                1000 + id,
                name,
                List.of("general"),
                passed,
                signature,
                passed ? ResultStatus.PASS : ResultStatus.FAIL);
    }

    /**
     * Run 42 against master (run 40) and then commit:bbbb… (the same run): 1 unchanged, 2 broken, 3 fixed,
     * 4 identical, 5 differently (with a diff excerpt), 6 no reference; then a reference that was not found.
     */
    static ComparisonReport everyVerdict(String name) {
        RunState here = RunState.of(
                run(42, "c".repeat(40)),
                List.of(
                        test(1, "one.ts", true, null),
                        test(2, name, false, "broken"),
                        test(3, "three.ts", true, null),
                        test(4, "four.ts", false, "same"),
                        test(5, "five.ts", false, "new"),
                        test(6, "six.ts", false, "x")));
        RunState master = RunState.of(
                run(40, "a".repeat(40)),
                List.of(
                        test(1, "one.ts", true, null),
                        test(2, name, true, null),
                        test(3, "three.ts", false, "old"),
                        test(4, "four.ts", false, "same"),
                        test(5, "five.ts", false, "old")));
        Comparison first = Comparison.of(new Reference.Master(), here, master);
        List<Comparison> comparisons = new ArrayList<>();
        comparisons.add(first);
        comparisons.add(first.sameRunAs(new Reference.Commit("a".repeat(40))));
        comparisons.add(Comparison.of(new Reference.Run(99), here, null));
        return new ComparisonReport(
                here,
                comparisons,
                List.of(new DiffExcerpt(5, 50, List.of("--- a", "+++ b", "-old " + name, "+new"), true)),
                null);
    }

    /** Many broken tests, for the limits. */
    static ComparisonReport manyBroken(int n) {
        List<TestState> here = new ArrayList<>();
        List<TestState> there = new ArrayList<>();
        for (int id = 1; id <= n; id++) {
            here.add(test(id, "s" + id + ".ts", false, "b"));
            there.add(test(id, "s" + id + ".ts", true, null));
        }
        RunState current = RunState.of(run(42, "c".repeat(40)), here);
        return new ComparisonReport(
                current,
                List.of(Comparison.of(new Reference.Master(), current, RunState.of(run(40, "a".repeat(40)), there))),
                List.of(),
                "DB mode: the diffs are on the platform.");
    }
}
