package io.jenkins.plugins.sampleplatform.junit;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.tasks.junit.CaseResult;
import hudson.tasks.junit.TestResultAction;
import io.jenkins.plugins.sampleplatform.PlatformStub;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import io.jenkins.plugins.sampleplatform.RunsPlatformStub;
import io.jenkins.plugins.sampleplatform.freestyle.SamplePlatformRecorder;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** {@code testReport: true}: every sample in the build's test report through the junit plugin (issue 19). */
@WithJenkins
class TestReportTest {

    /** Run 42: 2 failed (DVB), 8 passed; every result listed on one page of the unfiltered listing. */
    static final String ALL_SAMPLES = listing();

    private RunsPlatformStub platform;
    private JenkinsRule r;

    private static String listing() {
        StringBuilder data = new StringBuilder();
        for (int id = 10; id >= 1; id--) {
            String status = id <= 2 ? "fail" : "pass";
            data.append(id == 10 ? "" : ",")
                    .append("{\"regression_test_id\":")
                    .append(id)
                    .append(",\"sample_id\":")
                    .append(100 + id)
                    .append(",\"sample_name\":\"s")
                    .append(id)
                    .append(".ts\",\"status\":\"")
                    .append(status)
                    .append("\",\"exit_code\":")
                    .append(id == 1 ? 1 : 0)
                    .append(",\"expected_rc\":0,\"runtime_ms\":")
                    .append(1000 + id)
                    .append(",\"command\":\"\",\"categories\":[\"DVB\"],\"outputs\":[{\"output_id\":")
                    .append(900 + id)
                    .append(",\"filename\":\"h")
                    .append(id)
                    .append(".srt\",\"status\":\"")
                    .append(status)
                    .append("\"}]}");
        }
        return "{\"data\":[" + data + "],\"pagination\":{\"limit\":100,\"offset\":0,\"total\":10,"
                + "\"next_offset\":null},\"meta\":{}}";
    }

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        platform = new RunsPlatformStub();
        PluginTestSupport.configure(platform.baseUrl());
        platform.status(42, "fail")
                .summary(42, PluginTestSupport.FAILING_RUN)
                .samples(42, "missing_output", PlatformStub.EMPTY_LISTING)
                .samples(42, "fail", PlatformStub.EMPTY_LISTING)
                .allSamples(42, ALL_SAMPLES);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private static List<String> names(List<CaseResult> cases) {
        return cases.stream().map(CaseResult::getName).toList();
    }

    @Test
    void everySampleIsATestCaseAndAFailureInTwoBuildsHasAgeTwo() throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "samples");
        job.setDefinition(new CpsFlowDefinition("sampleplatformSummary(runId: 42, testReport: true)", true));

        WorkflowRun first = r.buildAndAssertStatus(Result.UNSTABLE, job);
        WorkflowRun second = r.buildAndAssertStatus(Result.UNSTABLE, job);

        TestResultAction action = second.getAction(TestResultAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getTotalCount()).isEqualTo(10);
        assertThat(action.getFailCount()).isEqualTo(2);
        assertThat(names(action.getFailedTests())).containsExactlyInAnyOrder("s1.ts #1", "s2.ts #2");
        CaseResult one = action.getFailedTests().stream()
                .filter(c -> c.getName().equals("s1.ts #1"))
                .findFirst()
                .orElseThrow();
        assertThat(one.getClassName()).isEqualTo("sampleplatform.linux.DVB");
        assertThat(one.getErrorDetails()).isEqualTo("failed; exit code 1, expected 0; 1 output differs: h1.srt");
        assertThat(one.getAge()).as("failing in two builds").isEqualTo(2);
        assertThat(first.getAction(TestResultAction.class)
                        .getFailedTests()
                        .get(0)
                        .getAge())
                .isEqualTo(1);
        r.assertLogContains(
                "The test report lists 10 samples of run 42, read in 1 API requests (1 page of GET"
                        + " /runs/42/samples).",
                second);
        r.assertLogContains("Added 10 samples to the build's test report (2 failed, 0 skipped).", second);
    }

    @Test
    void theBuildResultStaysTheVerdicts() throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "tolerant");
        job.setDefinition(
                new CpsFlowDefinition("sampleplatformSummary(runId: 42, testReport: true, failThreshold: 5)", true));

        WorkflowRun build = r.buildAndAssertSuccess(job);

        assertThat(build.getAction(TestResultAction.class).getFailCount()).isEqualTo(2);
    }

    @Test
    void withoutTheOptionNothingIsListedNorAdded() throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "plain");
        job.setDefinition(new CpsFlowDefinition("sampleplatformSummary(runId: 42)", true));

        WorkflowRun build = r.buildAndAssertStatus(Result.UNSTABLE, job);

        assertThat(build.getAction(TestResultAction.class)).isNull();
        assertThat(platform.requests).doesNotContain("GET /api/v1/runs/42");
    }

    @Test
    void theFreestyleActionAddsThemToo() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        SamplePlatformRecorder recorder = new SamplePlatformRecorder("42");
        recorder.setTestReport(true);
        project.getPublishersList().add(recorder);

        FreeStyleBuild build = r.buildAndAssertStatus(Result.UNSTABLE, project);

        assertThat(build.getAction(TestResultAction.class).getTotalCount()).isEqualTo(10);
        SamplePlatformRecorder roundTripped = r.configRoundtrip(recorder);
        assertThat(roundTripped.isTestReport()).isTrue();
    }
}
