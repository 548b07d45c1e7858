package io.jenkins.plugins.sampleplatform.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.sampleplatform.FailingSamples;
import io.jenkins.plugins.sampleplatform.PlatformStub;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import io.jenkins.plugins.sampleplatform.freestyle.SamplePlatformRecorder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The failing samples in the log, on the build page, in build.xml and in the step's value (issue 11). */
@WithJenkins
class FailingSamplesTest {

    private PlatformStub platform;
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        platform = new PlatformStub();
        PluginTestSupport.configure(platform);
        platform.summary(FailingSamples.RUN)
                .samples("missing_output", FailingSamples.MISSING)
                .samples("fail", FailingSamples.FAILED);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p" + System.nanoTime());
        job.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertStatus(expected, job);
    }

    @Test
    void theStepReturnsThemAsPlainMapsInTheSandboxAndTheLogListsThem() throws Exception {
        WorkflowRun build = run(
                "def s = sampleplatformSummary(runId: 42)\n"
                        + "assert s.failures instanceof ArrayList && s.failures[0] instanceof LinkedHashMap\n"
                        + "assert s.failures[1].outputs[0] instanceof LinkedHashMap\n"
                        + "echo \"total=${s.failures_total} first=${s.failures[0].regression_test_id}/${s.failures[0].status}"
                        + " then=${s.failures[1].regression_test_id},${s.failures[2].regression_test_id}"
                        + " diff=${s.failures[2].outputs[0].diff_url}\"",
                Result.FAILURE);

        String site = platform.baseUrl().replace("/api/v1", "");
        r.assertLogContains("total=3 first=12/missing_output then=4,30 diff=" + site + "/test/diff/42/30/930/0", build);
        r.assertLogContains("Failing samples: 3 failing samples (1 without output, 2 failed)", build);
        r.assertLogContains("- Failed: regression test 4, sample 104 \"a.ts\"; exit code 1, expected 0", build);
        r.assertLogContains(site + "/regression/test/30/view", build);
        r.assertLogNotContains(PlatformStub.TOKEN, build);
        assertThat(platform.requests())
                .containsExactly("summary", "samples?status=missing_output&limit=100", "samples?status=fail&limit=100");
    }

    @Test
    void theBuildPageShowsTheTableEscapedAndBuildXmlKeepsItWithoutTheToken() throws Exception {
        WorkflowRun build = run("sampleplatformSummary(runId: 42)", Result.FAILURE);

        try (JenkinsRule.WebClient web = r.createWebClient()) {
            String page = web.getPage(build).getWebResponse().getContentAsString();
            assertThat(page)
                    .contains("class=\"sp-failures\"")
                    .contains("data-sample-status=\"missing_output\"")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;.ts")
                    .doesNotContain("<script>alert(1)</script>");
        }
        String buildXml = Files.readString(build.getRootDir().toPath().resolve("build.xml"), StandardCharsets.UTF_8);
        assertThat(buildXml).contains("<regressionTestId>30</regressionTestId>").doesNotContain(PlatformStub.TOKEN);
    }

    @Test
    void failuresFalseCostsNoRequestAndReturnsNone() throws Exception {
        WorkflowRun build = run(
                "def s = sampleplatformSummary(runId: 42, failures: false)\n"
                        + "echo \"listed=${s.failures == null} total=${s.failures_total == null}\"",
                Result.FAILURE);

        r.assertLogContains("listed=true total=true", build);
        r.assertLogNotContains("Failing samples", build);
        assertThat(platform.requests()).containsExactly("summary");
    }

    @Test
    void aListingThatFailsIsSaidAndLeavesTheResultToTheSummary() throws Exception {
        platform.samplesStatus(403)
                .samples(
                        "missing_output",
                        "{\"code\":\"forbidden\",\"message\":\"Token lacks the required scopes for this operation.\","
                                + "\"details\":{\"missing_scopes\":[\"runs:read\"]}}");
        WorkflowRun build = run(
                "def s = sampleplatformSummary(runId: 42)\necho \"error=${s.failures_error != null}\"", Result.FAILURE);

        r.assertLogContains("Failing samples: not listed: ", build);
        r.assertLogContains("error=true", build);
    }

    @Test
    void theFreestyleActionListsThemAndCanLeaveThemOut() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        SamplePlatformRecorder recorder = new SamplePlatformRecorder("42");
        project.getPublishersList().add(recorder);
        FreeStyleBuild listed = r.buildAndAssertStatus(Result.FAILURE, project);
        r.assertLogContains("Failing samples: 3 failing samples", listed);

        recorder.setFailures(false);
        platform.requests().clear();
        FreeStyleBuild left = r.buildAndAssertStatus(Result.FAILURE, project);
        r.assertLogNotContains("Failing samples", left);
        assertThat(platform.requests()).containsExactly("summary");
    }
}
