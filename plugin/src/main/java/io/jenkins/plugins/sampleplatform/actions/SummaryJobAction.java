package io.jenkins.plugins.sampleplatform.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.render.TrendChart;
import io.jenkins.plugins.sampleplatform.verdict.BuildResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * The job page's Sample Platform box ({@code floatingBox.jelly}): the trend of the recent builds with a
 * summary and the panel of the newest one, even when that build failed (core's
 * {@code SimpleBuildStep.LastBuildAction} only looks at the last successful build). Everything comes
 * from the job's {@link SummaryHistory}: creating this action loads no build, and showing it loads the
 * one build whose panel it shows.
 */
public class SummaryJobAction implements Action {

    private final Job<?, ?> job;
    private final List<SummaryHistory.Entry> entries;
    /** The view asks for the build twice (its link, then its panel): one lookup per page. */
    private boolean looked;

    private @CheckForNull Run<?, ?> found;

    SummaryJobAction(Job<?, ?> job, List<SummaryHistory.Entry> entries) {
        this.job = job;
        this.entries = entries;
    }

    /**
     * The newest build with a summary, or {@code null}; looked up once per action (the factory makes one per page),
     * however often the view asks. The history is newest first, so a missing newest build (deleted behind Jenkins'
     * back, or not loadable) ends the search rather than loading older builds one after the other.
     */
    public @CheckForNull Run<?, ?> getBuild() {
        if (!looked) {
            found = lookUp();
            looked = true;
        }
        return found;
    }

    private @CheckForNull Run<?, ?> lookUp() {
        for (SummaryHistory.Entry entry : entries) {
            Run<?, ?> build = job.getBuildByNumber(entry.build);
            if (build == null) {
                return null;
            }
            if (!build.getActions(SummaryAction.class).isEmpty()) {
                return build;
            }
        }
        return null;
    }

    /** The newest build's last summary, or {@code null}. */
    public @CheckForNull SummaryAction getSummary() {
        Run<?, ?> build = getBuild();
        if (build == null) {
            return null;
        }
        List<SummaryAction> summaries = build.getActions(SummaryAction.class);
        return summaries.isEmpty() ? null : summaries.get(summaries.size() - 1);
    }

    /**
     * The trend chart (core's {@link TrendChart}, which escapes every value and only writes http(s) or
     * relative links), oldest build left; each column links to its build.
     *
     * @param rootUrl the page's {@code rootURL} (the context path, possibly empty)
     */
    public String trendSvg(String rootUrl) {
        String jobPath = (rootUrl == null ? "" : rootUrl) + "/" + job.getUrl();
        List<TrendChart.Point> points = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            SummaryHistory.Entry e = entries.get(i);
            points.add(new TrendChart.Point(
                    "#" + e.build,
                    jobPath + e.build + "/",
                    e.passed,
                    e.failed,
                    e.missingOutput,
                    e.skipped,
                    result(e.result)));
        }
        return TrendChart.render(points, "sp-trend");
    }

    private static @CheckForNull BuildResult result(String name) {
        try {
            return name == null ? null : BuildResult.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.SummaryJobAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return null;
    }

    /** Adds the action to every job whose history has a summary; a lookup in memory, no build loaded. */
    @Extension
    public static class Factory extends TransientActionFactory<Job> {

        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @Override
        public Class<? extends Action> actionType() {
            return SummaryJobAction.class;
        }

        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull Job target) {
            Job<?, ?> job = target;
            List<SummaryHistory.Entry> entries = SummaryHistory.of(job).entries();
            return entries.isEmpty() ? List.of() : List.of(new SummaryJobAction(job, entries));
        }
    }
}
