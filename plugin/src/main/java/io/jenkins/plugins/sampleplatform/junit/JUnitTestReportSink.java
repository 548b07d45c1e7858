package io.jenkins.plugins.sampleplatform.junit;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.junit.TestResult;
import hudson.tasks.junit.TestResultAction;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.publish.TestReportSink;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The junit plugin's side of {@code testReport: true}, loaded only when that plugin is installed: the report is
 * parsed by the junit plugin itself ({@link TestResult#parse(File, hudson.tasks.junit.PipelineTestDetails)}) and
 * added to the build's {@link TestResultAction}, or merged into the one the {@code junit} step made, the way
 * {@code JUnitResultArchiver} does; so each sample gets its history and age, and the job's test trend counts
 * it. Unlike {@code JUnitResultArchiver.perform}, the build result is left alone: it is the verdict's. (The
 * junit plugin's pluggable storage, {@code JunitTestResultStorage}, is {@code @Restricted(Beta)} and not used here:
 * with an external storage configured the samples are not stored by it.)
 */
@Extension(optional = true)
public class JUnitTestReportSink extends TestReportSink {

    @Override
    public String add(Run<?, ?> run, String junitXml, TaskListener listener) throws IOException, InterruptedException {
        // The junit plugin parses files; this one lives in the build's directory only while it is read.
        File file = new File(run.getRootDir(), "sampleplatform-junit.xml");
        Files.writeString(file.toPath(), junitXml, StandardCharsets.UTF_8);
        TestResult result = new TestResult();
        try {
            result.parse(file, null);
        } finally {
            Files.deleteIfExists(file.toPath());
        }
        synchronized (run) {
            TestResultAction action = run.getAction(TestResultAction.class);
            if (action == null) {
                action = new TestResultAction(run, result, listener);
                run.addAction(action);
            } else {
                result.freeze(action);
                action.mergeResult(result, listener);
                run.save();
            }
        }
        return Messages.Reports_Added(result.getTotalCount(), result.getFailCount(), result.getSkipCount());
    }
}
