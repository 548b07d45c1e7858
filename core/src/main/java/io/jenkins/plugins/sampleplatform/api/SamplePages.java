package io.jenkins.plugins.sampleplatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of {@code GET /runs/{id}/samples}, read strictly, for the failing-samples listing ({@link RunSamples})
 * and the listing of every result ({@link RunResultListing}): the envelope {@code {data, pagination}}, and the
 * parts of an item both read (categories, differing outputs). A malformed page names the field.
 */
final class SamplePages {

    /** The platform's largest page. */
    static final int PAGE = 100;

    /** The items of one page, the listing's total after filters, and the next offset ({@code null}: last page). */
    record Page<T>(List<T> items, int total, Integer nextOffset) {}

    private SamplePages() {}

    /**
     * Fetches and reads one page.
     *
     * @param request the listing's request, with its filters; the page's {@code limit} and {@code offset} are added
     * @param what    what the listing is, for messages, e.g. {@code the samples of run 42 (status=fail)}
     * @param reader  reads one item; throws {@link IllegalArgumentException} naming the field when it is not valid
     */
    static <T> Page<T> fetch(
            ApiTransport transport,
            ApiRequest request,
            int offset,
            int limit,
            String what,
            Function<ObjectNode, T> reader)
            throws SummaryException, InterruptedException {
        ApiResponse response = transport.send(request.withQuery("limit", String.valueOf(limit))
                .withQuery("offset", offset == 0 ? null : String.valueOf(offset)));
        ResponseParser parser = transport.parser();
        ObjectNode envelope = parser.object(response.body(), response.contentType(), response.status());
        try {
            return read(envelope, reader);
        } catch (IllegalArgumentException e) {
            throw parser.malformed(what + " are not valid: " + e.getMessage(), response.status());
        }
    }

    private static <T> Page<T> read(ObjectNode envelope, Function<ObjectNode, T> reader) {
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
        List<T> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof ObjectNode item)) {
                throw new IllegalArgumentException(
                        "data[" + i + "] must be an object, was " + ResponseParser.typeOf(array.get(i)));
            }
            try {
                items.add(reader.apply(item));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("data[" + i + "]." + e.getMessage(), e);
            }
        }
        return new Page<>(items, total, nextOffset);
    }

    /**
     * Whether to ask for the page after {@code page}: a server whose paging never ends must not keep a loop
     * going, so never more pages than its total needs.
     */
    static boolean more(Page<?> page, int pagesRead) {
        return page.nextOffset() != null && !page.items().isEmpty() && (long) pagesRead * PAGE < page.total();
    }

    /** The item's {@code categories}, scrubbed of the token; empty when absent or null. */
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

    /**
     * The item's {@code outputs[]} entries with status {@code fail}: those differing from the baseline (an output
     * matching an accepted variant also says {@code fail}; the sample's own status is what counts).
     */
    static List<FailedOutput> differingOutputs(ResponseParser parser, ObjectNode item) {
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
}
