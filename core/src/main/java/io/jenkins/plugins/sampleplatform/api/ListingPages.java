package io.jenkins.plugins.sampleplatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every page of one of the platform's offset-paginated listings ({@code {data, pagination: {total,
 * next_offset}}}) with the largest page the platform allows, 100, and returns the items as objects. A server
 * whose paging never ends cannot keep the loop going: no more pages than the first page's total needs.
 */
final class ListingPages {

    /** The platform's largest page. */
    static final int PAGE = 100;

    private final ApiTransport transport;

    ListingPages(ApiTransport transport) {
        this.transport = transport;
    }

    /** Every item of the listing {@code request} asks for ({@code limit} and {@code offset} are set here). */
    List<ObjectNode> all(ApiRequest request) throws SummaryException, InterruptedException {
        List<ObjectNode> items = new ArrayList<>();
        int offset = 0;
        int maxPages = 1;
        for (int page = 0; page < maxPages; page++) {
            ApiResponse response = transport.send(request.withQuery("limit", Integer.toString(PAGE))
                    .withQuery("offset", offset == 0 ? null : Integer.toString(offset)));
            ObjectNode envelope = transport.parser().object(response.body(), response.contentType(), response.status());
            JsonNode data = envelope.get("data");
            if (!(data instanceof ArrayNode array)) {
                throw transport
                        .parser()
                        .malformed(
                                request.subject() + ": data must be an array, was "
                                        + (data == null ? "missing" : ResponseParser.typeOf(data)),
                                response.status());
            }
            int total;
            Integer next;
            try {
                if (!(envelope.get("pagination") instanceof ObjectNode pagination)) {
                    throw new IllegalArgumentException("pagination must be an object");
                }
                total = ResponseParser.requiredInt(pagination, "total");
                next = ResponseParser.optionalInt(pagination, "next_offset");
            } catch (IllegalArgumentException e) {
                throw transport.parser().malformed(request.subject() + ": " + e.getMessage(), response.status());
            }
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof ObjectNode item)) {
                    throw transport
                            .parser()
                            .malformed(
                                    request.subject() + ": data[" + i + "] must be an object, was "
                                            + ResponseParser.typeOf(array.get(i)),
                                    response.status());
                }
                items.add(item);
            }
            maxPages = Math.max(1, (total + PAGE - 1) / PAGE);
            if (next == null || array.isEmpty()) {
                break;
            }
            offset = next;
        }
        return items;
    }
}
