package io.jenkins.plugins.sampleplatform.actions;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Util;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.sampleplatform.PlatformStub;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import java.io.File;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The job page's panel and trend come from the job's summary history, which follows builds and deletions. */
@WithJenkins
class JobSummaryTest {

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

    @Test
    void theTrendHasOneLinkedColumnPerBuildWithASummary() throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "trend");
        job.setDefinition(new CpsFlowDefinition("sampleplatformSummary(runId: 42)", true));
        platform.summary(PluginTestSupport.FAILING_RUN);
        WorkflowRun first = r.buildAndAssertStatus(Result.UNSTABLE, job);
        platform.summary(PluginTestSupport.LARGE_RUN);
        job.setDefinition(new CpsFlowDefinition("sampleplatformSummary(runId: 12345)", true));
        WorkflowRun second = r.buildAndAssertStatus(Result.UNSTABLE, job);
        job.setDefinition(new CpsFlowDefinition("echo 'no summary here'", true));
        r.buildAndAssertSuccess(job);

        assertThat(SummaryHistory.of(job).entries())
                .extracting(e -> e.build + ":" + e.passed + "/" + e.failed)
                .containsExactly(second.getNumber() + ":1190/10", first.getNumber() + ":8/2");
        assertThat(new File(job.getRootDir(), SummaryHistory.FILE_NAME)).exists();

        try (JenkinsRule.WebClient web = r.createWebClient()) {
            String page = web.getPage(job).getWebResponse().getContentAsString();
            assertThat(page)
                    .contains("class=\"sp-trend\"")
                    .contains("href=\"/jenkins/" + first.getUrl() + "\"")
                    .contains("href=\"/jenkins/" + second.getUrl() + "\"")
                    .contains("Build #" + second.getNumber() + " (UNSTABLE): 1190 passed, 10 failed")
                    .contains("Sample Platform run 12345")
                    .doesNotContain("12,345");
        }
    }

    @Test
    void deletingTheNewestBuildWithASummaryShowsTheOneBefore() throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "deleted");
        job.setDefinition(new CpsFlowDefinition("sampleplatformSummary(runId: 42)", true));
        platform.summary(PluginTestSupport.FAILING_RUN);
        WorkflowRun first = r.buildAndAssertStatus(Result.UNSTABLE, job);
        WorkflowRun second = r.buildAndAssertStatus(Result.UNSTABLE, job);
        assertThat(job.getAction(SummaryJobAction.class).getBuild()).isEqualTo(second);

        second.delete();
        assertThat(SummaryHistory.of(job).entries()).extracting(e -> e.build).containsExactly(first.getNumber());
        assertThat(job.getAction(SummaryJobAction.class).getBuild()).isEqualTo(first);

        first.delete();
        assertThat(job.getAction(SummaryJobAction.class))
                .as("no build with a summary left")
                .isNull();
    }

    @Test
    void aMissingNewestBuildEndsTheSearchInsteadOfLoadingOlderBuilds() throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "missing");
        job.setDefinition(new CpsFlowDefinition("sampleplatformSummary(runId: 42)", true));
        platform.summary(PluginTestSupport.FAILING_RUN);
        r.buildAndAssertStatus(Result.UNSTABLE, job);
        WorkflowRun second = r.buildAndAssertStatus(Result.UNSTABLE, job);

        // Gone behind Jenkins' back (no RunListener.onDeleted): the history still names it.
        Util.deleteRecursive(second.getRootDir());
        r.jenkins.reload();
        WorkflowJob reloaded = r.jenkins.getItemByFullName("missing", WorkflowJob.class);
        assertThat(SummaryHistory.of(reloaded).entries()).hasSize(2);

        SummaryJobAction action = reloaded.getAction(SummaryJobAction.class);
        assertThat(action.getBuild())
                .as("the newest build is missing: stop there")
                .isNull();
        assertThat(action.getSummary()).isNull();
    }

    @Test
    void theViewLooksTheBuildUpOnce() throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "once");
        job.setDefinition(new CpsFlowDefinition("sampleplatformSummary(runId: 42)", true));
        platform.summary(PluginTestSupport.FAILING_RUN);
        WorkflowRun build = r.buildAndAssertStatus(Result.UNSTABLE, job);
        SummaryJobAction action = job.getAction(SummaryJobAction.class);
        assertThat(action.getBuild()).isEqualTo(build);

        // A build deleted after the first lookup: the same action (one page) keeps what it found.
        build.delete();
        assertThat(action.getBuild()).isSameAs(build);
        assertThat(action.getSummary().getRunId()).isEqualTo(42);
    }

    @Test
    void aJobThatNeverUsedThePluginGetsNothingAndNoFile() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject("plain");
        r.buildAndAssertSuccess(project);
        assertThat(project.getAction(SummaryJobAction.class)).isNull();
        assertThat(new File(project.getRootDir(), SummaryHistory.FILE_NAME)).doesNotExist();
    }
}
