package io.jenkins.plugins.sampleplatform.publish;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;

/**
 * Adds a run's samples, as JUnit XML, to the build's test report. Implemented by an
 * {@code @Extension(optional = true)} class that uses the junit plugin's API and is only loaded when that plugin
 * is installed; without it there is no implementation and the option says so in one line.
 */
public abstract class TestReportSink implements ExtensionPoint {

    /** The implementation, or {@code null} when the junit plugin is not installed. */
    static @CheckForNull TestReportSink find() {
        ExtensionList<TestReportSink> sinks = ExtensionList.lookup(TestReportSink.class);
        return sinks.isEmpty() ? null : sinks.get(0);
    }

    /**
     * Adds the test cases of {@code junitXml} to {@code run}'s test report (merged with what the {@code junit} step
     * may have added), leaving the build result alone.
     *
     * @return the line to log
     */
    public abstract String add(Run<?, ?> run, String junitXml, TaskListener listener)
            throws IOException, InterruptedException;
}
