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

    private static SummaryException notFound(ApiRequest request, ApiError error, String said, BaseUrl baseUrl) {
        if (request.runId().isPresent()) {
            int runId = request.runId().getAsInt();
            return new RunNotFound(
                    runId,
                    "Run " + runId + " not found on the Sample Platform at " + baseUrl + " (" + said
                            + "). Check the run id and the URL.",
                    error);
        }
        return new ApiException.NotFound(
                "The Sample Platform at " + baseUrl + " has nothing at " + request.path() + " (" + said
                        + "). Check the URL: it ends in /api/v1.",
                error);
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
