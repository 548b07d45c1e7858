package io.jenkins.plugins.sampleplatform.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.DiffExcerpt;
import io.jenkins.plugins.sampleplatform.compare.ProducedOutput;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The first lines of the platform's unified diff ({@code GET /runs/{id}/samples/{sample}/regression-tests/
 * {test}/outputs/{output}/diff?format=unified}, {@code results:read}) for the first
 * {@value DiffExcerpt#MAX_EXCERPTS} outputs that differ in tests broken here, then failing differently, in
 * the order of the references: one request per excerpt. An output whose diff the platform cannot give (its
 * files are not on its disk, or too large to diff) is left out and counted in the note.
 */
public final class ApiDiffExcerpts {

    private final ApiTransport transport;

    ApiDiffExcerpts(ApiTransport transport) {
        this.transport = transport;
    }

    /** The report with excerpts of its first broken or changed outputs, and a note for what is left out. */
    public ComparisonReport addTo(ComparisonReport report) throws SummaryException, InterruptedException {
        List<Target> targets = targets(report);
        if (targets.isEmpty()) {
            return report;
        }
        List<DiffExcerpt> excerpts = new ArrayList<>();
        int unavailable = 0;
        for (Target target : targets) {
            try {
                excerpts.add(excerpt(report.runId(), target));
            } catch (ApiException.Forbidden e) {
                return report.withExcerpts(
                        List.of(), "The token cannot read diffs (it lacks the scope results:read): see the platform.");
            } catch (ApiException.NotFound | ApiException.InvalidRequest | ApiException.MalformedResponse e) {
                unavailable++;
            } catch (ApiException e) {
                if (e.error().map(error -> error.status() == 422).orElse(false)) {
                    unavailable++; // too large to diff
                } else {
                    throw e;
                }
            }
        }
        String note = unavailable == 0
                ? null
                : "The platform could not give the diff of " + unavailable + " output" + (unavailable == 1 ? "" : "s")
                        + " (its files are not on the platform's disk, or too large): see the platform.";
        return report.withExcerpts(excerpts, note);
    }

    private DiffExcerpt excerpt(int runId, Target target) throws SummaryException, InterruptedException {
        ApiRequest request = ApiRequest.get(
                        "/runs/" + runId + "/samples/" + target.sampleId + "/regression-tests/" + target.testId
                                + "/outputs/" + target.outputId + "/diff",
                        "the diff of output " + target.outputId + " of regression test " + target.testId + " in run "
                                + runId)
                .withQuery("format", "unified");
        ApiResponse response = transport.send(request);
        ObjectNode body = transport.parser().object(response.body(), response.contentType(), response.status());
        String content = transport.parser().optionalText(body, "content");
        if (content == null) {
            throw transport.parser().malformed(request.subject() + " has no content", response.status());
        }
        List<String> lines = content.isEmpty() ? List.of() : List.of(content.split("\r?\n", -1));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        boolean truncated = lines.size() > DiffExcerpt.MAX_LINES;
        List<String> shown = new ArrayList<>();
        for (String line : truncated ? lines.subList(0, DiffExcerpt.MAX_LINES) : lines) {
            // A foreign file's control characters must not reach a console or a page.
            shown.add(line.replaceAll("[\\p{Cntrl}&&[^\t]]", "?"));
        }
        return new DiffExcerpt(target.testId, target.outputId, shown, truncated);
    }

    /** The outputs to excerpt: of broken tests, then failing differently, per reference in order. */
    static List<Target> targets(ComparisonReport report) {
        Set<Target> targets = new LinkedHashSet<>();
        for (Comparison comparison : report.comparisons()) {
            if (!comparison.available()) {
                continue;
            }
            for (TestVerdict verdict : List.of(TestVerdict.BROKEN_HERE, TestVerdict.FAILING_DIFFERENTLY)) {
                for (TestState test : comparison.tests(verdict)) {
                    // The diff's URL names the media sample; a test without one has no diff to ask for.
                    if (!test.signature().known() || test.sampleId() == null) {
                        continue;
                    }
                    for (ProducedOutput output : test.signature().outputs()) {
                        if (output.hasDiff() && targets.size() < DiffExcerpt.MAX_EXCERPTS) {
                            targets.add(new Target(test.regressionTestId(), output.outputId(), test.sampleId()));
                        }
                    }
                }
            }
        }
        return new ArrayList<>(targets);
    }

    record Target(int testId, int outputId, Integer sampleId) {}
}
