package io.jenkins.plugins.sampleplatform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.runs.RunLookup;
import io.jenkins.plugins.sampleplatform.runs.RunQuery;
import io.jenkins.plugins.sampleplatform.runs.RunTrigger;
import io.jenkins.plugins.sampleplatform.runs.TriggerRequest;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.util.Optional;

/**
 * The platform's run endpoints: {@code GET /runs} (find the newest run of a commit), {@code GET /runs/{id}} (the
 * light status poll), {@code POST /runs} (trigger) and {@code POST /runs/{id}/cancel}. Reached through
 * {@link SamplePlatformClient#runs()}; every request goes through the client's transport (token, gate, retries).
 */
public final class RunsEndpoint implements RunLookup, RunTrigger {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** With a test type to match client-side, read at most this many pages of 100 (newest first). */
    private static final int MAX_PAGES = 5;

    private final ApiTransport transport;

    RunsEndpoint(ApiTransport transport) {
        this.transport = transport;
    }

    @Override
    public Optional<RunInfo> newest(RunQuery query) throws SummaryException, InterruptedException {
        // The API filters on commit, platform and repository; the test type is matched here, page by page.
        int limit = query.testType() == null ? 1 : 100;
        for (int page = 0, offset = 0; page < MAX_PAGES; page++) {
            ApiRequest request = ApiRequest.get("/runs", "the runs of " + query.describe())
                    .withQuery("commit_sha", query.commitSha())
                    .withQuery("platform", query.platform())
                    .withQuery("repository", query.repository())
                    .withQuery("sort", "-run_id")
                    .withQuery("limit", Integer.toString(limit))
                    .withQuery("offset", Integer.toString(offset));
            ApiResponse response = transport.send(request);
            ObjectNode body = transport.parser().object(response.body(), response.contentType(), response.status());
            JsonNode data = body.get("data");
            if (!(data instanceof ArrayNode items)) {
                throw transport.parser().malformed("the run list has no data array", response.status());
            }
            for (JsonNode item : items) {
                if (!(item instanceof ObjectNode object)) {
                    throw transport.parser().malformed("an item of the run list is not an object", response.status());
                }
                RunInfo run = run(object, response.status(), null);
                if (query.matches(run)) {
                    return Optional.of(run);
                }
            }
            JsonNode next = body.path("pagination").get("next_offset");
            if (next == null || next.isNull() || !next.canConvertToInt() || items.isEmpty()) {
                return Optional.empty();
            }
            offset = next.intValue();
        }
        return Optional.empty();
    }

    @Override
    public RunsEndpoint within(java.time.Duration timeLeft) {
        return new RunsEndpoint(transport.within(timeLeft));
    }

    @Override
    public RunInfo run(int runId) throws SummaryException, InterruptedException {
        RunIds.require(runId);
        ApiResponse response =
                transport.send(ApiRequest.get("/runs/" + runId, "run " + runId).aboutRun(runId));
        ObjectNode object = transport.parser().object(response.body(), response.contentType(), response.status());
        return run(object, response.status(), runId);
    }

    @Override
    public RunInfo trigger(TriggerRequest request) throws SummaryException, InterruptedException {
        RunQuery query = request.query();
        // The newest matching run before the POST: after a lost answer, only a newer one can be the POST's.
        int before;
        try {
            before = newest(query).map(RunInfo::runId).orElse(0);
        } catch (ApiException.Forbidden e) {
            // The look-up comes first so that a lost answer never starts a second run; it reads runs.
            throw new TriggerRefused(
                    "Could not start a run of " + query.describe() + ": the token may not read runs ("
                            + e.error().map(ApiError::describe).orElse("HTTP 403") + "). Before starting a run the"
                            + " commit's runs are looked up, so that a lost answer never starts a second one: the"
                            + " token needs the scope runs:read as well as runs:write.",
                    e.error().orElse(null));
        }
        ApiRequest post = ApiRequest.post("/runs", body(request), "starting a run of " + query.describe());
        ApiResponse response;
        try {
            response = transport.send(post);
        } catch (ApiException failure) {
            if (!mayHaveReachedThePlatform(failure)) {
                throw TriggerRefused.from(failure, query);
            }
            // The POST may have created the run; it is never repeated. Look first.
            Optional<RunInfo> created = newest(query).filter(run -> run.runId() > before);
            if (created.isPresent()) {
                return created.get();
            }
            throw new TriggerRefused(
                    "Could not start a run of " + query.describe() + ": " + failure.getMessage()
                            + " No new run for the commit appeared, and the request was not repeated (it is not"
                            + " idempotent): try again.",
                    failure.error().orElse(null));
        }
        ObjectNode object = transport.parser().object(response.body(), response.contentType(), response.status());
        return run(object, response.status(), null);
    }

    @Override
    public String cancel(int runId, String reason) throws SummaryException, InterruptedException {
        RunIds.require(runId);
        ObjectNode body = JSON.createObjectNode();
        if (reason != null && reason.strip().length() >= 5) {
            body.put("reason", reason.length() > 255 ? reason.substring(0, 255) : reason);
        }
        ApiResponse response;
        try {
            response =
                    transport.send(ApiRequest.post("/runs/" + runId + "/cancel", bytes(body), "canceling run " + runId)
                            .aboutRun(runId));
        } catch (ApiException.Forbidden e) {
            throw new TriggerRefused(
                    "The platform refused to cancel run " + runId + " ("
                            + e.error().map(ApiError::describe).orElse("HTTP 403")
                            + "). Canceling needs the role admin, contributor or tester and the scope runs:write.",
                    e.error().orElse(null));
        }
        ObjectNode answer = transport.parser().object(response.body(), response.contentType(), response.status());
        String status = answer.path("status").isTextual() ? answer.get("status").asText() : "accepted";
        return transport.parser().quote(status);
    }

    /** No answer, or a 5xx: the platform may have saved the run before failing. */
    private static boolean mayHaveReachedThePlatform(ApiException failure) {
        return failure instanceof ApiException.TransportFailure
                || failure.error().map(e -> e.status() >= 500).orElse(false);
    }

    RunInfo run(ObjectNode object, int status, Integer expectedRunId) throws ApiException.MalformedResponse {
        ResponseParser parser = transport.parser();
        try {
            int runId = ResponseParser.requiredInt(object, "run_id");
            if (expectedRunId != null && runId != expectedRunId) {
                throw new IllegalArgumentException(
                        "run_id is " + runId + ", but run " + expectedRunId + " was asked for");
            }
            var runStatus = ResponseParser.status(object);
            if (runStatus == null) {
                throw new IllegalArgumentException("status is missing");
            }
            return new RunInfo(
                    runId,
                    runStatus,
                    parser.optionalText(object, "platform"),
                    parser.optionalText(object, "test_type"),
                    parser.optionalText(object, "repository"),
                    parser.optionalText(object, "commit_sha"));
        } catch (IllegalArgumentException e) {
            throw parser.malformed("the run is not valid: " + e.getMessage(), status);
        }
    }

    private static byte[] body(TriggerRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("commit_sha", request.commitSha());
        body.put("platform", request.platform());
        body.put("repository", request.repository());
        if (request.branch() != null) {
            body.put("branch", request.branch());
        }
        if (request.pullRequest() != null) {
            body.put("pull_request", request.pullRequest());
        }
        if (request.tests() != null) {
            ArrayNode tests = body.putArray("regression_test_ids");
            request.tests().forEach(tests::add);
        }
        return bytes(body);
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
