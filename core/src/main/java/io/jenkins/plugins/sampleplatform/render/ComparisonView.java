package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import java.io.Serializable;
import java.util.Objects;

/**
 * What the comparison renderers show: a run compared with its references, and the platform's site for the
 * links (run pages, diffs).
 *
 * @param report the comparison
 * @param links  the platform's pages, or {@link PlatformLinks#NONE}
 */
public record ComparisonView(ComparisonReport report, PlatformLinks links) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ComparisonView {
        Objects.requireNonNull(report, "report");
        links = links == null ? PlatformLinks.NONE : links;
    }

    /** Whether there is anything to show (at least one reference was asked for). */
    public boolean worthShowing() {
        return !report.comparisons().isEmpty();
    }
}
