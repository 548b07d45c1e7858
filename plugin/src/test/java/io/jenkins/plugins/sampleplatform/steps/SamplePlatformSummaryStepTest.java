package io.jenkins.plugins.sampleplatform.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.sampleplatform.MariaDbDemo;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.PlatformStub;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import io.jenkins.plugins.sampleplatform.actions.SummaryAction;
import io.jenkins.plugins.sampleplatform.actions.SummaryJobAction;
import io.jenkins.plugins.sampleplatform.config.SamplePlatformConfiguration;
import io.jenkins.plugins.sampleplatform.db.DemoDatabase;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class SamplePlatformSummaryStepTest {

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

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p" + System.nanoTime());
        job.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertStatus(expected, job);
    }

    @Test
    void failedSamplesMakeTheBuildUnstableAndTheMapIsReadableInTheSandbox() throws Exception {
        platform.summary(PluginTestSupport.FAILING_RUN);
        WorkflowRun build = run(
                "def s = sampleplatformSummary(runId: 42)\n"
                        + "assert s instanceof LinkedHashMap && s.reasons instanceof ArrayList\n"
                        + "echo \"fail=${s.fail_count} result=${s.result} status=${s.status} reasons=${s.reasons.size()}\"",
                Result.UNSTABLE);
        r.assertLogContains("fail=2 result=UNSTABLE status=fail reasons=1", build);
        r.assertLogNotContains(PlatformStub.TOKEN, build);
        // the summary, then the two listings of failing samples (FailingSamplesTest)
        assertThat(platform.authorizations()).hasSize(3).containsOnly("Bearer " + PlatformStub.TOKEN);
        SummaryAction action = build.getAction(SummaryAction.class);
        assertThat(action.getRunId()).isEqualTo(42);
        assertThat(action.getPanelHtml()).contains("42");
    }

    @Test
    void missingOutputFailsTheBuild() throws Exception {
        platform.summary(PluginTestSupport.RUN_WITHOUT_OUTPUT);
        WorkflowRun build = run("sampleplatformSummary(runId: 9)", Result.FAILURE);
        r.assertLogContains("produced no output", build);
    }

    @Test
    void aPassingRunLeavesTheBuildAlone() throws Exception {
        platform.summary(PluginTestSupport.PASSING_RUN);
        run(
                "def s = sampleplatformSummary(runId: '7'); assert s.result == 'SUCCESS'; assert s.pass_count == 3",
                Result.SUCCESS);
    }

    @Test
    void aNumericRunIdIsAcceptedNamedUnnamedAndThroughTheGenericStep() throws Exception {
        // runId is text (for "${env.RUN_ID}"); structs alone would reject an Integer there.
        platform.summary(PluginTestSupport.PASSING_RUN);
        run("def s = sampleplatformSummary(7)\nassert s.run_id == 7", Result.SUCCESS);
        WorkflowRun build = run("node { step([$class: 'SamplePlatformRecorder', runId: 7]) }", Result.SUCCESS);
        assertThat(build.getAction(SummaryAction.class).getRunId()).isEqualTo(7);
    }

    @Test
    void databaseModeReadsTheRunFromTheDatabase() throws Exception {
        try (MariaDbDemo demo = MariaDbDemo.create()) {
            SamplePlatformConfiguration.get().setJdbcUrl(demo.jdbcUrl());
            WorkflowRun build = run(
                    "def s = sampleplatformSummary(runId: " + DemoDatabase.FAILING_RUN + ", source: 'database')\n"
                            + "echo \"failed=${s.fail_count} result=${s.result} listed=${s.failures.size()}/${s.failures_total}\"",
                    Result.UNSTABLE);
            r.assertLogContains("failed=3 result=UNSTABLE listed=3/3", build);
            r.assertLogContains("Failing samples: 3 failing samples (0 without output, 3 failed)", build);
            assertThat(platform.authorizations())
                    .as("no API request in DB mode")
                    .isEmpty();
        }
    }

    @Test
    void aSqliteFileIsRefusedWithThePointerToTheCommandLine() throws Exception {
        // The plugin bundles the MariaDB driver only; SQLite files are the command line's.
        SamplePlatformConfiguration config = SamplePlatformConfiguration.get();
        assertThat(config.doCheckJdbcUrl("jdbc:sqlite:/var/lib/platform.db").getMessage())
                .contains("command line");
        config.setJdbcUrl("jdbc:sqlite:/var/lib/platform.db");
        WorkflowRun build = run("sampleplatformSummary(runId: 2, source: 'database')", Result.FAILURE);
        r.assertLogContains("./sampleplatform summary --jdbc jdbc:sqlite:", build);
    }

    @Test
    void thresholdsAndResultsAreConfigurablePerStep() throws Exception {
        platform.summary(PluginTestSupport.FAILING_RUN);
        run("sampleplatformSummary(runId: 42, failThreshold: 2)", Result.SUCCESS);
        run("sampleplatformSummary(runId: 42, failResult: 'FAILURE')", Result.FAILURE);
    }

    @Test
    void propagateFalseOnlyReturnsTheSummary() throws Exception {
        platform.summary(PluginTestSupport.FAILING_RUN);
        WorkflowRun build = run(
                "def s = sampleplatformSummary(runId: 42, propagate: false)\necho \"verdict ${s.result}\"",
                Result.SUCCESS);
        r.assertLogContains("verdict UNSTABLE", build);
    }

    @Test
    void aBadRunIdFailsWithAClearMessageAndNoRequest() throws Exception {
        WorkflowRun build = run("sampleplatformSummary(runId: 'abc')", Result.FAILURE);
        r.assertLogContains("Run id 'abc' is not a whole number", build);
        assertThat(platform.authorizations()).isEmpty();
    }

    @Test
    void aWrongTokenFailsWithAClearMessage() throws Exception {
        platform.answer(
                401,
                "{\"code\":\"unauthorized\",\"message\":\"Bearer token is missing, expired, or invalid.\",\"details\":{}}",
                Map.of());
        WorkflowRun build = run("sampleplatformSummary(runId: 42)", Result.FAILURE);
        r.assertLogContains("Could not get the summary of run 42", build);
        r.assertLogNotContains(PlatformStub.TOKEN, build);
    }

    @Test
    void unknownCredentialsFailTheBuild() throws Exception {
        platform.summary(PluginTestSupport.PASSING_RUN);
        WorkflowRun build = run("sampleplatformSummary(runId: 7, credentialsId: 'nope')", Result.FAILURE);
        r.assertLogContains("Credentials 'nope' not found", build);
    }

    @Test
    void abortingDuringARateLimitWaitStopsAtOnce() throws Exception {
        platform.answer(
                429,
                "{\"code\":\"rate_limited\",\"message\":\"Rate limit exceeded. Retry after 30 seconds.\",\"details\":{}}",
                Map.of("Retry-After", "30"));
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "aborted");
        job.setDefinition(new CpsFlowDefinition("sampleplatformSummary(runId: 42)", true));
        WorkflowRun build = job.scheduleBuild2(0).waitForStart();
        // Deferred: a timer task until the window opens, no thread held (issue 20).
        r.waitForMessage("rate limited (HTTP 429), trying again in", build);
        long start = System.nanoTime();
        build.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(build));
        assertThat((System.nanoTime() - start) / 1_000_000_000L)
                .as("seconds to stop")
                .isLessThan(20);
        r.assertLogNotContains(PlatformStub.TOKEN, build);
    }

    @Test
    void theJobPageKeepsTheLastSummaryAfterAFailedBuild() throws Exception {
        platform.summary(PluginTestSupport.FAILING_RUN);
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "history");
        job.setDefinition(new CpsFlowDefinition("sampleplatformSummary(runId: 42)", true));
        WorkflowRun first = r.buildAndAssertStatus(Result.UNSTABLE, job);
        job.setDefinition(new CpsFlowDefinition("error 'broken before the summary'", true));
        r.buildAndAssertStatus(Result.FAILURE, job);
        SummaryJobAction jobAction = job.getAction(SummaryJobAction.class);
        assertThat(jobAction).isNotNull();
        assertThat(jobAction.getBuild()).isEqualTo(first);
        try (JenkinsRule.WebClient web = r.createWebClient()) {
            String buildPage = web.getPage(first).getWebResponse().getContentAsString();
            assertThat(buildPage).contains("class=\"sp-panel\"").contains("Sample Platform run 42");
            // The job page's floating box is rendered with "it" = the job: this fails if the view reads it as the
            // action.
            String jobPage = web.getPage(job).getWebResponse().getContentAsString();
            assertThat(jobPage)
                    .contains(Messages.SummaryJobAction_DisplayName())
                    .contains("class=\"sp-panel\"")
                    .contains(first.getUrl());
        }
    }

    @Test
    void aRunIdAbove999IsPrintedWithoutGrouping() throws Exception {
        platform.summary(PluginTestSupport.LARGE_RUN);
        WorkflowRun build = run("sampleplatformSummary(runId: 12345)", Result.UNSTABLE);
        r.assertLogContains("Fetching the summary of run 12345 from", build);
        r.assertLogNotContains("12,345", build);
        r.assertLogNotContains("12.345", build);
        assertThat(build.getAction(SummaryAction.class).getDisplayName()).isEqualTo("Sample Platform run 12345");

        platform.answer(
                401,
                "{\"code\":\"unauthorized\",\"message\":\"Bearer token is missing, expired, or invalid.\",\"details\":{}}",
                Map.of());
        WorkflowRun failed = run("sampleplatformSummary(runId: 12345)", Result.FAILURE);
        r.assertLogContains("Could not get the summary of run 12345:", failed);
    }

    @Test
    void aJobCannotSendTheTokenToItsOwnUrlUnlessAllowed() throws Exception {
        platform.summary(PluginTestSupport.PASSING_RUN);
        String script = "sampleplatformSummary(runId: 7, baseUrl: '" + platform.baseUrl() + "')";
        WorkflowRun refused = run(script, Result.FAILURE);
        r.assertLogContains("does not let jobs choose the platform URL", refused);
        assertThat(platform.authorizations()).as("no request, no token sent").isEmpty();

        SamplePlatformConfiguration.get().setAllowJobBaseUrl(true);
        run(script, Result.SUCCESS);
        assertThat(platform.authorizations()).hasSize(1);
    }

    @Test
    void abortedIsNotAResultAConditionMaySet() throws Exception {
        platform.summary(PluginTestSupport.FAILING_RUN);
        WorkflowRun build = run("sampleplatformSummary(runId: 42, failResult: 'ABORTED')", Result.FAILURE);
        r.assertLogContains("use SUCCESS, UNSTABLE, FAILURE or NOT_BUILT", build);
        assertThat(r.jenkins
                        .getDescriptorByType(SamplePlatformSummaryStep.DescriptorImpl.class)
                        .doFillFailResultItems(build.getParent()))
                .extracting(o -> o.value)
                .containsExactly("", "SUCCESS", "UNSTABLE", "FAILURE", "NOT_BUILT");
    }
}
