package io.jenkins.plugins.sampleplatform.publish;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.sampleplatform.render.FailureReport;
import io.jenkins.plugins.sampleplatform.render.SummaryReport;

/**
 * What {@link SummaryPublisher} attached to a build: the summary's report and the failing samples shown
 * beside it ({@code null} when they were not asked for).
 */
public record PublishedSummary(
        SummaryReport report, @CheckForNull FailureReport failures) {}
