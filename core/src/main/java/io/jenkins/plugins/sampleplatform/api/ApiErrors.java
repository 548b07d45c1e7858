package io.jenkins.plugins.sampleplatform.api;

import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.net.URI;
import java.net.http.HttpResponse;

/** Turns a non-200 answer into the exception that says what went wrong and what to do. */
final class ApiErrors {

    private ApiErrors() {}

    static SummaryException toException(ApiRequest request, ApiError error, HttpResponse<?> response, BaseUrl baseUrl) {
        int status = error.status();
        String subject = request.subject();
        String said = error.describe();
        return switch (status) {
            case 400 ->
                new ApiException.InvalidRequest(
                        "The Sample Platform refused the request for " + subject + " (" + said
                                + "). Run ids are whole numbers from 1 to 2147483647.",
                        error);
            case 401 ->
                new ApiException.Unauthorized(
                        "The Sample Platform did not accept the API token (" + said
                                + "). Check the credential: the token may be missing, expired or revoked.",
                        error);
            case 403 -> forbidden(error, said);
            case 404 -> notFound(request, error, said, baseUrl);
            default -> {
                if (status >= 300 && status < 400) {
                    yield redirected(error, response, baseUrl);
                }
                if (status >= 500) {
                    yield new ApiException.ServerError(
                            "The Sample Platform failed to answer for " + subject + " (" + said
                                    + "), also after retrying. Try again later.",
                            error);
                }
                yield new ApiException.ServerError(
                        "The Sample Platform answered the request for " + subject + " with an unexpected status ("
                                + said + ").",
                        error);
            }
        };
    }

    /**
     * A 404 is "no such run" only when the platform's API said so: its JSON {@code not_found} naming the run.
     * Its HTML 404 page (a path outside the API), or a JSON 404 about something else ("Resource not
     * found." for an unknown API route), means the URL is wrong, not the run id.
     */
    private static SummaryException notFound(ApiRequest request, ApiError error, String said, BaseUrl baseUrl) {
        if (request.runId().isPresent() && isAboutRun(error, request.runId().getAsInt())) {
            int runId = request.runId().getAsInt();
            return new RunNotFound(
                    runId,
                    "Run " + runId + " not found on the Sample Platform at " + baseUrl + " (" + said
                            + "). Check the run id.",
                    error);
        }
        return new ApiException.NotFound(wrongEndpoint(request, error, baseUrl), error);
    }

    /** The message for a 404 that is not about the run: the URL does not lead to the platform's API. */
    static String wrongEndpoint(ApiRequest request, ApiError error, BaseUrl baseUrl) {
        String answer = error.code() == null
                ? "HTTP 404 with a page that is not the API's JSON"
                : "HTTP 404 " + error.code() + (error.message() == null ? "" : ": " + error.message());
        String path = baseUrl.uri().getRawPath() == null ? "" : baseUrl.uri().getRawPath();
        String hint = path.endsWith("/api/v1")
                ? "Check the URL: it must be the platform's API, ending in /api/v1, e.g. " + BaseUrl.PUBLIC_INSTANCE
                : "The URL must end in /api/v1 (" + baseUrl + " does not), e.g. " + BaseUrl.PUBLIC_INSTANCE;
        return "The Sample Platform URL " + baseUrl + " has no API endpoint " + request.path() + " (" + answer + "). "
                + hint + ".";
    }

    /** The platform's {@code {"code":"not_found","message":"Run 42 not found."}}. */
    private static boolean isAboutRun(ApiError error, int runId) {
        if (!"not_found".equals(error.code())) {
            return false;
        }
        // The reference document's form: details {"resource": "run", "id": 42}.
        Object resource = error.details().get("resource");
        Object id = error.details().get("id");
        if ("run".equals(resource) && id instanceof Number number && number.longValue() == runId) {
            return true;
        }
        return error.message() != null
                && java.util.regex.Pattern.compile("(?i)\\brun\\s+" + runId + "\\b.*not found")
                        .matcher(error.message())
                        .find();
    }

    private static ApiException.Forbidden forbidden(ApiError error, String said) {
        java.util.List<String> scopes = ResponseParser.scopes(error);
        String missing = scopes.isEmpty() ? "runs:read" : String.join(", ", scopes);
        return new ApiException.Forbidden(
                "The API token is valid but may not read run summaries (" + said + "). It needs the scope " + missing
                        + ": create a token with that scope.",
                error,
                scopes);
    }

    private static ApiException.Redirected redirected(ApiError error, HttpResponse<?> response, BaseUrl baseUrl) {
        String location = response.headers().firstValue("Location").orElse("");
        String target;
        try {
            URI resolved = baseUrl.uri().resolve(location);
            target = resolved.getScheme() + "://" + resolved.getAuthority();
        } catch (IllegalArgumentException e) {
            target = "an unreadable location";
        }
        return new ApiException.Redirected(
                "The Sample Platform URL " + baseUrl + " redirects (HTTP " + error.status() + ") to " + target
                        + ". Redirects are not followed, so the token is never sent elsewhere: configure the final URL.",
                error);
    }
}
