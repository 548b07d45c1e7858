package io.jenkins.plugins.sampleplatform.publish;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.sampleplatform.render.ComparisonView;
import io.jenkins.plugins.sampleplatform.render.FailureReport;
import io.jenkins.plugins.sampleplatform.render.SummaryReport;

/**
 * What {@link SummaryPublisher} attached to a build: the summary's report, the failing samples shown
 * beside it ({@code null} when they were not asked for) and the comparison with references ({@code null}
 * when none was asked for or it could not be made).
 */
public record PublishedSummary(
        SummaryReport report,
        @CheckForNull FailureReport failures,
        @CheckForNull ComparisonView comparison) {}
