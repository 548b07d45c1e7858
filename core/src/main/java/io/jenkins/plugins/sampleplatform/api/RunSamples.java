package io.jenkins.plugins.sampleplatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
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

    /** The platform's largest page. */
    static final int PAGE = 100;

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
        int offset = 0;
        int total;
        int pages = 0;
        while (true) {
            Page page = page(runId, status, offset, wanted == 0 ? 1 : PAGE);
            pages++;
            total = page.total;
            page.items.forEach(item -> byTest.putIfAbsent(item.regressionTestId(), item));
            // A server whose paging never ends must not keep this loop going: no more pages than its total needs.
            boolean more =
                    page.nextOffset != null && !page.items.isEmpty() && wanted > PAGE && (long) pages * PAGE < total;
            if (!more) {
                break;
            }
            offset = page.nextOffset;
        }
        List<SampleFailure> entries = new ArrayList<>(byTest.values());
        entries.sort(Comparator.comparingInt(SampleFailure::regressionTestId));
        if (entries.size() > total) {
            throw transport
                    .parser()
                    .malformed(
                            "the " + status.wireValue() + " listing of run " + runId + " has " + entries.size()
                                    + " items but a total of " + total,
                            200);
        }
        return new Listing(List.copyOf(entries.subList(0, Math.min(wanted, entries.size()))), total);
    }

    private Page page(int runId, SampleStatus status, int offset, int pageSize)
            throws SummaryException, InterruptedException {
        ApiRequest request = ApiRequest.get("/runs/" + runId + "/samples", "the samples of run " + runId)
                .withQuery("status", status.wireValue())
                .withQuery("limit", String.valueOf(pageSize))
                .withQuery("offset", offset == 0 ? null : String.valueOf(offset))
                .aboutRun(runId);
        ApiResponse response = transport.send(request);
        ResponseParser parser = transport.parser();
        ObjectNode envelope = parser.object(response.body(), response.contentType(), response.status());
        try {
            return readPage(parser, envelope, status);
        } catch (IllegalArgumentException e) {
            throw parser.malformed(
                    "the samples of run " + runId + " (status=" + status.wireValue() + ") are not valid: "
                            + e.getMessage(),
                    response.status());
        }
    }

    private static Page readPage(ResponseParser parser, ObjectNode envelope, SampleStatus status) {
        JsonNode data = envelope.get("data");
        if (!(data instanceof ArrayNode array)) {
            throw new IllegalArgumentException(
                    "data must be an array, was " + (data == null ? "missing" : ResponseParser.typeOf(data)));
        }
        JsonNode paging = envelope.get("pagination");
        if (!(paging instanceof ObjectNode pagination)) {
            throw new IllegalArgumentException("pagination must be an object, was "
                    + (paging == null ? "missing" : ResponseParser.typeOf(paging)));
        }
        int total;
        Integer nextOffset;
        try {
            total = ResponseParser.requiredInt(pagination, "total");
            nextOffset = ResponseParser.optionalInt(pagination, "next_offset");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pagination." + e.getMessage(), e);
        }
        if (total < 0) {
            throw new IllegalArgumentException("pagination.total must be at least 0, was " + total);
        }
        List<SampleFailure> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof ObjectNode item)) {
                throw new IllegalArgumentException(
                        "data[" + i + "] must be an object, was " + ResponseParser.typeOf(array.get(i)));
            }
            try {
                items.add(item(parser, item, status));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("data[" + i + "]." + e.getMessage(), e);
            }
        }
        return new Page(items, total, nextOffset);
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
                categories(parser, item),
                outputs(parser, item));
    }

    static List<String> categories(ResponseParser parser, ObjectNode item) {
        JsonNode value = item.get("categories");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException("categories must be an array, was " + ResponseParser.typeOf(value));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : value) {
            if (!name.isTextual()) {
                throw new IllegalArgumentException("categories must hold strings, held " + ResponseParser.typeOf(name));
            }
            names.add(scrubbed(parser, name));
        }
        return names;
    }

    private static List<FailedOutput> outputs(ResponseParser parser, ObjectNode item) {
        JsonNode value = item.get("outputs");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException("outputs must be an array, was " + ResponseParser.typeOf(value));
        }
        List<FailedOutput> differing = new ArrayList<>();
        for (JsonNode entry : value) {
            if (!(entry instanceof ObjectNode output)) {
                throw new IllegalArgumentException("outputs must hold objects, held " + ResponseParser.typeOf(entry));
            }
            String status;
            try {
                status = parser.optionalText(output, "status");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("outputs[]." + e.getMessage(), e);
            }
            if (!"fail".equals(status)) {
                continue; // pass: identical to the baseline
            }
            try {
                int outputId = ResponseParser.requiredInt(output, "output_id");
                String filename = parser.optionalText(output, "filename");
                if (filename == null) {
                    throw new IllegalArgumentException("filename is missing");
                }
                differing.add(new FailedOutput(outputId, filename));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("outputs[]." + e.getMessage(), e);
            }
        }
        return differing;
    }

    /** A string of the answer with the token scrubbed out, as {@link ResponseParser#optionalText} gives fields. */
    private static String scrubbed(ResponseParser parser, JsonNode text) {
        ObjectNode holder = JsonNodeFactory.instance.objectNode();
        holder.set("value", text);
        return parser.optionalText(holder, "value");
    }

    private record Page(List<SampleFailure> items, int total, Integer nextOffset) {}

    private record Listing(List<SampleFailure> entries, int total) {}
}
