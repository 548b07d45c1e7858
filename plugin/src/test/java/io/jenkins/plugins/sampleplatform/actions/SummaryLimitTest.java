package io.jenkins.plugins.sampleplatform.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import io.jenkins.plugins.sampleplatform.RunsPlatformStub;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** A loop over many runs cannot grow build.xml without end: a build keeps at most 20 summaries (issue 20). */
@WithJenkins
class SummaryLimitTest {

    private RunsPlatformStub platform;
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        platform = new RunsPlatformStub();
        PluginTestSupport.configure(platform.baseUrl());
        for (int id = 1; id <= 21; id++) {
            platform.summary(
                    id,
                    "{\"run_id\": " + id + ", \"status\": \"pass\", \"total_samples\": 3, \"pass_count\": 3,"
                            + " \"fail_count\": 0, \"skipped_count\": 0, \"missing_output_count\": 0,"
                            + " \"error_count\": 0, \"duration_ms\": 900}");
        }
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void theTwentyFirstRunIsLoggedButNotKept() throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "many");
        job.setDefinition(new CpsFlowDefinition(
                "for (int i = 1; i <= 21; i++) { sampleplatformSummary(runId: \"${i}\", failures: false) }\n"
                        // a run the build already keeps is replaced, as always, even at the limit
                        + "def again = sampleplatformSummary(runId: '5', failures: false)\n"
                        + "echo \"again ${again.run_id} ${again.result}\"",
                true));

        WorkflowRun build = r.buildAndAssertSuccess(job);

        assertThat(build.getActions(SummaryAction.class))
                .hasSize(SummaryAction.MAX_PER_BUILD)
                .extracting(SummaryAction::getRunId)
                .doesNotContain(21)
                .containsOnlyOnce(5);
        r.assertLogContains(
                "This build already keeps 20 summaries: the summary of run 21 is in this log (and the step's value)"
                        + " but is not kept with the build.",
                build);
        r.assertLogContains("again 5 SUCCESS", build);
        assertThat(JenkinsRule.getLog(build).split("already keeps 20 summaries", -1))
                .as("one line, for run 21 only")
                .hasSize(2);
        assertThat(SummaryHistory.of(job).entries()).hasSize(1);
    }
}
