package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.verdict.Verdict;
import java.net.URI;
import java.util.Objects;

/**
 * Everything a renderer shows: the summary, its verdict and the run's page on the platform.
 *
 * @param summary the run summary
 * @param verdict the verdict of the policy
 * @param runPage the run's page on the platform ({@code https?://} only), or {@code null} when unknown
 */
public record SummaryReport(RunSummary summary, Verdict verdict, URI runPage) {

    public SummaryReport {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(verdict, "verdict");
        if (runPage != null) {
            String scheme = runPage.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
                throw new IllegalArgumentException("run page must be an http(s) URL");
            }
        }
    }
}
