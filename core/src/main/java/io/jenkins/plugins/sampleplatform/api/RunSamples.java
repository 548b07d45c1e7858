package io.jenkins.plugins.sampleplatform.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.FailureSource;
import io.jenkins.plugins.sampleplatform.failures.SampleFailure;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The failing samples of a run through {@code GET /runs/{id}/samples} (scope {@code runs:read}).
 *
 * <p>Two filtered listings, {@code status=missing_output} and {@code status=fail}, each with
 * {@code limit=100}: their first pages give both totals and up to 100 entries of each status, so a list of
 * up to 100 costs 2 requests whatever the run's size. Only a caller asking for more than 100 entries gets
 * further pages. The platform pages its list in memory without an {@code ORDER BY}, so entries are sorted
 * here, by regression test id, and a regression test listed twice (rows that moved between pages) counts
 * once. When a status has more than 100 samples and at most 100 are asked for, the entries are the 100 the
 * platform lists first (in whatever order its database returns the run's results), sorted; ask for more than
 * 100 to get exactly the lowest ids. The totals are always exact.
 *
 * <p>Answers are read strictly: an item that is not an object, lacks {@code regression_test_id} or
 * {@code status}, or carries a status other than the one filtered on is a malformed answer naming the
 * field. {@code outputs[]} entries with status {@code fail} are the outputs that differ from the baseline
 * (an output matching an accepted variant also says {@code fail}; the sample's own status is what counts).
 */
final class RunSamples implements FailureSource {

    private static final int PAGE = SamplePages.PAGE;

    private final ApiTransport transport;

    RunSamples(ApiTransport transport) {
        this.transport = transport;
    }

    @Override
    public FailureList failures(int runId, int limit) throws SummaryException, InterruptedException {
        RunIds.require(runId);
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0, was " + limit);
        }
        Listing missing = list(runId, SampleStatus.MISSING_OUTPUT, limit);
        Listing failed = list(runId, SampleStatus.FAIL, Math.max(0, limit - missing.entries.size()));
        List<SampleFailure> entries = new ArrayList<>(missing.entries);
        entries.addAll(failed.entries);
        return new FailureList(entries.subList(0, Math.min(limit, entries.size())), missing.total, failed.total);
    }

    /** The samples of one status, sorted; as many as {@code wanted} asks, but all pages only beyond 100. */
    private Listing list(int runId, SampleStatus status, int wanted) throws SummaryException, InterruptedException {
        Map<Integer, SampleFailure> byTest = new LinkedHashMap<>();
        ApiRequest request = ApiRequest.get("/runs/" + runId + "/samples", "the samples of run " + runId)
                .withQuery("status", status.wireValue())
                .aboutRun(runId);
        String what = "the samples of run " + runId + " (status=" + status.wireValue() + ")";
        ResponseParser parser = transport.parser();
        int offset = 0;
        int total;
        int pages = 0;
        while (true) {
            SamplePages.Page<SampleFailure> page = SamplePages.fetch(
                    transport, request, offset, wanted == 0 ? 1 : PAGE, what, item -> item(parser, item, status));
            pages++;
            total = page.total();
            page.items().forEach(item -> byTest.putIfAbsent(item.regressionTestId(), item));
            if (wanted <= PAGE || !SamplePages.more(page, pages)) {
                break;
            }
            offset = page.nextOffset();
        }
        List<SampleFailure> entries = new ArrayList<>(byTest.values());
        entries.sort(Comparator.comparingInt(SampleFailure::regressionTestId));
        if (entries.size() > total) {
            throw parser.malformed(
                    "the " + status.wireValue() + " listing of run " + runId + " has " + entries.size()
                            + " items but a total of " + total,
                    200);
        }
        return new Listing(List.copyOf(entries.subList(0, Math.min(wanted, entries.size()))), total);
    }

    private static SampleFailure item(ResponseParser parser, ObjectNode item, SampleStatus filtered) {
        int regressionTestId = ResponseParser.requiredInt(item, "regression_test_id");
        String statusText = parser.optionalText(item, "status");
        if (statusText == null) {
            throw new IllegalArgumentException("status is missing");
        }
        SampleStatus status = SampleStatus.fromWire(statusText);
        if (status != filtered) {
            throw new IllegalArgumentException(
                    "status is '" + statusText + "' in a listing filtered on status=" + filtered.wireValue());
        }
        return new SampleFailure(
                regressionTestId,
                ResponseParser.optionalInt(item, "sample_id"),
                parser.optionalText(item, "sample_name"),
                status,
                ResponseParser.optionalInt(item, "exit_code"),
                ResponseParser.optionalInt(item, "expected_rc"),
                SamplePages.categories(parser, item),
                SamplePages.differingOutputs(parser, item));
    }

    private record Listing(List<SampleFailure> entries, int total) {}
}
