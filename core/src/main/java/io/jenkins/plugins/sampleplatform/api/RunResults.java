package io.jenkins.plugins.sampleplatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the API tells about one run's results, read with as few requests as it allows:
 * <ol>
 *   <li>{@code /summary}: whether tests of the selection never ran ({@code skipped_count});</li>
 *   <li>{@code /config}: the selection;</li>
 *   <li>the results: the two filtered listings ({@code status=fail}, {@code status=missing_output}); every
 *       test the summary does not count there passed. Only a run with never-ran tests, or with failing
 *       results outside its selection (which could hide one), gets the full listing instead, which is the
 *       only way to tell which selected tests have a result;</li>
 *   <li>with {@code results:read}: {@code /artifacts?type=actual_output}, every recorded produced hash.</li>
 * </ol>
 */
final class RunResults {

    private static final Pattern ACTUAL_ID = Pattern.compile("actual_(\\d+)_(\\d+)_(-?\\d+)");

    private final ApiTransport transport;
    private final ListingPages pages;

    RunResults(ApiTransport transport) {
        this.transport = transport;
        this.pages = new ListingPages(transport);
    }

    /**
     * One run's results.
     *
     * @param info      the run: status from the summary, platform and commit from {@code /config} (test type
     *                  and repository are not read)
     * @param selection the selected regression test ids, in the platform's order (duplicates removed)
     * @param results   the listed results, by regression test id
     * @param complete  whether {@code results} holds every result (else only the failing ones: every other
     *                  selected test passed)
     * @param produced  the produced file name ({@code got} plus the output's extension) of every result file
     *                  with a recorded hash, by regression test and output id; null when the token cannot
     *                  read them (no {@code results:read})
     */
    record Record(
            RunInfo info,
            Set<Integer> selection,
            Map<Integer, ResultItem> results,
            boolean complete,
            Map<Integer, Map<Integer, String>> produced) {

        int runId() {
            return info.runId();
        }

        /** Whether the token could read the produced hashes. */
        boolean hashesKnown() {
            return produced != null;
        }

        /** The produced file name of one output, or null when none was recorded or it is unknown. */
        String produced(int regressionTestId, int outputId) {
            return produced == null
                    ? null
                    : produced.getOrDefault(regressionTestId, Map.of()).get(outputId);
        }
    }

    /** Reads run {@code runId}; {@code hashes} false skips the artifacts listing (and its request). */
    Record read(int runId, boolean hashes) throws SummaryException, InterruptedException {
        RunIds.require(runId);
        RunSummary summary = summary(runId);
        ObjectNode config = config(runId);
        Set<Integer> selection = selection(runId, config);
        Map<Integer, ResultItem> results = new LinkedHashMap<>();
        // A summary without skipped_count cannot rule never-ran tests out: read everything.
        boolean complete = summary.skippedCount() == null || summary.skippedCount() > 0;
        if (!complete) {
            listInto(runId, SampleStatus.MISSING_OUTPUT, results);
            listInto(runId, SampleStatus.FAIL, results);
            // A failing result outside the selection counts in the summary as if it were selected, and could
            // hide a selected test that never ran: only the full listing tells.
            complete = !selection.containsAll(results.keySet());
            if (complete) {
                results.clear();
            }
        }
        if (complete) {
            listInto(runId, null, results);
        }
        Map<Integer, Map<Integer, String>> produced = hashes ? produced(runId) : null;
        RunInfo info = new RunInfo(
                runId,
                summary.status() == null ? RunStatus.INCOMPLETE : summary.status(),
                transport.parser().optionalText(config, "platform"),
                null,
                null,
                transport.parser().optionalText(config, "commit_sha"));
        return new Record(info, selection, results, complete, produced);
    }

    private RunSummary summary(int runId) throws SummaryException, InterruptedException {
        ApiResponse response = transport.send(
                ApiRequest.get("/runs/" + runId + "/summary", "run " + runId).aboutRun(runId));
        return transport.parser().summary(response.body(), runId, response.contentType());
    }

    private ObjectNode config(int runId) throws SummaryException, InterruptedException {
        ApiResponse response =
                transport.send(ApiRequest.get("/runs/" + runId + "/config", "the configuration of run " + runId)
                        .aboutRun(runId));
        return transport.parser().object(response.body(), response.contentType(), response.status());
    }

    private Set<Integer> selection(int runId, ObjectNode body) throws ApiException.MalformedResponse {
        JsonNode ids = body.get("regression_test_ids");
        if (ids == null || !ids.isArray()) {
            throw transport
                    .parser()
                    .malformed("the configuration of run " + runId + " has no regression_test_ids array", 200);
        }
        Set<Integer> selection = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber() || !id.canConvertToInt()) {
                throw transport
                        .parser()
                        .malformed(
                                "the configuration of run " + runId + " lists " + ResponseParser.typeOf(id)
                                        + " as a regression test id",
                                200);
            }
            selection.add(id.intValue());
        }
        return selection;
    }

    /** Every result of one status ({@code null}: all), read into {@code into} by regression test id. */
    private void listInto(int runId, SampleStatus status, Map<Integer, ResultItem> into)
            throws SummaryException, InterruptedException {
        ApiRequest request = ApiRequest.get("/runs/" + runId + "/samples", "the samples of run " + runId)
                .withQuery("status", status == null ? null : status.wireValue())
                .aboutRun(runId);
        for (ObjectNode object : pages.all(request)) {
            ResultItem item;
            try {
                item = ResultItem.read(transport.parser(), object);
            } catch (IllegalArgumentException e) {
                throw transport
                        .parser()
                        .malformed("a sample of run " + runId + " is not valid: " + e.getMessage(), 200);
            }
            if (status != null && item.status() != status) {
                throw transport
                        .parser()
                        .malformed(
                                "the " + status.wireValue() + " listing of run " + runId
                                        + " holds a sample with status "
                                        + item.status().wireValue(),
                                200);
            }
            into.putIfAbsent(item.regressionTestId(), item);
        }
    }

    /** The produced hashes, or null when the token lacks {@code results:read}. */
    private Map<Integer, Map<Integer, String>> produced(int runId) throws SummaryException, InterruptedException {
        ApiRequest request = ApiRequest.get("/runs/" + runId + "/artifacts", "the output files of run " + runId)
                .withQuery("type", "actual_output")
                .aboutRun(runId);
        List<ObjectNode> items;
        try {
            items = pages.all(request);
        } catch (ApiException.Forbidden e) {
            if (e.missingScopes().isEmpty() || e.missingScopes().contains("results:read")) {
                return null;
            }
            throw e;
        }
        Map<Integer, Map<Integer, String>> produced = new LinkedHashMap<>();
        for (ObjectNode item : items) {
            String id = transport.parser().optionalText(item, "artifact_id");
            String filename = transport.parser().optionalText(item, "filename");
            Matcher m = id == null ? null : ACTUAL_ID.matcher(id);
            if (m == null || !m.matches() || filename == null) {
                throw transport
                        .parser()
                        .malformed(
                                "an output file of run " + runId + " has no artifact_id actual_<run>_<test>_<output>"
                                        + " or no filename: "
                                        + transport.parser().quote(item.toString()),
                                200);
            }
            produced.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new LinkedHashMap<>())
                    .put(Integer.parseInt(m.group(3)), filename);
        }
        return produced;
    }
}
