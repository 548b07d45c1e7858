package io.jenkins.plugins.sampleplatform.api;

import io.jenkins.plugins.sampleplatform.runs.RunQuery;

/**
 * The platform refused to start (or cancel) a run, or the answer was lost: one clear line saying why and what to
 * do (422 no CI build artifact yet, 403 role or fork owner, 400 fields, 429 the token's write limit).
 */
public class TriggerRefused extends ApiException {

    private static final long serialVersionUID = 1L;

    public TriggerRefused(String message, ApiError error) {
        super(message, error);
    }

    static TriggerRefused from(ApiException refused, RunQuery query) {
        ApiError error = refused.error().orElse(null);
        if (error == null) {
            return new TriggerRefused(
                    "Could not start a run of " + query.describe() + ": " + refused.getMessage(), null);
        }
        String said = error.describe();
        String what =
                switch (error.status()) {
                    case 422 -> unprocessable(error, said);
                    case 403 ->
                        "The platform refused (" + said + "). Starting a run needs a token with the scope runs:write;"
                                + " for the main repository the role admin, tester or contributor, for another"
                                + " repository its owner's account.";
                    case 400, 415 -> "The platform refused the request's fields (" + said + ").";
                    case 401 -> refused.getMessage();
                    case 429 ->
                        "The token's rate limit refused the start (" + said + "): only 20 writes are allowed in a"
                                + " window that reads share; wait for the window to reset.";
                    default -> refused.getMessage();
                };
        return new TriggerRefused("Could not start a run of " + query.describe() + ": " + what, error);
    }

    /** The platform's 422s have different cures: the advice follows the reason the platform gave. */
    private static String unprocessable(ApiError error, String said) {
        Object inactive = error.details().get("inactive_ids");
        if (inactive != null
                || String.valueOf(error.message())
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("inactive")) {
            return "A chosen regression test is inactive or does not exist (" + said + "). Choose active regression"
                    + " tests, or leave the choice out to run every active one.";
        }
        if (error.details().containsKey("commit_sha")
                || String.valueOf(error.message())
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("artifact")) {
            return "The platform has no CI build artifact for this commit yet (" + said + "). Wait for the build"
                    + " workflow to finish, then start the run again.";
        }
        return "The platform cannot start this run (" + said + ").";
    }
}
