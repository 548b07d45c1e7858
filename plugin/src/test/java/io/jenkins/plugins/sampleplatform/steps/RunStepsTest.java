package io.jenkins.plugins.sampleplatform.steps;

import static io.jenkins.plugins.sampleplatform.RunsPlatformStub.SHA;
import static io.jenkins.plugins.sampleplatform.RunsPlatformStub.run;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.sampleplatform.FailingSamples;
import io.jenkins.plugins.sampleplatform.PlatformStub;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import io.jenkins.plugins.sampleplatform.RunsPlatformStub;
import io.jenkins.plugins.sampleplatform.freestyle.SamplePlatformRecorder;
import io.jenkins.plugins.sampleplatform.wait.RunWaitExecution;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.LogRecorder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Find by commit, wait and trigger from Pipeline and freestyle, against the run endpoints on loopback. */
@WithJenkins
class RunStepsTest {

    private RunsPlatformStub platform;
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        platform = new RunsPlatformStub();
        PluginTestSupport.configure(platform.baseUrl());
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private WorkflowRun pipeline(String script, Result expected) throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p" + System.nanoTime());
        job.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertStatus(expected, job);
    }

    @Test
    void aCommitNamesItsNewestRun() throws Exception {
        platform.list(run(42, "fail")).summary(42, PluginTestSupport.FAILING_RUN);
        WorkflowRun build = pipeline(
                "def s = sampleplatformSummary(commit: '" + SHA + "', platform: 'linux', failures: false)\n"
                        + "echo \"run ${s.run_id}\"",
                Result.UNSTABLE);
        r.assertLogContains("Using run 42 (fail) for commit 01234567 on linux", build);
        r.assertLogContains("run 42", build);
        assertThat(platform.requests).containsExactly("GET /api/v1/runs", "GET /api/v1/runs/42/summary");
    }

    @Test
    void noRunForTheCommitIsAClearError() throws Exception {
        platform.list();
        WorkflowRun build = pipeline("sampleplatformSummary(commit: '" + SHA + "')", Result.FAILURE);
        r.assertLogContains("No run found for commit 01234567", build);
    }

    @Test
    void runIdAndCommitTogetherIsAClearError() throws Exception {
        WorkflowRun build = pipeline("sampleplatformSummary(runId: 4, commit: '" + SHA + "')", Result.FAILURE);
        r.assertLogContains("Give exactly one of runId and commit", build);
        assertThat(platform.requests).isEmpty();
    }

    @Test
    void waitingPollsTheLightEndpointThenJudgesOnce() throws Exception {
        platform.status(42, "running").summary(42, PluginTestSupport.FAILING_RUN);
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "waits");
        job.setDefinition(new CpsFlowDefinition(
                "def s = sampleplatformSummary(runId: 42, wait: true)\necho \"waited ${s.waited_ms > 0}\"", true));
        WorkflowRun build = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage("Run 42 is running", build);
        platform.status(42, "fail");
        r.assertBuildStatus(Result.UNSTABLE, r.waitForCompletion(build));
        r.assertLogContains("Run 42: running -> fail", build);
        r.assertLogContains("waited true", build);
        assertThat(platform.count("GET /api/v1/runs/42/summary")).isEqualTo(1);
    }

    @Test
    void triggerStartsWaitsAndJudges() throws Exception {
        platform.list()
                .set("POST /api/v1/runs", 202, run(61, "queued"))
                .status(61, "pass")
                .summary(61, PluginTestSupport.PASSING_RUN.replace("\"run_id\": 7", "\"run_id\": 61"));
        WorkflowRun build = pipeline(
                "def r = sampleplatformRun(commit: '" + SHA + "', platform: 'linux', repository:"
                        + " 'CCExtractor/ccextractor', tests: '3, 4')\necho \"result ${r.result}\"",
                Result.SUCCESS);
        r.assertLogContains("Started run 61 (queued)", build);
        r.assertLogContains("result SUCCESS", build);
        assertThat(platform.count("POST /api/v1/runs")).isEqualTo(1);
        assertThat(platform.bodies)
                .contains("{\"commit_sha\":\"" + SHA + "\",\"platform\":\"linux\",\"repository\":"
                        + "\"CCExtractor/ccextractor\",\"regression_test_ids\":[3,4]}");
    }

    @Test
    void aStartedRunListsItsFailingSamplesUnlessToldNotTo() throws Exception {
        platform.list()
                .set("POST /api/v1/runs", 202, run(62, "queued"))
                .status(62, "fail")
                .summary(62, PluginTestSupport.FAILING_RUN.replace("\"run_id\": 42", "\"run_id\": 62"))
                .samples(62, "missing_output", PlatformStub.EMPTY_LISTING)
                .samples(62, "fail", FailingSamples.FAILED);
        String start =
                "sampleplatformRun(commit: '" + SHA + "', platform: 'linux', repository: 'CCExtractor/ccextractor'";
        WorkflowRun without = pipeline(start + ", failures: false)", Result.UNSTABLE);
        assertThat(platform.count("GET /api/v1/runs/62/samples")).isZero();
        r.assertLogNotContains("Failing samples", without);

        WorkflowRun listed = pipeline("def r = " + start + ")\necho \"listed ${r.failures_total}\"", Result.UNSTABLE);
        assertThat(platform.count("GET /api/v1/runs/62/samples")).isEqualTo(2);
        r.assertLogContains("Failing samples: 2 failing samples (0 without output, 2 failed)", listed);
        r.assertLogContains("- Failed: regression test 4, sample 104 \"a.ts\"", listed);
        r.assertLogContains("listed 2", listed);
    }

    @Test
    void aRefusedTriggerIsOneLine() throws Exception {
        platform.list()
                .set(
                        "POST /api/v1/runs",
                        422,
                        "{\"code\":\"unprocessable\",\"message\":\"No CI build artifact found for commit 01234567"
                                + " on linux.\",\"details\":{}}");
        WorkflowRun build = pipeline(
                "sampleplatformRun(commit: '" + SHA + "', platform: 'linux', repository: 'CCExtractor/ccextractor')",
                Result.FAILURE);
        r.assertLogContains("no CI build artifact for this commit yet", build);
        r.assertLogNotContains("Exception", build);
    }

    @Test
    void startingARunInDatabaseModeIsAClearError() throws Exception {
        WorkflowRun build = pipeline(
                "sampleplatformRun(commit: '" + SHA + "', platform: 'linux', repository: 'CCExtractor/ccextractor',"
                        + " source: 'database')",
                Result.FAILURE);
        r.assertLogContains("DB mode can find and wait for runs but never starts them", build);
        assertThat(platform.requests).isEmpty();
    }

    @Test
    void abortingAWaitCancelsThePlatformRunWhenAsked() throws Exception {
        platform.list()
                .set("POST /api/v1/runs", 202, run(62, "queued"))
                .status(62, "running")
                .set("POST /api/v1/runs/62/cancel", 200, canceled(62));
        WorkflowJob job = startsAndCancelsOnAbort("aborted");
        try (LogRecorder log =
                new LogRecorder().record(RunWaitExecution.class, Level.INFO).capture(10)) {
            WorkflowRun build = job.scheduleBuild2(0).waitForStart();
            r.waitForMessage("Run 62 is running", build);
            build.doStop();
            r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(build));
            r.assertLogContains("The build was aborted: asking the platform to cancel run 62", build);
            awaitMessage(log, "The platform answered the cancel of run 62: canceled");
            assertThat(platform.count("POST /api/v1/runs/62/cancel")).isEqualTo(1);
        }
    }

    @Test
    void anAbortDoesNotWaitForThePlatformToAnswerTheCancel() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        platform.list()
                .set("POST /api/v1/runs", 202, run(64, "queued"))
                .status(64, "running")
                .set("POST /api/v1/runs/64/cancel", 200, canceled(64))
                .holdUntil("POST /api/v1/runs/64/cancel", arrived, release);
        WorkflowJob job = startsAndCancelsOnAbort("abortedWhileCanceling");
        try (LogRecorder log =
                new LogRecorder().record(RunWaitExecution.class, Level.INFO).capture(10)) {
            WorkflowRun build = job.scheduleBuild2(0).waitForStart();
            try {
                r.waitForMessage("Run 64 is running", build);
                build.doStop();
                // The platform has not answered the cancel yet, and the build is over all the same.
                r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(build));
                assertThat(release.getCount())
                        .as("the cancel is still unanswered")
                        .isEqualTo(1);
                r.assertLogContains("The build was aborted: asking the platform to cancel run 64", build);
                r.assertLogNotContains("Could not cancel run 64", build);
                assertThat(arrived.await(2, TimeUnit.MINUTES)).isTrue();
            } finally {
                release.countDown();
            }
            awaitMessage(log, "The platform answered the cancel of run 64: canceled");
            assertThat(platform.count("POST /api/v1/runs/64/cancel")).isEqualTo(1);
        }
    }

    private WorkflowJob startsAndCancelsOnAbort(String name) throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(
                "sampleplatformRun(commit: '" + SHA + "', platform: 'linux', repository: 'CCExtractor/ccextractor',"
                        + " cancelOnAbort: true)",
                true));
        return job;
    }

    private static String canceled(int runId) {
        return "{\"run_id\":" + runId + ",\"action\":\"cancel\",\"status\":\"canceled\"}";
    }

    /** The outcome of a cancel is logged once the platform answers, after the step (and often the build) ended. */
    private static void awaitMessage(LogRecorder log, String text) throws InterruptedException {
        while (log.getMessages().stream().noneMatch(m -> m.contains(text))) {
            Thread.sleep(50);
        }
    }

    @Test
    void abortingWhileTheRunIsBeingStartedCancelsTheRunThePostStarted() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        platform.list()
                .set("POST /api/v1/runs", 202, run(63, "queued"))
                .holdUntil("POST /api/v1/runs", arrived, release)
                .status(63, "queued")
                .set("POST /api/v1/runs/63/cancel", 200, canceled(63));
        WorkflowJob job = startsAndCancelsOnAbort("abortedWhileStarting");
        try (LogRecorder log =
                new LogRecorder().record(RunWaitExecution.class, Level.INFO).capture(10)) {
            WorkflowRun build = job.scheduleBuild2(0).waitForStart();
            try {
                assertThat(arrived.await(2, TimeUnit.MINUTES)).isTrue();
                // The POST is in flight: the platform may already have made the run, so an abort must not lose it.
                build.doStop();
            } finally {
                release.countDown();
            }
            r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(build));
            r.assertLogContains("Started run 63 (queued)", build);
            r.assertLogContains("The build was aborted: asking the platform to cancel run 63", build);
            awaitMessage(log, "The platform answered the cancel of run 63: canceled");
            assertThat(platform.count("POST /api/v1/runs/63/cancel")).isEqualTo(1);
        }
    }

    @Test
    void freestyleFindsAndWaits() throws Exception {
        platform.list(run(42, "running")).status(42, "fail").summary(42, PluginTestSupport.FAILING_RUN);
        FreeStyleProject project = r.createFreeStyleProject();
        SamplePlatformRecorder recorder = new SamplePlatformRecorder(null);
        recorder.setCommit(SHA);
        recorder.setWait(true);
        recorder.setTimeoutMinutes(5);
        project.getPublishersList().add(recorder);
        FreeStyleBuild build = r.buildAndAssertStatus(Result.UNSTABLE, project);
        r.assertLogContains("Found run 42 for commit 01234567 (running)", build);
        r.assertLogContains("Run 42: running -> fail", build);
    }

    @Test
    void freestyleConfigurationRoundTrip() throws Exception {
        SamplePlatformRecorder before = new SamplePlatformRecorder(null);
        before.setCommit("${GIT_COMMIT}");
        before.setPlatform("linux");
        before.setRepository("CCExtractor/ccextractor");
        before.setTestType("commit");
        before.setWait(true);
        before.setTimeoutMinutes(30);
        SamplePlatformRecorder after = r.configRoundtrip(before);
        r.assertEqualDataBoundBeans(before, after);
    }
}
