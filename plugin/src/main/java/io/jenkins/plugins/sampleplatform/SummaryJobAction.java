package io.jenkins.plugins.sampleplatform;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * The job page's view of the most recent build that has a Sample Platform summary
 * ({@code floatingBox.jelly}). Found by walking back from the last completed build, so a build that
 * failed (a failing verdict, or no summary at all) does not make the panel disappear, unlike core's
 * {@code LastBuildAction}, which only looks at the last successful build.
 */
public class SummaryJobAction implements Action {

    /** How many builds back to look; keeps the job page cheap for jobs that never use this plugin. */
    static final int BUILDS_TO_SEARCH = 10;

    private final Run<?, ?> build;
    private final SummaryAction summary;

    SummaryJobAction(Run<?, ?> build, SummaryAction summary) {
        this.build = build;
        this.summary = summary;
    }

    public Run<?, ?> getBuild() {
        return build;
    }

    public SummaryAction getSummary() {
        return summary;
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

    /** Adds the action to every job with a recent summary. */
    @Extension
    public static class Factory extends TransientActionFactory<Job> {

        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull Job target) {
            Run<?, ?> build = target.getLastCompletedBuild();
            for (int i = 0; build != null && i < BUILDS_TO_SEARCH; i++, build = build.getPreviousCompletedBuild()) {
                List<SummaryAction> summaries = build.getActions(SummaryAction.class);
                if (!summaries.isEmpty()) {
                    return List.of(new SummaryJobAction(build, summaries.get(summaries.size() - 1)));
                }
            }
            return List.of();
        }
    }
}
