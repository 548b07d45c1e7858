package io.jenkins.plugins.sampleplatform.wait;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import io.jenkins.plugins.sampleplatform.RunsPlatformStub;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Twenty waiting builds whose polls all hang on a slow platform do not make twenty threads: the plugin's calls
 * run on its one pool of at most eight, the others wait in its queue, and all finish once the platform answers
 * (issue 20, item 1).
 */
@WithJenkins
class ThreadBoundTest {

    private static final int BUILDS = 20;

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

    @Test
    void slowPollsOfManyBuildsShareEightThreads() throws Exception {
        CountDownLatch eightInFlight = new CountDownLatch(8);
        CountDownLatch release = new CountDownLatch(1);
        platform.status(42, "pass")
                .summary(42, PluginTestSupport.PASSING_RUN.replace("\"run_id\": 7", "\"run_id\": 42"))
                .holdUntil("GET /api/v1/runs/42", eightInFlight, release);
        List<WorkflowRun> builds = new ArrayList<>();
        try {
            for (int i = 0; i < BUILDS; i++) {
                WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "waits" + i);
                job.setDefinition(
                        new CpsFlowDefinition("sampleplatformSummary(runId: 42, wait: true, failures: false)", true));
                builds.add(job.scheduleBuild2(0).waitForStart());
            }
            assertThat(eightInFlight.await(2, TimeUnit.MINUTES))
                    .as("eight polls in flight")
                    .isTrue();
            assertThat(WaitExecutor.get().largestPoolThreads())
                    .as("the plugin's pool threads")
                    .isLessThanOrEqualTo(8);
            assertThat(platform.count("GET /api/v1/runs/42"))
                    .as("polls in flight: the pool's threads, no more")
                    .isLessThanOrEqualTo(8);
        } finally {
            release.countDown();
        }
        for (WorkflowRun build : builds) {
            r.assertBuildStatus(Result.SUCCESS, r.waitForCompletion(build));
        }
        assertThat(platform.count("GET /api/v1/runs/42/summary")).isEqualTo(BUILDS);
    }
}
