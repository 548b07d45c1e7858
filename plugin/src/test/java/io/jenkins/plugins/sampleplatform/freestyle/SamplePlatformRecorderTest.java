package io.jenkins.plugins.sampleplatform.freestyle;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import hudson.model.TaskListener;
import io.jenkins.plugins.sampleplatform.PlatformStub;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import io.jenkins.plugins.sampleplatform.actions.SummaryAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class SamplePlatformRecorderTest {

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

    private FreeStyleProject project(String runId) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        project.addProperty(
                new ParametersDefinitionProperty(new StringParameterDefinition("SAMPLE_PLATFORM_RUN_ID", "42")));
        project.getPublishersList().add(new SamplePlatformRecorder(runId));
        return project;
    }

    private FreeStyleBuild build(FreeStyleProject project, String runIdValue) throws Exception {
        return project.scheduleBuild2(
                        0, new ParametersAction(new StringParameterValue("SAMPLE_PLATFORM_RUN_ID", runIdValue)))
                .get();
    }

    @Test
    void expandsBuildParametersInTheRunId() throws Exception {
        platform.summary(PluginTestSupport.FAILING_RUN);
        FreeStyleBuild build = build(project("${SAMPLE_PLATFORM_RUN_ID}"), "42");
        r.assertBuildStatus(Result.UNSTABLE, build);
        assertThat(build.getAction(SummaryAction.class).getRunId()).isEqualTo(42);
        r.assertLogNotContains(PlatformStub.TOKEN, build);
    }

    @Test
    void anExpandedRunIdThatIsNotANumberFailsClearly() throws Exception {
        FreeStyleBuild build = build(project("${SAMPLE_PLATFORM_RUN_ID}"), "latest");
        r.assertBuildStatus(Result.FAILURE, build);
        r.assertLogContains("Run id 'latest' is not a whole number", build);
        assertThat(platform.authorizations()).isEmpty();
    }

    @Test
    void configurationRoundTrip() throws Exception {
        SamplePlatformRecorder before = new SamplePlatformRecorder("${SAMPLE_PLATFORM_RUN_ID}");
        before.setFailThreshold(3);
        before.setFailResult("FAILURE");
        before.setMissingOutputResult("UNSTABLE");
        before.setPropagate(false);
        before.setCredentialsId(PluginTestSupport.CREDENTIALS_ID);
        SamplePlatformRecorder after = r.configRoundtrip(before);
        r.assertEqualDataBoundBeans(before, after);
    }

    @Test
    void laterStepsSeeTheSummaryAsEnvironmentVariables() throws Exception {
        platform.summary(PluginTestSupport.FAILING_RUN);
        FreeStyleBuild build = build(project("${SAMPLE_PLATFORM_RUN_ID}"), "42");
        r.assertBuildStatus(Result.UNSTABLE, build);
        EnvVars env = build.getEnvironment(TaskListener.NULL);
        assertThat(env)
                .containsEntry("SAMPLEPLATFORM_RUN_ID", "42")
                .containsEntry("SAMPLEPLATFORM_STATUS", "fail")
                .containsEntry("SAMPLEPLATFORM_RESULT", "UNSTABLE")
                .containsEntry("SAMPLEPLATFORM_TOTAL", "10")
                .containsEntry("SAMPLEPLATFORM_PASSED", "8")
                .containsEntry("SAMPLEPLATFORM_FAILED", "2")
                .containsEntry("SAMPLEPLATFORM_MISSING_OUTPUT", "0")
                .containsEntry("SAMPLEPLATFORM_SKIPPED", "0")
                .containsEntry("SAMPLEPLATFORM_ERRORS", "2");
        assertThat(env.values()).noneMatch(v -> v.contains(PlatformStub.TOKEN));
    }

    @Test
    void largeNumbersArePlainDigitsInTheEnvironment() throws Exception {
        platform.summary(PluginTestSupport.LARGE_RUN);
        FreeStyleBuild build = build(project("${SAMPLE_PLATFORM_RUN_ID}"), "12345");
        r.assertBuildStatus(Result.UNSTABLE, build);
        assertThat(build.getEnvironment(TaskListener.NULL))
                .containsEntry("SAMPLEPLATFORM_RUN_ID", "12345")
                .containsEntry("SAMPLEPLATFORM_TOTAL", "1200");
        r.assertLogContains("run 12345", build);
        r.assertLogNotContains("12,345", build);
    }
}
