package io.jenkins.plugins.sampleplatform.publish;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.sampleplatform.actions.SummaryAction;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.ReferenceResolver;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.util.List;
import java.util.Optional;

/**
 * Answers {@code previousBuild}, Jenkins' own reference-build idea: the platform run judged by the last
 * completed build of this job that has a summary (its last summary, when it has several), found through the
 * build's {@link SummaryAction}s; that run is then read like {@code run:ID}. Every other reference goes to the
 * source's own resolver.
 */
final class PreviousBuildReferences implements ReferenceResolver {

    private final Run<?, ?> build;
    private final ReferenceResolver source;

    PreviousBuildReferences(Run<?, ?> build, ReferenceResolver source) {
        this.build = build;
        this.source = source;
    }

    @Override
    public Optional<RunInfo> resolve(Reference reference, RunInfo judged)
            throws SummaryException, InterruptedException {
        if (!(reference instanceof Reference.PreviousBuild)) {
            return source.resolve(reference, judged);
        }
        Integer runId = previousRunId(build);
        return runId == null ? Optional.empty() : source.resolve(new Reference.Run(runId), judged);
    }

    /** The run the last completed build with a summary judged, or {@code null} when no such build is kept. */
    static @CheckForNull Integer previousRunId(Run<?, ?> build) {
        for (Run<?, ?> previous = build.getPreviousCompletedBuild();
                previous != null;
                previous = previous.getPreviousCompletedBuild()) {
            List<SummaryAction> summaries = previous.getActions(SummaryAction.class);
            if (!summaries.isEmpty()) {
                return summaries.get(summaries.size() - 1).getRunId();
            }
        }
        return null;
    }
}
