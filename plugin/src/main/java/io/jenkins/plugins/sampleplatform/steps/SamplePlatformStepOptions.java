package io.jenkins.plugins.sampleplatform.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import io.jenkins.plugins.sampleplatform.publish.SummaryOptions;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The options both Pipeline steps share ({@code sampleplatformSummary}, {@code sampleplatformRun}): where
 * the summary comes from and how it is judged. Stapler and structs bind {@code @DataBoundSetter}s declared
 * in superclasses too (both walk the class hierarchy), so each step declares only its own. Public, since
 * Stapler only calls public setters of a class it can access.
 */
public abstract class SamplePlatformStepOptions extends Step {

    private String credentialsId;
    private String baseUrl;
    private String source;
    private Integer failThreshold;
    private String failResult;
    private Integer missingOutputThreshold;
    private String missingOutputResult;
    private boolean propagate = true;
    private boolean failures = true;

    public @CheckForNull String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public @CheckForNull String getBaseUrl() {
        return baseUrl;
    }

    @DataBoundSetter
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = Util.fixEmptyAndTrim(baseUrl);
    }

    public @CheckForNull String getSource() {
        return source;
    }

    /** {@code api} or {@code database}; empty for the global default. */
    @DataBoundSetter
    public void setSource(String source) {
        this.source = Util.fixEmptyAndTrim(source);
    }

    public @CheckForNull Integer getFailThreshold() {
        return failThreshold;
    }

    @DataBoundSetter
    public void setFailThreshold(Integer failThreshold) {
        this.failThreshold = failThreshold;
    }

    public @CheckForNull String getFailResult() {
        return failResult;
    }

    @DataBoundSetter
    public void setFailResult(String failResult) {
        this.failResult = Util.fixEmptyAndTrim(failResult);
    }

    public @CheckForNull Integer getMissingOutputThreshold() {
        return missingOutputThreshold;
    }

    @DataBoundSetter
    public void setMissingOutputThreshold(Integer missingOutputThreshold) {
        this.missingOutputThreshold = missingOutputThreshold;
    }

    public @CheckForNull String getMissingOutputResult() {
        return missingOutputResult;
    }

    @DataBoundSetter
    public void setMissingOutputResult(String missingOutputResult) {
        this.missingOutputResult = Util.fixEmptyAndTrim(missingOutputResult);
    }

    public boolean isPropagate() {
        return propagate;
    }

    @DataBoundSetter
    public void setPropagate(boolean propagate) {
        this.propagate = propagate;
    }

    /** Whether the failing samples are listed (the default); {@code false} saves their API requests. */
    public boolean isFailures() {
        return failures;
    }

    @DataBoundSetter
    public void setFailures(boolean failures) {
        this.failures = failures;
    }

    /** These options for a call, with its run id ({@code null} when the run is found or started). */
    SummaryOptions toOptions(@CheckForNull String runId) {
        SummaryOptions options = new SummaryOptions();
        options.runId = runId;
        options.credentialsId = credentialsId;
        options.baseUrl = baseUrl;
        options.source = source;
        options.failThreshold = failThreshold;
        options.failResult = failResult;
        options.missingOutputThreshold = missingOutputThreshold;
        options.missingOutputResult = missingOutputResult;
        options.propagate = propagate;
        options.failures = failures;
        return options;
    }
}
