package io.jenkins.plugins.sampleplatform.wait;

import hudson.model.Result;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.publish.ResultMapping;
import io.jenkins.plugins.sampleplatform.render.SummaryReport;
import io.jenkins.plugins.sampleplatform.verdict.Verdict;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Marks the Pipeline step's node with the verdict, as {@code junit} and {@code recordIssues} do: a
 * {@link WarningAction} with the result and the verdict's first reason, which Pipeline Graph View,
 * Blue Ocean and the stage view show on the stage. Without it the stage stays green while the build
 * turns yellow or red.
 */
final class StageStatus {

    private StageStatus() {}

    /**
     * Adds (or replaces) the warning when the verdict is worse than SUCCESS. Called only when the
     * verdict also sets the build result ({@code propagate}), so the stage and the build agree.
     */
    static void mark(StepContext context, SummaryReport report) throws IOException, InterruptedException {
        Verdict verdict = report.verdict();
        Result result = ResultMapping.toJenkins(verdict.result());
        if (!result.isWorseThan(Result.SUCCESS)) {
            return;
        }
        String message = verdict.reasons().isEmpty()
                ? Messages.StageStatus_Fallback(report.summary().runId(), result)
                : verdict.reasons().get(0);
        mark(context, result, message);
    }

    /** Adds (or replaces) the warning with a result and message of the caller's (a wait that timed out). */
    static void mark(StepContext context, Result result, String message) throws IOException, InterruptedException {
        FlowNode node = context.get(FlowNode.class);
        if (node == null) {
            return;
        }
        node.addOrReplaceAction(new WarningAction(result).withMessage(message));
    }
}
