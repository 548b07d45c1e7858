package io.jenkins.plugins.sampleplatform.publish;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.sampleplatform.ComparisonStub;
import io.jenkins.plugins.sampleplatform.PlatformStub;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import io.jenkins.plugins.sampleplatform.actions.SummaryAction;
import io.jenkins.plugins.sampleplatform.actions.SummaryJobAction;
import io.jenkins.plugins.sampleplatform.compare.Comparison;
import io.jenkins.plugins.sampleplatform.compare.TestVerdict;
import io.jenkins.plugins.sampleplatform.freestyle.SamplePlatformRecorder;
import java.nio.file.Files;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code compareWith}, {@code verdictOn} and {@code changedFailureResult} through the Pipeline step and the
 * freestyle action against the comparison endpoints on loopback ({@link ComparisonStub}: run 2 against the tip
 * of master, run 1: test 2 broken here, test 3 failing differently, test 1 unchanged).
 */
@WithJenkins
class ComparisonPublishTest {

    private ComparisonStub platform;
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        platform = new ComparisonStub();
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
    void aPipelineJudgedOnChangesIsGreenWhereTheAbsoluteVerdictIsNot() throws Exception {
        // Two failed samples: absolute, over a threshold of 1, UNSTABLE; one broken and one changed: within it.
        pipeline("sampleplatformSummary(runId: 2, failThreshold: 1)", Result.UNSTABLE);

        WorkflowRun build = pipeline(
                "def s = sampleplatformSummary(runId: 2, compareWith: ['master'], verdictOn: 'changes',"
                        + " failThreshold: 1)\n"
                        + "def c = s.comparisons[0]\n"
                        + "assert c instanceof LinkedHashMap\n"
                        + "echo \"ref=${c.reference} run=${c.run_id} broken=${c.counts.broken_here}"
                        + " changed=${c.counts.failing_differently} same=${c.same_as}\"",
                Result.SUCCESS);

        r.assertLogContains("ref=master run=1 broken=1 changed=1 same=null", build);
        r.assertLogNotContains(PlatformStub.TOKEN, build);
        SummaryAction action = build.getAction(SummaryAction.class);
        assertThat(action.getComparedWith()).containsExactly("master");
        Comparison comparison =
                action.getComparisonView().report().comparisons().get(0);
        assertThat(comparison.count(TestVerdict.BROKEN_HERE)).isEqualTo(1);
        assertThat(comparison.count(TestVerdict.FAILING_DIFFERENTLY)).isEqualTo(1);
        assertThat(comparison.count(TestVerdict.UNCHANGED_PASS)).isEqualTo(1);
        // The server's strings reach the panel escaped; the diff excerpt was read once.
        String panel = action.getPanelHtml();
        assertThat(panel).doesNotContain("<b>broken</b>", "<i>old</i>");
        assertThat(platform.requests())
                .containsOnlyOnce("/runs/2/samples/1002/regression-tests/2/outputs/20/diff?format=unified");
        String buildXml = Files.readString(build.getRootDir().toPath().resolve("build.xml"));
        assertThat(buildXml).contains("master").doesNotContain(PlatformStub.TOKEN);
    }

    @Test
    void changedFailureResultSetsTheResultForSamplesFailingDifferently() throws Exception {
        WorkflowRun build = pipeline(
                "sampleplatformSummary(runId: 2, compareWith: 'master', verdictOn: 'changes', failThreshold: 0,"
                        + " failResult: 'UNSTABLE', changedFailureResult: 'FAILURE', diffExcerpts: false)",
                Result.FAILURE);

        assertThat(platform.requests()).noneMatch(request -> request.contains("/diff"));
        assertThat(build.getAction(SummaryAction.class).getReport().verdict().reasons())
                .anyMatch(reason -> reason.contains("failing differently"));
    }

    @Test
    void aReferenceWithoutARunIsSaidAndTheAbsoluteVerdictApplies() throws Exception {
        WorkflowRun build = pipeline(
                "sampleplatformSummary(runId: 2, compareWith: 'run:99', verdictOn: 'changes', failThreshold: 1)",
                Result.UNSTABLE);

        assertThat(build.getAction(SummaryAction.class).getReport().verdict().reasons())
                .anyMatch(reason -> reason.contains("no reference run found (run:99)"));
    }

    @Test
    void aReferenceThatIsNotUnderstoodFailsTheBuildInOneLine() throws Exception {
        WorkflowRun build = pipeline("sampleplatformSummary(runId: 2, compareWith: 'main')", Result.FAILURE);

        r.assertLogContains("Reference 'main' is not understood", build);
    }

    @Test
    void previousBuildIsTheRunTheLastBuildWithASummaryJudgedAndTheJobShowsBrokenHere() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        job.getPublishersList().add(new SamplePlatformRecorder("1"));
        r.buildAndAssertStatus(Result.UNSTABLE, job);
        SamplePlatformRecorder recorder = new SamplePlatformRecorder("2");
        recorder.setCompareWith("previousBuild");
        job.getPublishersList().replace(recorder);

        FreeStyleBuild build = r.buildAndAssertStatus(Result.UNSTABLE, job);

        Comparison comparison = build.getAction(SummaryAction.class)
                .getComparisonView()
                .report()
                .comparisons()
                .get(0);
        assertThat(comparison.reference().text()).isEqualTo("previousBuild");
        assertThat(comparison.run().runId()).isEqualTo(1);
        SummaryJobAction jobAction = job.getAction(SummaryJobAction.class);
        assertThat(jobAction.getBrokenHere()).singleElement().satisfies(p -> {
            assertThat(p.getBuild()).isEqualTo(build.getNumber());
            assertThat(p.getCount()).isEqualTo(1);
        });
    }

    @Test
    void theFreestyleActionKeepsItsReferencesThroughTheConfigurationForm() throws Exception {
        SamplePlatformRecorder before = new SamplePlatformRecorder("2");
        before.setCompareWith("master, commit:${BASE_COMMIT}");
        before.setVerdictOn("changes");
        before.setChangedFailureResult("FAILURE");
        before.setDiffExcerpts(false);

        SamplePlatformRecorder after = r.configRoundtrip(before);

        r.assertEqualDataBoundBeans(before, after);
    }
}
