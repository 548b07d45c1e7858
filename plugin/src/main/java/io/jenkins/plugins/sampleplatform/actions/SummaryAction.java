package io.jenkins.plugins.sampleplatform.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.AbstractBuild;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Run;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.render.ComparisonView;
import io.jenkins.plugins.sampleplatform.render.FailureReport;
import io.jenkins.plugins.sampleplatform.render.HtmlPanel;
import io.jenkins.plugins.sampleplatform.render.PlatformLinks;
import io.jenkins.plugins.sampleplatform.render.SummaryReport;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.verdict.BuildResult;
import io.jenkins.plugins.sampleplatform.verdict.Verdict;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * The summary of one platform run, attached to the build that asked for it and shown on the build
 * page ({@code summary.jelly}). It keeps plain values only (kept in build.xml by XStream): the counts,
 * the verdict and the run's link; never a credential. A build may hold several, one per platform run.
 * In a freestyle build it also sets {@code SAMPLEPLATFORM_*} variables for later steps
 * ({@link SummaryEnvironment}; with several summaries, the last attached wins).
 */
public class SummaryAction implements RunAction2, EnvironmentContributingAction {

    private final int runId;
    private final String status;
    private final int totalSamples;
    private final int passCount;
    private final int failCount;
    private final Integer skippedCount;
    private final Integer missingOutputCount;
    private final Integer errorCount;
    private final Long durationMs;
    private final String triggeredBy;
    private final String result;
    private final List<String> reasons;
    private final String runPage;
    /** The failing samples, bounded; {@code null} in builds before they were kept, or when not asked for. */
    private final StoredFailures failures;
    /** The comparison with references, bounded; {@code null} when none was asked for (and in older builds). */
    private final StoredComparison comparison;

    /** The most summaries one build keeps (in build.xml). */
    public static final int MAX_PER_BUILD = 20;

    private static final Logger LOGGER = Logger.getLogger(SummaryAction.class.getName());

    private transient Run<?, ?> owner;

    SummaryAction(SummaryReport report, @CheckForNull FailureReport failures) {
        this(report, failures, null);
    }

    SummaryAction(
            SummaryReport report, @CheckForNull FailureReport failures, @CheckForNull StoredComparison comparison) {
        RunSummary s = report.summary();
        this.runId = s.runId();
        this.status = s.status() == null ? null : s.status().wireValue();
        this.totalSamples = s.totalSamples();
        this.passCount = s.passCount();
        this.failCount = s.failCount();
        this.skippedCount = s.skippedCount();
        this.missingOutputCount = s.missingOutputCount();
        this.errorCount = s.errorCount();
        this.durationMs = s.durationMs();
        this.triggeredBy = s.triggeredBy();
        this.result = report.verdict().result().name();
        this.reasons = new ArrayList<>(report.verdict().reasons());
        this.runPage = report.runPage() == null ? null : report.runPage().toString();
        this.failures = StoredFailures.of(failures);
        this.comparison = comparison;
    }

    /**
     * Attaches the report to the build, replacing an earlier summary of the same platform run and keeping the
     * failing samples with it (bounded). A build keeps at most {@value #MAX_PER_BUILD} summaries, so that a loop
     * over many runs cannot grow build.xml without end: past that a new run's summary is not kept.
     *
     * @return whether it was attached ({@code false}: the build already keeps {@value #MAX_PER_BUILD} others)
     */
    public static boolean attach(Run<?, ?> run, SummaryReport report, @CheckForNull FailureReport failures)
            throws IOException {
        return attach(run, report, failures, null);
    }

    /** As {@link #attach(Run, SummaryReport, FailureReport)}, keeping the comparison with references too. */
    public static boolean attach(
            Run<?, ?> run,
            SummaryReport report,
            @CheckForNull FailureReport failures,
            @CheckForNull StoredComparison comparison)
            throws IOException {
        int id = report.summary().runId();
        // Parallel branches of one Pipeline attach to the same build: the count and the add are one step.
        synchronized (run) {
            List<SummaryAction> kept = run.getActions(SummaryAction.class);
            SummaryAction same =
                    kept.stream().filter(a -> a.runId == id).findFirst().orElse(null);
            if (same == null && kept.size() >= MAX_PER_BUILD) {
                return false;
            }
            if (same != null) {
                run.removeAction(same);
            }
            run.addAction(new SummaryAction(report, failures, comparison));
            run.save();
            return true;
        }
    }

    /** The report again, rebuilt from the stored values (validated anew on load). */
    public SummaryReport getReport() {
        RunSummary summary = new RunSummary(
                runId,
                status == null ? null : RunStatus.fromWire(status),
                totalSamples,
                passCount,
                failCount,
                skippedCount,
                missingOutputCount,
                errorCount,
                durationMs,
                triggeredBy);
        Verdict verdict = new Verdict(BuildResult.valueOf(result), reasons);
        return new SummaryReport(summary, verdict, runPage == null ? null : URI.create(runPage));
    }

    /**
     * The panel's HTML. It is written out unescaped by {@code summary.jelly}: core's {@link HtmlPanel}
     * escapes every value that came from the server and builds the markup itself, and the link is
     * limited to http(s) URLs, so nothing a server sends can become markup or script.
     */
    public String getPanelHtml() {
        ComparisonView view = getComparisonView();
        return view == null
                ? HtmlPanel.render(getReport(), getFailureReport())
                : HtmlPanel.render(getReport(), getFailureReport(), view);
    }

    /** The comparison with references kept with the summary, for the panel; {@code null} when there is none. */
    public @CheckForNull ComparisonView getComparisonView() {
        if (comparison == null) {
            return null;
        }
        try {
            URI site = comparison.site();
            return new ComparisonView(comparison.toReport(), new PlatformLinks(site));
        } catch (IllegalArgumentException e) {
            // A build.xml edited into an invalid comparison shows the summary without it.
            LOGGER.log(Level.WARNING, "Invalid Sample Platform comparison in " + owner, e);
            return null;
        }
    }

    /** The references this build compared with, as it gave them (empty when none). */
    public List<String> getComparedWith() {
        return comparison == null ? List.of() : comparison.getReferences();
    }

    /** The comparison kept with the summary, or {@code null}. */
    public @CheckForNull StoredComparison getComparison() {
        return comparison;
    }

    /** The failing samples kept with the summary, or {@code null} when none were kept. */
    public @CheckForNull FailureReport getFailureReport() {
        return failures == null ? null : failures.toReport();
    }

    public int getRunId() {
        return runId;
    }

    public String getResult() {
        return result;
    }

    public @CheckForNull Run<?, ?> getOwner() {
        return owner;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.owner = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.owner = r;
    }

    /** Freestyle builds only: a Pipeline has the step's return value, and its environment is per branch. */
    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        if (run instanceof AbstractBuild) {
            try {
                SummaryEnvironment.contribute(getReport(), env);
            } catch (IllegalArgumentException e) {
                // A build.xml edited into an invalid summary must not break the build's environment.
                LOGGER.log(Level.WARNING, "Invalid Sample Platform summary in " + run, e);
            }
        }
    }

    // No sidebar link: the summary is shown on the build page itself.
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.SummaryAction_DisplayName(runId);
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
