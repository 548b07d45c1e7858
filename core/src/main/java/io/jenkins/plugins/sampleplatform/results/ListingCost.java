package io.jenkins.plugins.sampleplatform.results;

import java.io.Serializable;

/**
 * What listing a run's samples cost, for verbose output and the documentation's promise: API requests
 * (the paged listing, {@code ceil(n/100)} pages of 100 for {@code n} results, at least one, plus one
 * {@code GET /runs/{id}/config} when samples that never ran are wanted) or SQL statements (a fixed number,
 * whatever the run's size).
 *
 * @param count  requests or statements
 * @param detail what they were, after the count, e.g.
 *               {@code API requests (2 pages of GET /runs/42/samples, 1 GET /runs/42/config)}
 */
public record ListingCost(int count, String detail) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ListingCost {
        if (count < 0) {
            throw new IllegalArgumentException("count must be at least 0, was " + count);
        }
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("detail must be given");
        }
    }

    /** One line, e.g. {@code 3 API requests (2 pages of GET /runs/42/samples, 1 GET /runs/42/config)}. */
    public String describe() {
        return count + " " + detail;
    }
}
