package io.jenkins.plugins.sampleplatform.publish;

import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.api.ApiException;
import java.time.Duration;

/** Advice in Jenkins' terms (its configuration fields), appended to core's statement of what happened. */
final class JenkinsAdvice {

    private JenkinsAdvice() {}

    /** " Run the build again in 52 s, …" or the empty string. */
    static String forFailure(Exception failure) {
        if (failure instanceof ApiException.RateLimitExhausted spent
                && spent.nextWindowIn().isPresent()) {
            String opensIn = seconds(spent.nextWindowIn().get());
            return " "
                    + (spent.limit() == ApiException.RateLimitExhausted.Limit.MAX_WAIT
                            ? Messages.Advice_RateLimitMaxWait(opensIn)
                            : Messages.Advice_RateLimitBudget(opensIn));
        }
        return "";
    }

    private static String seconds(Duration duration) {
        return ((Math.max(0, duration.toMillis()) + 999) / 1000) + " s";
    }
}
