package io.jenkins.plugins.sampleplatform;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
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
}
