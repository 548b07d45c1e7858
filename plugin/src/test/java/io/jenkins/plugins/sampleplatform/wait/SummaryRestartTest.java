package io.jenkins.plugins.sampleplatform.wait;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.sampleplatform.PlatformStub;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import io.jenkins.plugins.sampleplatform.actions.SummaryAction;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * The plain {@code sampleplatformSummary(runId: N)} holds no thread while the platform's rate limit makes it wait,
 * and survives a controller restart meanwhile: its saved state is the request (issue 20, item 1).
 */
class SummaryRestartTest {

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void aSummaryWaitingForTheRateLimitSurvivesARestart() throws Throwable {
        try (PlatformStub platform = new PlatformStub()) {
            platform.answer(
                    429,
                    "{\"code\":\"rate_limited\",\"message\":\"Too many requests.\",\"details\":{}}",
                    Map.of("Retry-After", "30"));
            sessions.then(r -> {
                PluginTestSupport.configure(platform);
                WorkflowJob job = r.createProject(WorkflowJob.class, "limited");
                job.setDefinition(new CpsFlowDefinition(
                        "def s = sampleplatformSummary(runId: 42)\necho \"verdict ${s.result} of run ${s.run_id}\"",
                        true));
                WorkflowRun build = job.scheduleBuild2(0).waitForStart();
                // Deferred: a timer task until the window opens, no thread.
                r.waitForMessage("rate limited (HTTP 429), trying again in", build);
                assertThat(build.isBuilding()).isTrue();
            });
            // While the controller is down the window opens.
            platform.summary(PluginTestSupport.FAILING_RUN);
            sessions.then(r -> {
                WorkflowRun build = r.jenkins
                        .getItemByFullName("limited", WorkflowJob.class)
                        .getBuildByNumber(1);
                r.assertBuildStatus(Result.UNSTABLE, r.waitForCompletion(build));
                r.assertLogContains("verdict UNSTABLE of run 42", build);
                r.assertLogNotContains("Resume after a restart not supported", build);
                r.assertLogNotContains(PlatformStub.TOKEN, build);
                assertThat(build.getAction(SummaryAction.class).getRunId()).isEqualTo(42);
            });
        }
    }
}
