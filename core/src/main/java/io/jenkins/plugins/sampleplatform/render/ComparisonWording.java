package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.DiffExcerpt;
import io.jenkins.plugins.sampleplatform.compare.ProducedOutput;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sentences every comparison renderer shares, after the platform's pull-request comment
 * ({@code templates/ci/pr_comment.txt}), so the log, the panel and the Markdown say the same thing. Plain text:
 * each renderer escapes it.
 */
final class ComparisonWording {

    /** The verdicts whose tests are listed, in the comment's order: what the change did, then its fixes. */
    static final List<TestVerdict> LISTED =
            List.of(TestVerdict.BROKEN_HERE, TestVerdict.FAILING_DIFFERENTLY, TestVerdict.FIXED_HERE);

    private ComparisonWording() {}

    /** {@code Compared with the tip of master}. */
    static String heading(Comparison c) {
        return "Compared with " + c.reference().label();
    }

    /** {@code run 40, commit aaaaaaa}; or why there is no comparison. */
    static String state(Comparison c, ComparisonReport report) {
        if (c.sameAs() != null) {
            return "the same run as " + Reference.parse(c.sameAs()).label() + " (run "
                    + c.run().runId() + "), so the comparison above already covers it.";
        }
        if (!c.found()) {
            return notFound(c, report) + ", so nothing can be said about this reference. This is not the same as"
                    + " agreement.";
        }
        return "run " + c.run().runId() + commit(c);
    }

    /** {@code , commit aaaaaaa}, or nothing when the run has no commit. */
    static String commit(Comparison c) {
        String commit = c.run().commitSha();
        return commit == null || commit.isBlank()
                ? ""
                : ", commit " + commit.substring(0, Math.min(7, commit.length()));
    }

    private static String notFound(Comparison c, ComparisonReport report) {
        String platform = report.current().run().platform();
        String on = platform == null ? "" : " on " + platform;
        Reference r = c.reference();
        if (r instanceof Reference.Run run) {
            return "no reference found: run " + run.runId() + " does not exist";
        }
        if (r instanceof Reference.Commit) {
            return "no reference found: no completed run of that commit" + on;
        }
        if (r instanceof Reference.Master) {
            return "no reference found: no completed commit run of master" + on + " besides this one";
        }
        return "no reference found";
    }

    /** {@code 3 pass there, fail here}. */
    static String count(Comparison c, TestVerdict verdict) {
        return c.count(verdict) + " " + verdict.sentence();
    }

    /** The heading of a list of tests, e.g. {@code Pass there, fail here}. */
    static String listTitle(TestVerdict verdict) {
        return switch (verdict) {
            case FAILING_DIFFERENTLY ->
                "Fail on both but produce different output (behaviour moved even though the verdict did not)";
            default ->
                Character.toUpperCase(verdict.sentence().charAt(0))
                        + verdict.sentence().substring(1);
        };
    }

    /** The number of distinct failing tests of the judged run. */
    static long failed(ComparisonReport report) {
        return report.current().tests().values().stream()
                .filter(t -> !t.passed())
                .count();
    }

    /**
     * The closing sentence: which tests the change moved relative to the first available reference, or that
     * every failure also fails there byte for byte, or that nothing can be attributed without a reference.
     */
    static String closing(ComparisonReport report) {
        long failed = failed(report);
        Optional<Comparison> first = report.firstAvailable();
        if (first.isEmpty()) {
            return failed == 0
                    ? "All tests passed: every output matched the approved file."
                    : failed + " tests do not match the approved output. There is no completed run to compare"
                            + " against, so this report cannot say whether this change caused them: treat them as"
                            + " unattributed.";
        }
        Comparison c = first.get();
        String label = c.reference().label();
        int changed = c.changedCount();
        if (changed > 0) {
            return "This change moves the behaviour of " + changed + " test(s) relative to " + label
                    + ". Those are the ones worth looking at; anything else fails the same way on both sides"
                    + (c.signaturesKnown() ? "." : ", or could not be compared (token cannot read output hashes).");
        }
        if (failed == 0) {
            return "All tests passed: every output matched the approved file.";
        }
        int unknown = c.count(TestVerdict.FAILING_IN_BOTH);
        if (unknown > 0) {
            return "No test broke relative to " + label + "; " + unknown + " fail on both sides, and whether their"
                    + " output changed could not be checked (token cannot read output hashes).";
        }
        int unattributed = c.count(TestVerdict.NO_REFERENCE);
        String rest = unattributed == 0
                ? ""
                : " (" + unattributed + " have no result in that run, so they cannot be attributed)";
        return "No test changes behaviour relative to " + label + ": every failure fails there too, byte for byte"
                + rest + ". The approved output for those tests is out of date, which is a baseline to review"
                + " rather than a regression in this change.";
    }

    /** An output of a failing test as a renderer links it: its text, the diff page, the excerpt if any. */
    record DiffLink(String text, URI target, DiffExcerpt excerpt) {}

    /** The outputs of a test that have a diff on the platform (none for an unknown signature). */
    static List<DiffLink> diffLinks(ComparisonView view, TestState test) {
        if (!test.signature().known()) {
            return List.of();
        }
        ComparisonReport report = view.report();
        List<DiffLink> links = new ArrayList<>();
        for (ProducedOutput output : test.signature().outputs()) {
            if (output.hasDiff()) {
                links.add(new DiffLink(
                        "output " + output.outputId() + " diff",
                        view.links().diffPage(report.runId(), test.regressionTestId(), output.outputId()),
                        report.excerpt(test.regressionTestId(), output.outputId())
                                .orElse(null)));
            }
        }
        return links;
    }

    /** {@code #12 sample.ts [general, dvb]} for a log line. */
    static String describe(TestState test) {
        StringBuilder out = new StringBuilder("#").append(test.regressionTestId());
        if (test.sampleName() != null) {
            out.append(' ').append(FailureWording.clip(PlainText.oneLine(test.sampleName())));
        } else if (test.sampleId() != null) {
            out.append(" sample ").append(test.sampleId());
        }
        if (!test.categories().isEmpty()) {
            out.append(" [")
                    .append(FailureWording.clip(PlainText.oneLine(String.join(", ", test.categories()))))
                    .append(']');
        }
        return out.toString();
    }
}
