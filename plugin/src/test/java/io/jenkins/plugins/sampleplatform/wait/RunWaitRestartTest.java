package io.jenkins.plugins.sampleplatform.wait;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.sampleplatform.FailingSamples;
import io.jenkins.plugins.sampleplatform.PlatformStub;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import io.jenkins.plugins.sampleplatform.RunsPlatformStub;
import io.jenkins.plugins.sampleplatform.actions.SummaryAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A controller restart while a build waits for a run does not fail the build: the wait resumes from its saved
 * state (run id, deadline) and ends with the run's verdict, like {@code sleep} and {@code waitForQualityGate}.
 * {@link JenkinsSessionExtension} is the JUnit 5 form of {@code JenkinsSessionRule} (the plugin POM bans
 * JUnit 4 imports here): each {@code then} is one controller session on the same Jenkins home.
 */
class RunWaitRestartTest {

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void aWaitSurvivesARestartAndEndsWithTheVerdict() throws Throwable {
        try (RunsPlatformStub platform = new RunsPlatformStub()) {
            platform.status(42, "running")
                    .summary(42, PluginTestSupport.FAILING_RUN)
                    .samples(42, "missing_output", PlatformStub.EMPTY_LISTING)
                    .samples(42, "fail", FailingSamples.FAILED);
            sessions.then(r -> {
                PluginTestSupport.configure(platform.baseUrl());
                WorkflowJob job = r.createProject(WorkflowJob.class, "waiting");
                job.setDefinition(new CpsFlowDefinition(
                        "def s = sampleplatformSummary(runId: 42, wait: true)\n"
                                + "echo \"verdict ${s.result} of run ${s.run_id}\"",
                        true));
                WorkflowRun build = job.scheduleBuild2(0).waitForStart();
                r.waitForMessage("Run 42 is running", build);
                assertThat(build.isBuilding()).isTrue();
            });
            // While the controller is down the platform finishes the run.
            platform.status(42, "fail");
            sessions.then(r -> {
                WorkflowJob job = r.jenkins.getItemByFullName("waiting", WorkflowJob.class);
                WorkflowRun build = job.getBuildByNumber(1);
                r.assertBuildStatus(Result.UNSTABLE, r.waitForCompletion(build));
                r.assertLogContains("Run 42: running -> fail", build);
                r.assertLogContains("verdict UNSTABLE of run 42", build);
                // The resumed wait lists the failing samples like any other judged run.
                r.assertLogContains("Failing samples: 2 failing samples (0 without output, 2 failed)", build);
                r.assertLogNotContains(PlatformStub.TOKEN, build);
                assertThat(platform.count("GET /api/v1/runs/42/summary")).isEqualTo(1);
                assertThat(build.getAction(SummaryAction.class).getRunId()).isEqualTo(42);
            });
        }
    }
}
