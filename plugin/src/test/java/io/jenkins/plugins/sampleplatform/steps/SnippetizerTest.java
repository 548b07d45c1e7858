package io.jenkins.plugins.sampleplatform.steps;

import io.jenkins.plugins.sampleplatform.freestyle.SamplePlatformRecorder;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.steps.CoreStep;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** What the Pipeline Syntax page generates for the step and the post-build action, and that it reads back. */
@WithJenkins
class SnippetizerTest {

    @Test
    void theStepRoundTrips(JenkinsRule r) throws Exception {
        SnippetizerTester tester = new SnippetizerTester(r);
        tester.assertRoundTrip(new SamplePlatformSummaryStep("42"), "sampleplatformSummary '42'");

        SamplePlatformSummaryStep step = new SamplePlatformSummaryStep("${env.RUN_ID}");
        step.setCredentialsId("sample-platform-token");
        step.setFailThreshold(2);
        step.setMissingOutputResult("UNSTABLE");
        step.setPropagate(false);
        step.setSource("database");
        tester.assertRoundTrip(
                step,
                "sampleplatformSummary credentialsId: 'sample-platform-token', failThreshold: 2, "
                        + "missingOutputResult: 'UNSTABLE', propagate: false, runId: '${env.RUN_ID}', source: 'database'");
    }

    @Test
    void thePostBuildActionRoundTrips(JenkinsRule r) throws Exception {
        SnippetizerTester tester = new SnippetizerTester(r);
        tester.assertRoundTrip(new CoreStep(new SamplePlatformRecorder("42")), "sampleplatformSummaryRecorder '42'");

        SamplePlatformRecorder recorder = new SamplePlatformRecorder("${SAMPLE_PLATFORM_RUN_ID}");
        recorder.setFailResult("FAILURE");
        recorder.setMissingOutputThreshold(1);
        tester.assertRoundTrip(
                new CoreStep(recorder),
                "sampleplatformSummaryRecorder failResult: 'FAILURE', missingOutputThreshold: 1, "
                        + "runId: '${SAMPLE_PLATFORM_RUN_ID}'");
    }
}
