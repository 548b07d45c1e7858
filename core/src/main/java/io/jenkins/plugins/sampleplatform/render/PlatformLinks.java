package io.jenkins.plugins.sampleplatform.render;

import java.net.URI;

/**
 * The platform's web pages a report links to (section 13 of the platform's runs API document), below its site:
 * the run page {@code {site}/test/{run}} (no per-sample anchors), the regression test page
 * {@code {site}/regression/test/{id}/view}, the media sample's page {@code {site}/sample/{id}} and the download of an
 * output's diff {@code {site}/test/diff/{run}/{test}/{output}/0} (only for outputs that differ: for a matching one the
 * page fails). Built from the site's ASCII form and numbers only, so no server text ends up in a link. Without a site
 * (the demo database) every link is {@code null} and renderers show plain text.
 *
 * @param site the platform's web site ({@code http(s)}, no trailing slash), or {@code null}
 */
public record PlatformLinks(URI site) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** No site, no links (the demo database). */
    public static final PlatformLinks NONE = new PlatformLinks(null);

    public PlatformLinks {
        if (site != null) {
            String scheme = site.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
                throw new IllegalArgumentException("the platform's site must be an http(s) URL");
            }
            String text = site.toASCIIString();
            site = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }
    }

    /** {@code {site}/test/{runId}}, or {@code null} without a site. */
    public URI runPage(int runId) {
        return site == null ? null : URI.create(site + "/test/" + runId);
    }

    /** {@code {site}/regression/test/{id}/view}, or {@code null} without a site. */
    public URI regressionTestPage(int regressionTestId) {
        return site == null ? null : URI.create(site + "/regression/test/" + regressionTestId + "/view");
    }

    /** {@code {site}/sample/{sampleId}}, or {@code null} without a site. */
    public URI samplePage(int sampleId) {
        return site == null ? null : URI.create(site + "/sample/" + sampleId);
    }

    /** {@code {site}/test/diff/{run}/{test}/{output}/0}: the diff as a download; {@code null} without a site. */
    public URI diffPage(int runId, int regressionTestId, int outputId) {
        return site == null
                ? null
                : URI.create(site + "/test/diff/" + runId + "/" + regressionTestId + "/" + outputId + "/0");
    }
}
