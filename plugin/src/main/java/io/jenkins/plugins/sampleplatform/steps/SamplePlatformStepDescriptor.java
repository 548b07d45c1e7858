package io.jenkins.plugins.sampleplatform.steps;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.sampleplatform.config.CredentialsForms;
import io.jenkins.plugins.sampleplatform.config.JobForms;
import io.jenkins.plugins.sampleplatform.config.RunForms;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The form methods both Pipeline steps share, for the options of {@link SamplePlatformStepOptions} and the
 * run's commit, platform and repository. Jenkins ({@code Descriptor} looks its {@code doCheck}/{@code doFill}
 * methods up with {@code getMethods()}) and Stapler (its {@code ClassDescriptor} walks the superclasses) both
 * find them here; public, since they are called by reflection. Each checks the job's permission in the
 * helper it calls ({@link JobForms}, {@link RunForms}, {@link CredentialsForms}).
 */
public abstract class SamplePlatformStepDescriptor extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class);
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
    public FormValidation doCheckBaseUrl(@AncestorInPath Item item, @QueryParameter String value) {
        return JobForms.checkBaseUrl(item, value);
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
    public FormValidation doCheckFailThreshold(@AncestorInPath Item item, @QueryParameter String value) {
        return JobForms.checkThreshold(item, value);
    }

    @POST
    public FormValidation doCheckMissingOutputThreshold(@AncestorInPath Item item, @QueryParameter String value) {
        return JobForms.checkThreshold(item, value);
    }

    @POST
    public FormValidation doCheckTimeoutMinutes(@AncestorInPath Item item, @QueryParameter String value) {
        return JobForms.checkThreshold(item, value);
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
    public FormValidation doCheckRepository(@AncestorInPath Item item, @QueryParameter String value) {
        return RunForms.checkRepository(item, value);
    }
}
