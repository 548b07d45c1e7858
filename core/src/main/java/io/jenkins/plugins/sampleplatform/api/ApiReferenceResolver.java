package io.jenkins.plugins.sampleplatform.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.ReferenceResolver;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds reference runs through {@code GET /runs} and {@code GET /runs/{id}}.
 *
 * <p>The API exposes no progress row ids, so "the newest completed run" (the platform orders by the id of the
 * {@code completed} progress row) is the one with the latest {@code completed_at}, then the highest run id:
 * the same run wherever completion times follow the order the rows were written. A completed run is one whose
 * status is {@code pass}, {@code fail} or {@code error} (its last progress row is {@code completed}). The
 * listing is read newest run id first; the newest page of 100 runs holds the answer unless no run on it
 * completed, in which case further pages are read, up to {@value #MAX_PAGES} pages (the platform answers in
 * memory, so every page costs the same).
 */
public final class ApiReferenceResolver implements ReferenceResolver {

    /** Pages of 100 runs read at most when looking for a completed one. */
    static final int MAX_PAGES = 10;

    private static final Set<RunStatus> COMPLETED = EnumSet.of(RunStatus.PASS, RunStatus.FAIL, RunStatus.ERROR);
    private static final Comparator<Candidate> NEWEST_COMPLETED = Comparator.comparing(Candidate::completedAt)
            .thenComparingInt(c -> c.run().runId());

    private final ApiTransport transport;
    private final RunsEndpoint runs;

    ApiReferenceResolver(ApiTransport transport) {
        this.transport = transport;
        this.runs = new RunsEndpoint(transport);
    }

    @Override
    public Optional<RunInfo> resolve(Reference reference, RunInfo judged)
            throws SummaryException, InterruptedException {
        if (reference instanceof Reference.Run run) {
            try {
                return Optional.of(runs.run(run.runId()));
            } catch (RunNotFound e) {
                return Optional.empty();
            }
        }
        if (reference instanceof Reference.Master) {
            return newestCompleted(
                    ApiRequest.get("/runs", "the master runs").withQuery("branch", "master"), judged, true);
        }
        if (reference instanceof Reference.Commit commit) {
            return newestCompleted(
                    ApiRequest.get("/runs", "the runs of commit " + commit.sha())
                            .withQuery("commit_sha", commit.sha()),
                    judged,
                    false);
        }
        throw new SummaryException("The reference " + reference.text()
                + " names a Jenkins build; only the Jenkins plugin can resolve it.");
    }

    private Optional<RunInfo> newestCompleted(ApiRequest listing, RunInfo judged, boolean commitTypeOnly)
            throws SummaryException, InterruptedException {
        if (judged.platform() == null) {
            throw new SummaryException("Run " + judged.runId()
                    + " has no platform in the API's answer, so no reference run on the same platform can be found.");
        }
        ApiRequest request = listing.withQuery("platform", judged.platform()).withQuery("sort", "-run_id");
        Candidate best = null;
        int offset = 0;
        for (int page = 0; page < MAX_PAGES && best == null; page++) {
            ApiResponse response = transport.send(request.withQuery("limit", Integer.toString(ListingPages.PAGE))
                    .withQuery("offset", offset == 0 ? null : Integer.toString(offset)));
            ObjectNode body = transport.parser().object(response.body(), response.contentType(), response.status());
            if (!(body.get("data") instanceof com.fasterxml.jackson.databind.node.ArrayNode items)) {
                throw transport.parser().malformed(request.subject() + ": the run list has no data array", 200);
            }
            for (var node : items) {
                if (!(node instanceof ObjectNode item)) {
                    throw transport.parser().malformed(request.subject() + ": an item is not an object", 200);
                }
                RunInfo run = runs.run(item, 200, null);
                String completedText = transport.parser().optionalText(item, "completed_at");
                java.time.Instant completedAt;
                try {
                    completedAt = completedText == null
                            ? null
                            : java.time.OffsetDateTime.parse(completedText).toInstant();
                } catch (java.time.format.DateTimeParseException e) {
                    throw transport
                            .parser()
                            .malformed(
                                    request.subject() + ": completed_at of run " + run.runId() + " is not a time: "
                                            + transport.parser().quote(completedText),
                                    200);
                }
                boolean eligible = run.runId() != judged.runId()
                        && COMPLETED.contains(run.status())
                        && completedAt != null
                        && (!commitTypeOnly || "commit".equals(run.testType()));
                Candidate candidate = new Candidate(run, completedAt);
                if (eligible && (best == null || NEWEST_COMPLETED.compare(candidate, best) > 0)) {
                    best = candidate;
                }
            }
            var next = body.path("pagination").get("next_offset");
            if (next == null || !next.canConvertToInt() || items.isEmpty()) {
                break;
            }
            offset = next.intValue();
        }
        return Optional.ofNullable(best).map(Candidate::run);
    }

    /** A completed run and when it completed. */
    private record Candidate(RunInfo run, java.time.Instant completedAt) {}
}
