package io.jenkins.plugins.sampleplatform.actions;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.sampleplatform.FailingSamples;
import io.jenkins.plugins.sampleplatform.PlatformStub;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A finished summary survives a controller restart: on the build page, and on the job page with its trend. */
class RestartTest {

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void aFinishedSummaryIsShownAfterARestart() throws Throwable {
        sessions.then(r -> {
            try (PlatformStub platform = new PlatformStub()) {
                PluginTestSupport.configure(platform);
                platform.summary(PluginTestSupport.FAILING_RUN);
                WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "kept");
                job.setDefinition(new CpsFlowDefinition("sampleplatformSummary(runId: 42)", true));
                r.buildAndAssertStatus(Result.UNSTABLE, job);
            }
        });
        sessions.then(r -> {
            WorkflowJob job = r.jenkins.getItemByFullName("kept", WorkflowJob.class);
            WorkflowRun build = job.getBuildByNumber(1);
            SummaryAction action = build.getAction(SummaryAction.class);
            assertThat(action.getRunId()).isEqualTo(42);
            assertThat(action.getOwner()).isSameAs(build);
            assertThat(action.getResult()).isEqualTo("UNSTABLE");
            assertThat(SummaryHistory.of(job).entries())
                    .extracting(e -> e.build)
                    .containsExactly(1);
            try (JenkinsRule.WebClient web = r.createWebClient()) {
                assertThat(web.getPage(build).getWebResponse().getContentAsString())
                        .contains("class=\"sp-panel\"")
                        .contains("Sample Platform run 42")
                        .contains("2 samples failed (threshold 0)");
                assertThat(web.getPage(job).getWebResponse().getContentAsString())
                        .contains("class=\"sp-trend\"")
                        .contains("class=\"sp-panel\"");
            }
        });
    }

    @Test
    void theFailingSamplesAreShownAfterARestart() throws Throwable {
        sessions.then(r -> {
            try (PlatformStub platform = new PlatformStub()) {
                PluginTestSupport.configure(platform);
                platform.summary(FailingSamples.RUN)
                        .samples("missing_output", FailingSamples.MISSING)
                        .samples("fail", FailingSamples.FAILED);
                WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "failures");
                job.setDefinition(new CpsFlowDefinition("sampleplatformSummary(runId: 42)", true));
                r.buildAndAssertStatus(Result.FAILURE, job);
            }
        });
        sessions.then(r -> {
            WorkflowRun build =
                    r.jenkins.getItemByFullName("failures", WorkflowJob.class).getBuildByNumber(1);
            assertThat(build.getAction(SummaryAction.class)
                            .getFailureReport()
                            .list()
                            .total())
                    .isEqualTo(3);
            try (JenkinsRule.WebClient web = r.createWebClient()) {
                assertThat(web.getPage(build).getWebResponse().getContentAsString())
                        .contains("class=\"sp-failures\"")
                        .contains("3 failing samples (1 without output, 2 failed)");
            }
        });
    }
}
