package io.jenkins.plugins.sampleplatform.wait;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.sampleplatform.PlatformStub;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.graphanalysis.NodeStepTypePredicate;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The stage shows the verdict, as it does for junit and recordIssues: a WarningAction on the step's node. */
@WithJenkins
class StageStatusTest {

    private PlatformStub platform;
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        platform = new PlatformStub();
        PluginTestSupport.configure(platform);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private WarningAction warningOf(String script, Result expected) throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p" + System.nanoTime());
        job.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun build = r.buildAndAssertStatus(expected, job);
        FlowNode step = new DepthFirstScanner()
                .findFirstMatch(build.getExecution(), new NodeStepTypePredicate("sampleplatformSummary"));
        assertThat(step).as("the step's node").isNotNull();
        return step.getPersistentAction(WarningAction.class);
    }

    @Test
    void anUnstableVerdictMarksTheStageWithItsFirstReason() throws Exception {
        platform.summary(PluginTestSupport.FAILING_RUN);
        WarningAction warning = warningOf("stage('regression') { sampleplatformSummary(runId: 42) }", Result.UNSTABLE);
        assertThat(warning).isNotNull();
        assertThat(warning.getResult()).isEqualTo(Result.UNSTABLE);
        assertThat(warning.getMessage()).isEqualTo("2 samples failed (threshold 0)");
    }

    @Test
    void aFailingVerdictMarksTheStageFailed() throws Exception {
        platform.summary(PluginTestSupport.RUN_WITHOUT_OUTPUT);
        WarningAction warning = warningOf("sampleplatformSummary(runId: 9)", Result.FAILURE);
        assertThat(warning.getResult()).isEqualTo(Result.FAILURE);
        assertThat(warning.getMessage()).contains("produced no output");
    }

    @Test
    void aPassingVerdictOrPropagateFalseLeavesTheStageAlone() throws Exception {
        platform.summary(PluginTestSupport.PASSING_RUN);
        assertThat(warningOf("sampleplatformSummary(runId: 7)", Result.SUCCESS)).isNull();
        platform.summary(PluginTestSupport.FAILING_RUN);
        assertThat(warningOf("sampleplatformSummary(runId: 42, propagate: false)", Result.SUCCESS))
                .isNull();
    }
}
