package io.jenkins.plugins.sampleplatform.publish;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.sampleplatform.render.FailureReport;
import io.jenkins.plugins.sampleplatform.verdict.BuildResult;

/**
 * Publishes a run's verdict as a check (GitHub checks through checks-api). Implemented by an
 * {@code @Extension(optional = true)} class that uses checks-api and is only loaded when that plugin is
 * installed; without it there is no implementation and the option says so in one line.
 */
public abstract class ChecksSink implements ExtensionPoint {

    /** The implementation, or {@code null} when checks-api is not installed. */
    static @CheckForNull ChecksSink find() {
        ExtensionList<ChecksSink> sinks = ExtensionList.lookup(ChecksSink.class);
        return sinks.isEmpty() ? null : sinks.get(0);
    }

    /** What a check says. */
    public record Check(
            String name,
            @CheckForNull BuildResult result,
            boolean unstableIsFailure,
            String title,
            String markdown,
            @CheckForNull FailureReport failures,
            int runId,
            @CheckForNull String buildUrl) {}

    /**
     * Publishes {@code check}: completed with a conclusion when {@code check.result()} is set, else in progress.
     *
     * @return the line to log
     */
    public abstract String publish(Run<?, ?> run, Check check, TaskListener listener);
}
