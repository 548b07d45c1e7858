package io.jenkins.plugins.sampleplatform.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.config.RunForms;
import io.jenkins.plugins.sampleplatform.publish.RunChoice;
import io.jenkins.plugins.sampleplatform.publish.RunIdArgument;
import io.jenkins.plugins.sampleplatform.runs.RunQuery;
import io.jenkins.plugins.sampleplatform.wait.RunWaitExecution;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code def s = sampleplatformSummary(runId: 42)}: fetches a run's summary, sets the build result
 * from it and returns it as a map with the API's field names plus {@code result} and {@code reasons}.
 * {@code sampleplatformSummary(commit: env.GIT_COMMIT, platform: 'linux', wait: true)} finds the commit's
 * newest run instead and waits until it is final ({@link RunWaitExecution}).
 *
 * <p>It runs on a background thread, never on the CPS VM thread, so waiting for the network or a
 * rate-limit window holds no Pipeline thread; aborting the build interrupts it at once. A plain call does not
 * resume after a controller restart in the middle of a call (the step fails and can be retried); a waiting
 * one does.
 */
public class SamplePlatformSummaryStep extends SamplePlatformStepOptions {

    private final String runId;
    private final RunChoice choice = new RunChoice();

    /**
     * @param runId the platform's run id; a number or text such as {@code "${env.RUN_ID}"} that holds one; or
     *              {@code null} when the step names a {@link #setCommit commit} instead
     */
    @DataBoundConstructor
    public SamplePlatformSummaryStep(String runId) {
        this.runId = Util.fixEmptyAndTrim(runId);
    }

    public @CheckForNull String getRunId() {
        return runId;
    }

    public @CheckForNull String getCommit() {
        return choice.commit;
    }

    /** Instead of {@code runId}: the newest run of this commit (all 40 hexadecimal digits). */
    @DataBoundSetter
    public void setCommit(String commit) {
        choice.commit = Util.fixEmptyAndTrim(commit);
    }

    public @CheckForNull String getPlatform() {
        return choice.platform;
    }

    /** With {@code commit}: {@code linux} or {@code windows}. */
    @DataBoundSetter
    public void setPlatform(String platform) {
        choice.platform = Util.fixEmptyAndTrim(platform);
    }

    public @CheckForNull String getRepository() {
        return choice.repository;
    }

    /** With {@code commit}: {@code owner/name}. */
    @DataBoundSetter
    public void setRepository(String repository) {
        choice.repository = Util.fixEmptyAndTrim(repository);
    }

    public @CheckForNull String getTestType() {
        return choice.testType;
    }

    /** With {@code commit}: {@code commit} or {@code pr} runs only. */
    @DataBoundSetter
    public void setTestType(String testType) {
        choice.testType = Util.fixEmptyAndTrim(testType);
    }

    public boolean isWait() {
        return choice.wait;
    }

    /** Wait until the run is final, then judge it; no thread is held meanwhile, and a restart does not end it. */
    @DataBoundSetter
    public void setWait(boolean wait) {
        choice.wait = wait;
    }

    public @CheckForNull Integer getTimeoutMinutes() {
        return choice.timeoutMinutes;
    }

    /** With {@code wait}: a limit of the step's own (else Jenkins' {@code timeout} step bounds the wait). */
    @DataBoundSetter
    public void setTimeoutMinutes(Integer timeoutMinutes) {
        choice.timeoutMinutes = timeoutMinutes;
    }

    /**
     * Every form of the step (a run id, a commit's run, with or without waiting) runs asynchronously: the network
     * calls on the plugin's bounded pool, no thread held between them, and a restart carries on from the saved
     * request.
     */
    @Override
    public StepExecution start(StepContext context) throws AbortException {
        RunQuery query = choice.query(runId);
        return RunWaitExecution.summary(context, toOptions(runId), query, choice.wait, choice.timeout());
    }

    @Extension
    @Symbol("sampleplatformSummary")
    public static class DescriptorImpl extends SamplePlatformStepDescriptor implements CustomDescribableModel {

        /** {@code runId: 42} as well as {@code runId: '42'}. */
        @NonNull
        @Override
        public Map<String, Object> customInstantiate(@NonNull Map<String, Object> arguments) {
            return RunIdArgument.numberAsText(arguments);
        }

        @Override
        public String getFunctionName() {
            return "sampleplatformSummary";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.Step_DisplayName();
        }

        @POST
        public FormValidation doCheckRunId(@AncestorInPath Item item, @QueryParameter String value) {
            return RunForms.checkOptionalRunId(item, value);
        }

        @POST
        public ListBoxModel doFillTestTypeItems(@AncestorInPath Item item) {
            return RunForms.testTypeItems(item);
        }
    }
}
