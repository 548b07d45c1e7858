package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.failures.FailureList;
import java.net.URI;
import java.util.Objects;

/**
 * The failing samples a renderer shows beside a {@link SummaryReport}: the list, or why it could not be had,
 * and the platform's web site for the links (section 13 of the platform's runs API document: the run page
 * {@code {site}/test/{run}}, which has no per-sample anchors, the regression test page
 * {@code {site}/regression/test/{id}/view} and the download of an output's diff
 * {@code {site}/test/diff/{run}/{test}/{output}/0}).
 *
 * @param list        the failures, or {@code null} when they could not be listed
 * @param site        the platform's web site ({@code http(s)} only), or {@code null}: no links (demo database)
 * @param unavailable why the list is missing (one line, already free of secrets), or {@code null} with a list
 */
public record FailureReport(FailureList list, URI site, String unavailable) {

    public FailureReport {
        if ((list == null) == (unavailable == null)) {
            throw new IllegalArgumentException("a failure report has either a list or the reason it has none");
        }
        site = new PlatformLinks(site).site();
    }

    /** The list, with links below {@code site} (or none when it is {@code null}). */
    public static FailureReport listed(FailureList list, URI site) {
        return new FailureReport(Objects.requireNonNull(list, "list"), site, null);
    }

    /** No list: {@code reason} says why (e.g. the platform could not be reached). */
    public static FailureReport unavailable(String reason, URI site) {
        return new FailureReport(null, site, Objects.requireNonNull(reason, "reason"));
    }

    /** Whether there is something to show: a list with failing samples, or the reason there is no list. */
    public boolean worthShowing() {
        return list == null || list.total() > 0;
    }

    /** {@code {site}/test/{runId}}, or {@code null} without a site. */
    public URI runPage(int runId) {
        return new PlatformLinks(site).runPage(runId);
    }

    /** {@code {site}/regression/test/{id}/view}, or {@code null} without a site. */
    public URI regressionTestPage(int regressionTestId) {
        return new PlatformLinks(site).regressionTestPage(regressionTestId);
    }

    /** {@code {site}/test/diff/{run}/{test}/{output}/0}: the diff as a download; {@code null} without a site. */
    public URI diffPage(int runId, int regressionTestId, int outputId) {
        return new PlatformLinks(site).diffPage(runId, regressionTestId, outputId);
    }
}
