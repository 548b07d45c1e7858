package io.jenkins.plugins.sampleplatform.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.HostnameSpecification;
import hudson.model.ModelObject;
import hudson.model.Result;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.sampleplatform.PlatformStub;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Which credentials the forms offer and builds find: what builds can use, in their folder, for their URL. */
@WithJenkins
class CredentialsScopeTest {

    private PlatformStub platform;
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        platform = new PlatformStub();
        PluginTestSupport.configure(platform);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private static StringCredentialsImpl token(CredentialsScope scope, String id) {
        return new StringCredentialsImpl(scope, id, id, Secret.fromString(PlatformStub.TOKEN));
    }

    private static CredentialsStore storeOf(ModelObject context) {
        for (CredentialsStore store : CredentialsProvider.lookupStores(context)) {
            if (store.getContext() == context) {
                return store;
            }
        }
        throw new AssertionError("no credentials store in " + context.getDisplayName());
    }

    private WorkflowRun run(WorkflowJob job, String script, Result expected) throws Exception {
        job.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertStatus(expected, job);
    }

    @Test
    void theGlobalFormsOfferOnlyWhatBuildsCanUse() throws Exception {
        storeOf(r.jenkins).addCredentials(Domain.global(), token(CredentialsScope.SYSTEM, "system-only"));
        SamplePlatformConfiguration config = SamplePlatformConfiguration.get();

        assertThat(config.doFillCredentialsIdItems("", platform.baseUrl()))
                .extracting(o -> o.value)
                .contains(PluginTestSupport.CREDENTIALS_ID)
                .doesNotContain("system-only");
        FormValidation check = config.doCheckCredentialsId("system-only", platform.baseUrl());
        assertThat(check.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(check.getMessage()).contains("System scope");
        assertThat(config.doTestConnection(platform.baseUrl(), "system-only", "42").kind)
                .isEqualTo(FormValidation.Kind.ERROR);
        assertThat(platform.authorizations()).isEmpty();

        // A build indeed cannot use it: what the form refuses is what a build would fail on.
        config.setCredentialsId("system-only");
        WorkflowRun build = run(
                r.jenkins.createProject(WorkflowJob.class, "sys"), "sampleplatformSummary(runId: 42)", Result.FAILURE);
        r.assertLogContains("Credentials 'system-only' not found", build);
    }

    @Test
    void theGlobalListFollowsTheUrlBeingEdited() throws Exception {
        Domain platformHost = new Domain(
                "platform",
                "the Sample Platform only",
                List.of(new HostnameSpecification("platform.example.org", null)));
        storeOf(r.jenkins).addDomain(platformHost, token(CredentialsScope.GLOBAL, "platform-only"));
        SamplePlatformConfiguration config = SamplePlatformConfiguration.get();
        // The saved URL is the loopback stub; the form's field says otherwise.
        assertThat(config.doFillCredentialsIdItems("", "https://platform.example.org/api/v1"))
                .extracting(o -> o.value)
                .contains("platform-only");
        assertThat(config.doFillCredentialsIdItems("", "https://elsewhere.example.net/api/v1"))
                .extracting(o -> o.value)
                .doesNotContain("platform-only");
        assertThat(config.doCheckCredentialsId("platform-only", "https://elsewhere.example.net/api/v1").kind)
                .isEqualTo(FormValidation.Kind.ERROR);
        assertThat(config.doCheckCredentialsId("platform-only", "https://platform.example.org/api/v1").kind)
                .isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    void folderCredentialsServeTheFoldersJobsOnly() throws Exception {
        Folder team = r.jenkins.createProject(Folder.class, "team");
        storeOf(team).addCredentials(Domain.global(), token(CredentialsScope.GLOBAL, "team-token"));
        platform.summary(PluginTestSupport.PASSING_RUN);

        WorkflowJob inside = team.createProject(WorkflowJob.class, "inside");
        run(inside, "sampleplatformSummary(runId: 7, credentialsId: 'team-token')", Result.SUCCESS);
        assertThat(platform.authorizations()).containsExactly("Bearer " + PlatformStub.TOKEN);

        WorkflowJob outside = r.jenkins.createProject(WorkflowJob.class, "outside");
        WorkflowRun refused =
                run(outside, "sampleplatformSummary(runId: 7, credentialsId: 'team-token')", Result.FAILURE);
        r.assertLogContains("Credentials 'team-token' not found", refused);
        assertThat(platform.authorizations()).hasSize(1);
    }
}
