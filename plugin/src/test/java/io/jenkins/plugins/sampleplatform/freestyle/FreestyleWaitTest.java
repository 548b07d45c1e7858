package io.jenkins.plugins.sampleplatform.freestyle;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import io.jenkins.plugins.sampleplatform.RunsPlatformStub;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle wait holds an executor: a short default limit, and no waiting from a Pipeline (issue 20). */
@WithJenkins
class FreestyleWaitTest {

    private static final Pattern UNTIL = Pattern.compile("at most until (\\S+)");

    private RunsPlatformStub platform;
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        platform = new RunsPlatformStub();
        PluginTestSupport.configure(platform.baseUrl());
        platform.status(42, "fail").summary(42, PluginTestSupport.FAILING_RUN);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void withoutATimeoutTheWaitEndsAfterThirtyMinutes() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        SamplePlatformRecorder recorder = new SamplePlatformRecorder("42");
        recorder.setWait(true);
        project.getPublishersList().add(recorder);

        Instant before = Instant.now();
        FreeStyleBuild build = r.buildAndAssertStatus(Result.UNSTABLE, project);
        Instant after = Instant.now();

        Matcher until = UNTIL.matcher(JenkinsRule.getLog(build));
        assertThat(until.find()).as("the wait's limit is logged").isTrue();
        Instant deadline = Instant.parse(until.group(1));
        assertThat(deadline).isBetween(before.plus(Duration.ofMinutes(30)), after.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aPipelineIsToldToUseTheStepInsteadOfWaitingHere() throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "pipeline");
        job.setDefinition(
                new CpsFlowDefinition("step([$class: 'SamplePlatformRecorder', runId: '42', wait: true])", true));

        WorkflowRun build = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("use sampleplatformSummary(wait: true, ...) instead", build);
        assertThat(platform.requests)
                .as("no request: it refused before polling")
                .isEmpty();
    }

    @Test
    void aPipelineMayStillFindARunWithoutWaiting() throws Exception {
        platform.list(RunsPlatformStub.run(42, "fail"));
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "find");
        job.setDefinition(new CpsFlowDefinition(
                "step([$class: 'SamplePlatformRecorder', runId: '', commit: '" + RunsPlatformStub.SHA + "'])", true));

        WorkflowRun build = r.buildAndAssertStatus(Result.UNSTABLE, job);

        r.assertLogContains("Using run 42 (fail)", build);
    }
}
