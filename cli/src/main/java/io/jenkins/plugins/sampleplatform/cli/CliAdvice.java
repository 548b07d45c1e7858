package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.api.ApiException;
import java.time.Duration;

/** Advice in the command line's own terms (its options), appended to core's statement of what happened. */
final class CliAdvice {

    private CliAdvice() {}

    /** " Raise --max-wait …" or the empty string. */
    static String forFailure(Exception failure) {
        if (failure instanceof ApiException.RateLimitExhausted spent) {
            String opensIn = spent.nextWindowIn().map(CliAdvice::seconds).orElse(null);
            String option =
                    spent.limit() == ApiException.RateLimitExhausted.Limit.MAX_WAIT ? "--max-wait" : "--total-budget";
            if (opensIn == null) {
                return " Run again in a minute, or raise " + option + ".";
            }
            return " Run again in " + opensIn + ", or raise " + option + " above " + opensIn
                    + " to wait for the window.";
        }
        return "";
    }

    private static String seconds(Duration duration) {
        return ((Math.max(0, duration.toMillis()) + 999) / 1000) + " s";
    }
}
