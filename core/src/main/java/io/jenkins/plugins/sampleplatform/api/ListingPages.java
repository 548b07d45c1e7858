package io.jenkins.plugins.sampleplatform.api;

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
    static final int PAGE = SamplePages.PAGE;

    private final ApiTransport transport;

    ListingPages(ApiTransport transport) {
        this.transport = transport;
    }

    /** Every item of the listing {@code request} asks for ({@code limit} and {@code offset} are set here). */
    List<ObjectNode> all(ApiRequest request) throws SummaryException, InterruptedException {
        List<ObjectNode> items = new ArrayList<>();
        int offset = 0;
        for (int pagesRead = 1; ; pagesRead++) {
            SamplePages.Page<ObjectNode> page =
                    SamplePages.fetch(transport, request, offset, PAGE, request.subject(), item -> item);
            items.addAll(page.items());
            if (!SamplePages.more(page, pagesRead)) {
                return items;
            }
            offset = page.nextOffset();
        }
    }
}
