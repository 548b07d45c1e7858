package io.jenkins.plugins.sampleplatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.results.ListingCost;
import io.jenkins.plugins.sampleplatform.results.ResultSource;
import io.jenkins.plugins.sampleplatform.results.RunResults;
import io.jenkins.plugins.sampleplatform.results.SampleResult;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Every result of a run through the unfiltered, paged {@code GET /runs/{id}/samples?limit=100} (scope
 * {@code runs:read}): {@code ceil(n/100)} requests for {@code n} results (one for none), through the client's
 * transport, so every page passes the shared rate-limit gate and builds sharing a token take turns instead of
 * being refused. With {@code withNotRun}, one more request, {@code GET /runs/{id}/config}, gives the run's
 * selection; selected samples without a result are the ones that never ran (the listing leaves them out; the
 * API gives only their ids, so they have no name nor category here).
 *
 * <p>The platform pages its list in memory without an {@code ORDER BY}: results are sorted here by regression
 * test id, and one listed twice (rows that moved between pages while the run was still writing) counts once.
 * No more pages are read than the first page's total needs.
 */
final class RunResultListing implements ResultSource {

    private final ApiTransport transport;

    RunResultListing(ApiTransport transport) {
        this.transport = transport;
    }

    @Override
    public RunResults results(int runId, boolean withNotRun) throws SummaryException, InterruptedException {
        RunIds.require(runId);
        ResponseParser parser = transport.parser();
        ApiRequest request = ApiRequest.get("/runs/" + runId + "/samples", "the samples of run " + runId)
                .aboutRun(runId);
        String what = "the samples of run " + runId;
        TreeMap<Integer, SampleResult> byTest = new TreeMap<>();
        int offset = 0;
        int pages = 0;
        while (true) {
            SamplePages.Page<SampleResult> page =
                    SamplePages.fetch(transport, request, offset, SamplePages.PAGE, what, item -> item(parser, item));
            pages++;
            page.items().forEach(item -> byTest.putIfAbsent(item.regressionTestId(), item));
            if (!SamplePages.more(page, pages)) {
                break;
            }
            offset = page.nextOffset();
        }
        String detail =
                "API requests (" + pages + (pages == 1 ? " page" : " pages") + " of GET /runs/" + runId + "/samples";
        int requests = pages;
        if (withNotRun) {
            for (int id : selection(runId)) {
                byTest.putIfAbsent(id, SampleResult.notRun(id, null, null, List.of()));
            }
            requests++;
            detail += ", 1 GET /runs/" + runId + "/config";
        }
        return new RunResults(runId, new ArrayList<>(byTest.values()), new ListingCost(requests, detail + ")"));
    }

    /** {@code regression_test_ids} of {@code GET /runs/{id}/config}: the run's selection. */
    private List<Integer> selection(int runId) throws SummaryException, InterruptedException {
        ApiResponse response =
                transport.send(ApiRequest.get("/runs/" + runId + "/config", "the selection of run " + runId)
                        .aboutRun(runId));
        ResponseParser parser = transport.parser();
        ObjectNode config = parser.object(response.body(), response.contentType(), response.status());
        JsonNode ids = config.get("regression_test_ids");
        if (ids == null || !ids.isArray()) {
            throw parser.malformed(
                    "the configuration of run " + runId + " has no regression_test_ids array", response.status());
        }
        List<Integer> selection = new ArrayList<>(ids.size());
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber() || !id.canConvertToInt() || id.intValue() < 1) {
                throw parser.malformed(
                        "the configuration of run " + runId + " lists a regression test id that is not a whole"
                                + " number of at least 1: " + ResponseParser.typeOf(id),
                        response.status());
            }
            selection.add(id.intValue());
        }
        return selection;
    }

    private static SampleResult item(ResponseParser parser, ObjectNode item) {
        int regressionTestId = ResponseParser.requiredInt(item, "regression_test_id");
        String status = parser.optionalText(item, "status");
        if (status == null) {
            throw new IllegalArgumentException("status is missing");
        }
        return new SampleResult(
                regressionTestId,
                ResponseParser.optionalInt(item, "sample_id"),
                parser.optionalText(item, "sample_name"),
                SampleStatus.fromWire(status),
                ResponseParser.optionalInt(item, "exit_code"),
                ResponseParser.optionalInt(item, "expected_rc"),
                ResponseParser.optionalInt(item, "runtime_ms"),
                SamplePages.categories(parser, item),
                SamplePages.differingOutputs(parser, item));
    }
}
