package io.jenkins.plugins.sampleplatform.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import io.jenkins.plugins.sampleplatform.publish.SummaryOptions;
import java.util.ArrayList;
import java.util.List;
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
    private boolean testReport;
    private boolean publishChecks;
    private String checksUnstableConclusion;
    private List<String> compareWith = new ArrayList<>();
    private String verdictOn;
    private String changedFailureResult;
    private boolean diffExcerpts = true;

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

    /** Whether every sample goes into the build's test report (the junit plugin, optional). */
    public boolean isTestReport() {
        return testReport;
    }

    @DataBoundSetter
    public void setTestReport(boolean testReport) {
        this.testReport = testReport;
    }

    /** Whether the verdict is published as a check named {@code Sample Platform (<platform>)} (checks-api, optional). */
    public boolean isPublishChecks() {
        return publishChecks;
    }

    @DataBoundSetter
    public void setPublishChecks(boolean publishChecks) {
        this.publishChecks = publishChecks;
    }

    /** The check's conclusion for an UNSTABLE verdict: {@code NEUTRAL} (the default) or {@code FAILURE}. */
    public @CheckForNull String getChecksUnstableConclusion() {
        return checksUnstableConclusion;
    }

    @DataBoundSetter
    public void setChecksUnstableConclusion(String checksUnstableConclusion) {
        this.checksUnstableConclusion = Util.fixEmptyAndTrim(checksUnstableConclusion);
    }

    /**
     * The references to compare the run with, as one string ({@code master, commit:…}; the snippet generator
     * writes it so, and a form edits it so); {@code null} when there are none.
     */
    public @CheckForNull String getCompareWith() {
        return compareWith.isEmpty() ? null : String.join(", ", compareWith);
    }

    /**
     * Takes one string (references separated by commas, semicolons or white space) or, in Pipeline, a list of
     * strings: {@code compareWith: 'master'}, {@code compareWith: ['master', "commit:${base}"]}.
     *
     * @throws IllegalArgumentException when a reference is not understood, naming it and the accepted forms
     */
    @DataBoundSetter
    public void setCompareWith(Object compareWith) {
        this.compareWith = SummaryOptions.compareWith(compareWith);
    }

    public @CheckForNull String getVerdictOn() {
        return verdictOn;
    }

    /** {@code absolute} (the default) or {@code changes}: judge only what the run changed against the first reference. */
    @DataBoundSetter
    public void setVerdictOn(String verdictOn) {
        this.verdictOn = Util.fixEmptyAndTrim(verdictOn);
    }

    public @CheckForNull String getChangedFailureResult() {
        return changedFailureResult;
    }

    @DataBoundSetter
    public void setChangedFailureResult(String changedFailureResult) {
        this.changedFailureResult = Util.fixEmptyAndTrim(changedFailureResult);
    }

    /** Whether the first lines of the platform's diffs are shown for broken and changed outputs (API mode). */
    public boolean isDiffExcerpts() {
        return diffExcerpts;
    }

    @DataBoundSetter
    public void setDiffExcerpts(boolean diffExcerpts) {
        this.diffExcerpts = diffExcerpts;
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
        options.testReport = testReport;
        options.publishChecks = publishChecks;
        options.checksUnstableConclusion = checksUnstableConclusion;
        options.compareWith = new ArrayList<>(compareWith);
        options.verdictOn = verdictOn;
        options.changedFailureResult = changedFailureResult;
        options.diffExcerpts = diffExcerpts;
        return options;
    }
}
