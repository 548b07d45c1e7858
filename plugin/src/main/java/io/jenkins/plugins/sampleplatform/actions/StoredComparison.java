package io.jenkins.plugins.sampleplatform.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.DiffExcerpt;
import io.jenkins.plugins.sampleplatform.compare.ProducedOutput;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.ResultStatus;
import io.jenkins.plugins.sampleplatform.compare.RunState;
import io.jenkins.plugins.sampleplatform.compare.Signature;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A build's comparison with its references as kept in build.xml beside its {@link SummaryAction}: plain values
 * only (XStream cannot rebuild core's records), never a credential, and bounded: per reference, every verdict's
 * regression test ids (so the counts stay exact), the details (sample, categories, signature) of at most
 * {@value #MAX_DETAILED} tests per verdict, which is as many as the panel lists, strings cut to
 * {@value #MAX_TEXT} characters. The references are kept as the build gave them: the reference choice.
 */
public final class StoredComparison {

    static final int MAX_DETAILED = 50;
    static final int MAX_TEXT = 200;

    /** The references as given (canonical texts), e.g. {@code master}, {@code commit:…}. */
    private final List<String> references;

    private final String site;
    private final int runId;
    private final String runStatus;
    private final String platform;
    private final String commit;
    private final List<Entry> comparisons = new ArrayList<>();
    private final List<Excerpt> excerpts = new ArrayList<>();
    private final String diffNote;

    /** One reference and its verdicts. */
    static final class Entry {
        private final String reference;
        private final Integer runId;
        private final String runStatus;
        private final String platform;
        private final String commit;
        private final String sameAs;
        private final boolean signaturesKnown;
        /** Verdict wire value to the regression test ids, comma-separated, ascending. */
        private final Map<String, String> ids = new LinkedHashMap<>();

        Entry(Comparison c) {
            this.reference = c.reference().text();
            this.runId = c.run() == null ? null : c.run().runId();
            this.runStatus = c.run() == null ? null : c.run().status().wireValue();
            this.platform = c.run() == null ? null : c.run().platform();
            this.commit = c.run() == null ? null : cut(c.run().commitSha());
            this.sameAs = c.sameAs();
            this.signaturesKnown = c.signaturesKnown();
            for (TestVerdict verdict : c.verdicts()) {
                StringBuilder list = new StringBuilder();
                for (TestState test : c.tests(verdict)) {
                    list.append(list.length() == 0 ? "" : ",").append(test.regressionTestId());
                }
                ids.put(verdict.wireValue(), list.toString());
            }
        }

        /** The number of tests under a verdict (0 for one this comparison does not show). */
        int count(TestVerdict verdict) {
            String list = ids.get(verdict.wireValue());
            return list == null || list.isEmpty() ? 0 : list.split(",").length;
        }
    }

    /** The details of one test of the judged run. */
    static final class Test {
        private final int regressionTestId;
        private final Integer sampleId;
        private final String sampleName;
        private final List<String> categories = new ArrayList<>();
        private final boolean passed;
        private final String status;
        /** The signature's output ids and hashes; both null when the signature is unknown. */
        private final List<Integer> outputIds;

        private final List<String> hashes;

        Test(TestState state) {
            this.regressionTestId = state.regressionTestId();
            this.sampleId = state.sampleId();
            this.sampleName = cut(state.sampleName());
            state.categories().stream().limit(10).forEach(c -> categories.add(cut(c)));
            this.passed = state.passed();
            this.status = state.status().wireValue();
            if (state.signature().known()) {
                outputIds = new ArrayList<>();
                hashes = new ArrayList<>();
                for (ProducedOutput output : state.signature().outputs()) {
                    outputIds.add(output.outputId());
                    hashes.add(cut(output.got()));
                }
            } else {
                outputIds = null;
                hashes = null;
            }
        }

        TestState toState() {
            Signature signature;
            if (outputIds == null || hashes == null) {
                signature = Signature.unknown();
            } else {
                List<ProducedOutput> outputs = new ArrayList<>();
                for (int i = 0; i < Math.min(outputIds.size(), hashes.size()); i++) {
                    outputs.add(new ProducedOutput(outputIds.get(i), hashes.get(i)));
                }
                signature = Signature.of(outputs);
            }
            return new TestState(regressionTestId, sampleId, sampleName, categories, passed, signature, status(status));
        }
    }

    /** One diff excerpt. */
    static final class Excerpt {
        private final int regressionTestId;
        private final int outputId;
        private final List<String> lines = new ArrayList<>();
        private final boolean truncated;

        Excerpt(DiffExcerpt e) {
            this.regressionTestId = e.regressionTestId();
            this.outputId = e.outputId();
            e.lines().forEach(line -> lines.add(cut(line)));
            this.truncated = e.truncated();
        }

        DiffExcerpt toExcerpt() {
            return new DiffExcerpt(regressionTestId, outputId, lines, truncated);
        }
    }

    private final List<Test> details = new ArrayList<>();

    private StoredComparison(List<String> references, ComparisonReport report, @CheckForNull URI site) {
        this.references = new ArrayList<>(references);
        this.site = site == null ? null : site.toString();
        RunInfo run = report.current().run();
        this.runId = run.runId();
        this.runStatus = run.status().wireValue();
        this.platform = run.platform();
        this.commit = cut(run.commitSha());
        Map<Integer, TestState> detailed = new LinkedHashMap<>();
        for (Comparison c : report.comparisons()) {
            comparisons.add(new Entry(c));
            for (TestVerdict verdict : c.verdicts()) {
                c.tests(verdict).stream()
                        .limit(MAX_DETAILED)
                        .forEach(t -> detailed.putIfAbsent(t.regressionTestId(), t));
            }
        }
        detailed.values().forEach(t -> details.add(new Test(t)));
        report.excerpts().forEach(e -> excerpts.add(new Excerpt(e)));
        this.diffNote = cut(report.diffNote());
    }

    /** What to keep of a comparison, or {@code null} when there is none (no reference asked for). */
    public static @CheckForNull StoredComparison of(
            List<String> references, @CheckForNull ComparisonReport report, @CheckForNull URI site) {
        return report == null ? null : new StoredComparison(references, report, site);
    }

    /** The references the build asked for, as it gave them. */
    public List<String> getReferences() {
        return List.copyOf(references);
    }

    /** The platform's site the links point to, or {@code null}. */
    public @CheckForNull URI site() {
        return site == null ? null : URI.create(site);
    }

    /** Tests broken here against the first available reference; {@code null} when no reference run was found. */
    public @CheckForNull Integer brokenHere() {
        for (Entry e : comparisons) {
            if (e.runId != null && e.sameAs == null) {
                return e.count(TestVerdict.BROKEN_HERE);
            }
        }
        return null;
    }

    /**
     * The comparison again, rebuilt from the kept values: exact counts; tests beyond the kept details are known
     * by id only (no sample, no categories), which the panel, listing at most {@value #MAX_DETAILED} per
     * verdict, never shows.
     *
     * @throws IllegalArgumentException when build.xml was edited into something invalid
     */
    public ComparisonReport toReport() {
        Map<Integer, TestState> byId = new LinkedHashMap<>();
        details.forEach(d -> {
            TestState state = d.toState();
            byId.put(state.regressionTestId(), state);
        });
        // A test known by id only takes its pass or fail from a verdict that tells it, not "no reference".
        for (Entry e : comparisons) {
            e.ids.forEach((wire, list) -> {
                TestVerdict verdict = verdict(wire);
                if (verdict != TestVerdict.NO_REFERENCE && !list.isEmpty()) {
                    for (String id : list.split(",")) {
                        byId.computeIfAbsent(Integer.parseInt(id), k -> idOnly(k, verdict));
                    }
                }
            });
        }
        List<Comparison> rebuilt = new ArrayList<>();
        for (Entry e : comparisons) {
            Map<TestVerdict, List<TestState>> tests = new EnumMap<>(TestVerdict.class);
            e.ids.forEach((wire, list) -> {
                TestVerdict verdict = verdict(wire);
                List<TestState> states = new ArrayList<>();
                if (!list.isEmpty()) {
                    for (String id : list.split(",")) {
                        states.add(byId.computeIfAbsent(Integer.parseInt(id), k -> idOnly(k, verdict)));
                    }
                }
                tests.put(verdict, states);
            });
            RunInfo run = e.runId == null
                    ? null
                    : new RunInfo(e.runId, RunStatus.fromWire(e.runStatus), e.platform, null, null, e.commit);
            rebuilt.add(new Comparison(Reference.parse(e.reference), run, e.sameAs, e.signaturesKnown, tests));
        }
        RunState current = RunState.of(
                new RunInfo(runId, RunStatus.fromWire(runStatus), platform, null, null, commit), byId.values());
        List<DiffExcerpt> kept = new ArrayList<>();
        excerpts.forEach(x -> kept.add(x.toExcerpt()));
        return new ComparisonReport(current, rebuilt, kept, diffNote);
    }

    /** A test known by id only: passed or not follows from its verdict here. */
    private static TestState idOnly(int testId, TestVerdict verdict) {
        boolean passed = verdict == TestVerdict.FIXED_HERE
                || verdict == TestVerdict.UNCHANGED_PASS
                || verdict == TestVerdict.NO_REFERENCE;
        return new TestState(
                testId,
                null,
                null,
                List.of(),
                passed,
                passed ? Signature.empty() : Signature.unknown(),
                passed ? ResultStatus.PASS : ResultStatus.FAIL);
    }

    private static TestVerdict verdict(String wire) {
        for (TestVerdict verdict : TestVerdict.values()) {
            if (verdict.wireValue().equals(wire)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + wire + "'");
    }

    private static ResultStatus status(String wire) {
        for (ResultStatus status : ResultStatus.values()) {
            if (status.wireValue().equals(wire)) {
                return status;
            }
        }
        return ResultStatus.FAIL;
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
