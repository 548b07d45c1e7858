package io.jenkins.plugins.sampleplatform.freestyle;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.config.CredentialsForms;
import io.jenkins.plugins.sampleplatform.config.JobForms;
import io.jenkins.plugins.sampleplatform.config.RunForms;
import io.jenkins.plugins.sampleplatform.publish.RunChoice;
import io.jenkins.plugins.sampleplatform.publish.RunIdArgument;
import io.jenkins.plugins.sampleplatform.publish.SummaryOptions;
import io.jenkins.plugins.sampleplatform.publish.SummaryPublisher;
import io.jenkins.plugins.sampleplatform.runs.RunQuery;
import java.io.IOException;
import java.util.Map;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle post-build action "Publish Sample Platform summary" (also usable as
 * {@code step([$class: 'SamplePlatformRecorder', runId: '42'])}). The run id may hold build variables
 * and parameters such as {@code ${SAMPLE_PLATFORM_RUN_ID}}; they are expanded, then validated.
 * It needs no workspace and no agent: all it does is one HTTP call or one query from the controller.
 */
public class SamplePlatformRecorder extends Recorder implements SimpleBuildStep {

    private final String runId;
    private String credentialsId;
    private String baseUrl;
    private String source;
    private Integer failThreshold;
    private String failResult;
    private Integer missingOutputThreshold;
    private String missingOutputResult;
    private boolean propagate = true;
    private boolean failures = true;
    private String commit;
    private String platform;
    private String repository;
    private String testType;
    private boolean wait;
    private Integer timeoutMinutes;

    /**
     * @param runId the platform's run id; a number or a build variable such as {@code ${SAMPLE_PLATFORM_RUN_ID}};
     *              empty when a {@link #setCommit commit} names the run
     */
    @DataBoundConstructor
    public SamplePlatformRecorder(String runId) {
        this.runId = Util.fixEmptyAndTrim(runId);
    }

    public @CheckForNull String getRunId() {
        return runId;
    }

    public @CheckForNull String getCommit() {
        return commit;
    }

    /** Instead of the run id: the newest run of this commit; build variables such as {@code ${GIT_COMMIT}} work. */
    @DataBoundSetter
    public void setCommit(String commit) {
        this.commit = Util.fixEmptyAndTrim(commit);
    }

    public @CheckForNull String getPlatform() {
        return platform;
    }

    @DataBoundSetter
    public void setPlatform(String platform) {
        this.platform = Util.fixEmptyAndTrim(platform);
    }

    public @CheckForNull String getRepository() {
        return repository;
    }

    @DataBoundSetter
    public void setRepository(String repository) {
        this.repository = Util.fixEmptyAndTrim(repository);
    }

    public @CheckForNull String getTestType() {
        return testType;
    }

    @DataBoundSetter
    public void setTestType(String testType) {
        this.testType = Util.fixEmptyAndTrim(testType);
    }

    public boolean isWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    public @CheckForNull Integer getTimeoutMinutes() {
        return timeoutMinutes;
    }

    /** With {@code wait}: the longest wait in minutes (freestyle has no timeout step); empty for 30. */
    @DataBoundSetter
    public void setTimeoutMinutes(Integer timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

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

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        SummaryOptions options = new SummaryOptions();
        options.runId = runId == null ? null : env.expand(runId);
        options.credentialsId = credentialsId;
        options.baseUrl = baseUrl == null ? null : env.expand(baseUrl);
        options.source = source;
        options.failThreshold = failThreshold;
        options.failResult = failResult;
        options.missingOutputThreshold = missingOutputThreshold;
        options.missingOutputResult = missingOutputResult;
        options.propagate = propagate;
        options.failures = failures;
        RunQuery query = new RunChoice()
                .query(
                        options.runId,
                        commit == null ? null : env.expand(commit),
                        platform,
                        repository == null ? null : env.expand(repository),
                        testType);
        if (query != null || wait) {
            options.runId = FreestyleWait.resolve(run, listener, options, query, wait, timeoutMinutes);
            if (options.runId == null) {
                return;
            }
        }
        SummaryPublisher.publish(run, listener, options);
    }

    @Extension
    @Symbol("sampleplatformSummaryRecorder")
    public static class DescriptorImpl extends BuildStepDescriptor<Publisher> implements CustomDescribableModel {

        /** {@code step([$class: 'SamplePlatformRecorder', runId: 42])} as well as {@code runId: '42'}. */
        @NonNull
        @Override
        public Map<String, Object> customInstantiate(@NonNull Map<String, Object> arguments) {
            return RunIdArgument.numberAsText(arguments);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.Recorder_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(
                @AncestorInPath Item item, @QueryParameter String credentialsId, @QueryParameter String baseUrl) {
            return CredentialsForms.fillTokenItems(item, credentialsId, baseUrl);
        }

        @POST
        public FormValidation doCheckCredentialsId(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String baseUrl) {
            return CredentialsForms.checkTokenId(item, value, baseUrl);
        }

        @POST
        public ListBoxModel doFillSourceItems(@AncestorInPath Item item) {
            return JobForms.sourceItems(item);
        }

        @POST
        public ListBoxModel doFillFailResultItems(@AncestorInPath Item item) {
            return JobForms.resultItems(item);
        }

        @POST
        public ListBoxModel doFillMissingOutputResultItems(@AncestorInPath Item item) {
            return JobForms.resultItems(item);
        }

        @POST
        public FormValidation doCheckRunId(@AncestorInPath Item item, @QueryParameter String value) {
            return RunForms.checkOptionalRunId(item, value);
        }

        @POST
        public FormValidation doCheckCommit(@AncestorInPath Item item, @QueryParameter String value) {
            return RunForms.checkCommit(item, value);
        }

        @POST
        public ListBoxModel doFillPlatformItems(@AncestorInPath Item item) {
            return RunForms.platformItems(item);
        }

        @POST
        public ListBoxModel doFillTestTypeItems(@AncestorInPath Item item) {
            return RunForms.testTypeItems(item);
        }

        @POST
        public FormValidation doCheckRepository(@AncestorInPath Item item, @QueryParameter String value) {
            return RunForms.checkRepository(item, value);
        }

        @POST
        public FormValidation doCheckTimeoutMinutes(@AncestorInPath Item item, @QueryParameter String value) {
            return JobForms.checkThreshold(item, value);
        }

        @POST
        public FormValidation doCheckBaseUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return JobForms.checkBaseUrl(item, value);
        }

        @POST
        public FormValidation doCheckFailThreshold(@AncestorInPath Item item, @QueryParameter String value) {
            return JobForms.checkThreshold(item, value);
        }

        @POST
        public FormValidation doCheckMissingOutputThreshold(@AncestorInPath Item item, @QueryParameter String value) {
            return JobForms.checkThreshold(item, value);
        }
    }
}
