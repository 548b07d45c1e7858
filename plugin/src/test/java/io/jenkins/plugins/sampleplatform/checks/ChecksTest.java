package io.jenkins.plugins.sampleplatform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.checks.api.ChecksAnnotation;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.jenkins.plugins.checks.util.CapturingChecksPublisher;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import io.jenkins.plugins.sampleplatform.RunsPlatformStub;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** {@code publishChecks: true} through checks-api, captured by checks-api's test publisher (issue 19). */
@WithJenkins
class ChecksTest {

    @TestExtension
    public static final CapturingChecksPublisher.Factory PUBLISHER = new CapturingChecksPublisher.Factory();

    /** Two failed samples of run 42. */
    static final String FAILED = "{\"data\":[{\"regression_test_id\":4,\"sample_id\":104,\"sample_name\":\"a.ts\","
            + "\"status\":\"fail\",\"exit_code\":1,\"expected_rc\":0,\"runtime_ms\":10,\"command\":\"\","
            + "\"categories\":[],\"outputs\":[]},{\"regression_test_id\":30,\"sample_id\":130,\"sample_name\":"
            + "\"b.ts\",\"status\":\"fail\",\"exit_code\":0,\"expected_rc\":0,\"runtime_ms\":10,\"command\":\"\","
            + "\"categories\":[\"DVB\"],\"outputs\":[]}],\"pagination\":{\"limit\":100,\"offset\":0,\"total\":2,"
            + "\"next_offset\":null},\"meta\":{}}";

    private RunsPlatformStub platform;
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        platform = new RunsPlatformStub();
        PluginTestSupport.configure(platform.baseUrl());
        platform.status(42, "fail")
                .summary(42, PluginTestSupport.FAILING_RUN)
                .samples(42, "missing_output", io.jenkins.plugins.sampleplatform.PlatformStub.EMPTY_LISTING)
                .samples(42, "fail", FAILED);
        PUBLISHER.getPublishedChecks().clear();
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private List<ChecksDetails> run(String script, Result expected) throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p" + System.nanoTime());
        job.setDefinition(new CpsFlowDefinition(script, true));
        r.buildAndAssertStatus(expected, job);
        return PUBLISHER.getPublishedChecks();
    }

    @Test
    void anUnstableVerdictIsANeutralCheckWithTheReportAndAnAnnotationPerFailure() throws Exception {
        List<ChecksDetails> checks = run("sampleplatformSummary(runId: 42, publishChecks: true)", Result.UNSTABLE);

        assertThat(checks).hasSize(1);
        ChecksDetails check = checks.get(0);
        assertThat(check.getName()).hasValue("Sample Platform (linux)");
        assertThat(check.getStatus()).isEqualTo(ChecksStatus.COMPLETED);
        assertThat(check.getConclusion()).isEqualTo(ChecksConclusion.NEUTRAL);
        assertThat(check.getOutput()).isPresent();
        assertThat(check.getOutput().get().getTitle()).hasValue("Run 42: UNSTABLE");
        assertThat(check.getOutput().get().getSummary())
                .hasValueSatisfying(summary -> assertThat(summary)
                        .contains("2 samples failed")
                        .contains("#### Failing samples")
                        .contains("[The whole report on Jenkins]("));
        List<ChecksAnnotation> annotations = check.getOutput().get().getChecksAnnotations();
        assertThat(annotations).hasSize(2);
        assertThat(annotations.get(0).getTitle()).hasValue("a.ts #4");
        assertThat(annotations.get(0).getMessage())
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("Failed; exit code 1, expected 0")
                        .contains("/regression/test/4/view"));
    }

    @Test
    void unstableCanBeAFailingCheck() throws Exception {
        List<ChecksDetails> checks = run(
                "sampleplatformSummary(runId: 42, publishChecks: true, checksUnstableConclusion: 'FAILURE')",
                Result.UNSTABLE);

        assertThat(checks.get(0).getConclusion()).isEqualTo(ChecksConclusion.FAILURE);
    }

    @Test
    void theConclusionFollowsEveryVerdict() {
        assertThat(ChecksApiSink.conclusion(io.jenkins.plugins.sampleplatform.verdict.BuildResult.SUCCESS, false))
                .isEqualTo(ChecksConclusion.SUCCESS);
        assertThat(ChecksApiSink.conclusion(io.jenkins.plugins.sampleplatform.verdict.BuildResult.FAILURE, false))
                .isEqualTo(ChecksConclusion.FAILURE);
        assertThat(ChecksApiSink.conclusion(io.jenkins.plugins.sampleplatform.verdict.BuildResult.NOT_BUILT, false))
                .isEqualTo(ChecksConclusion.ACTION_REQUIRED);
    }

    @Test
    void aWaitedRunIsInProgressThenCompleted() throws Exception {
        platform.status(42, "running");
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "waits");
        job.setDefinition(
                new CpsFlowDefinition("sampleplatformSummary(runId: 42, wait: true, publishChecks: true)", true));
        WorkflowRun build = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage("Published the check", build);
        platform.status(42, "fail");
        r.assertBuildStatus(Result.UNSTABLE, r.waitForCompletion(build));

        List<ChecksDetails> checks = PUBLISHER.getPublishedChecks();
        assertThat(checks)
                .extracting(ChecksDetails::getStatus)
                .containsExactly(ChecksStatus.IN_PROGRESS, ChecksStatus.COMPLETED);
        assertThat(checks).extracting(c -> c.getName().orElse(null)).containsOnly("Sample Platform (linux)");
        assertThat(checks.get(1).getConclusion()).isEqualTo(ChecksConclusion.NEUTRAL);
    }

    @Test
    void badUnstableConclusionIsAClearError() throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "bad");
        job.setDefinition(new CpsFlowDefinition(
                "sampleplatformSummary(runId: 42, publishChecks: true, checksUnstableConclusion: 'MAYBE')", true));
        WorkflowRun build = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("checksUnstableConclusion must be NEUTRAL or FAILURE, was 'MAYBE'.", build);
    }
}
