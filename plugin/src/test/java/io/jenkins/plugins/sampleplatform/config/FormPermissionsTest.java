package io.jenkins.plugins.sampleplatform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AccessDeniedException3;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.sampleplatform.PlatformStub;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import io.jenkins.plugins.sampleplatform.freestyle.SamplePlatformRecorder;
import io.jenkins.plugins.sampleplatform.steps.SamplePlatformSummaryStep;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** What a user who may only read learns from the forms: nothing about credentials, and no connection tests. */
@WithJenkins
class FormPermissionsTest {

    private PlatformStub platform;
    private JenkinsRule r;
    private FreeStyleProject project;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        platform = new PlatformStub();
        PluginTestSupport.configure(platform);
        project = r.createFreeStyleProject("job");
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE, Item.EXTENDED_READ)
                .everywhere()
                .to("developer"));
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private static ACLContext as(String user) {
        return ACL.as2(User.getById(user, true).impersonate2());
    }

    @Test
    void aReaderSeesOnlyTheCurrentValue() {
        SamplePlatformRecorder.DescriptorImpl descriptor =
                r.jenkins.getDescriptorByType(SamplePlatformRecorder.DescriptorImpl.class);
        try (ACLContext ignored = as("reader")) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems(project, "typed-by-hand", null);
            assertThat(items).extracting(o -> o.value).containsExactly("typed-by-hand");
            assertThat(descriptor.doCheckCredentialsId(project, "does-not-exist", null).kind)
                    .isEqualTo(FormValidation.Kind.OK);
        }
        try (ACLContext ignored = as("developer")) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems(project, "", null);
            assertThat(items).extracting(o -> o.value).contains(PluginTestSupport.CREDENTIALS_ID);
            assertThat(descriptor.doCheckCredentialsId(project, "does-not-exist", null).kind)
                    .isEqualTo(FormValidation.Kind.ERROR);
        }
    }

    @Test
    void stepFormsAnswerOnlyThoseWhoMaySeeTheJobConfiguration() {
        SamplePlatformSummaryStep.DescriptorImpl descriptor =
                r.jenkins.getDescriptorByType(SamplePlatformSummaryStep.DescriptorImpl.class);
        try (ACLContext ignored = as("reader")) {
            assertThat(descriptor.doFillSourceItems(project)).isEmpty();
            assertThat(descriptor.doCheckRunId(project, "abc").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckBaseUrl(project, "ftp://x").kind).isEqualTo(FormValidation.Kind.OK);
        }
        try (ACLContext ignored = as("developer")) {
            assertThat(descriptor.doFillSourceItems(project))
                    .extracting(o -> o.value)
                    .containsExactly("", "api", "database");
            assertThat(descriptor.doCheckRunId(project, "abc").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckRunId(project, "${RUN_ID}").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckBaseUrl(project, "ftp://x").kind).isEqualTo(FormValidation.Kind.ERROR);
        }
    }

    @Test
    void readOnlyUsersAndThePipelineSyntaxPageSeeTheFixedChoices() {
        boolean extendedRead = Item.EXTENDED_READ.getEnabled();
        boolean systemRead = Jenkins.SYSTEM_READ.getEnabled();
        Item.EXTENDED_READ.setEnabled(true);
        Jenkins.SYSTEM_READ.setEnabled(true);
        try {
            r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                    .grant(Jenkins.READ, Item.READ, Item.EXTENDED_READ)
                    .everywhere()
                    .to("viewer")
                    .grant(Jenkins.READ, Jenkins.SYSTEM_READ)
                    .everywhere()
                    .to("auditor")
                    .grant(Jenkins.READ)
                    .everywhere()
                    .to("reader"));
            SamplePlatformSummaryStep.DescriptorImpl step =
                    r.jenkins.getDescriptorByType(SamplePlatformSummaryStep.DescriptorImpl.class);
            try (ACLContext ignored = as("viewer")) {
                assertThat(step.doFillPlatformItems(project))
                        .extracting(o -> o.value)
                        .containsExactly("", "linux", "windows");
                assertThat(step.doFillTestTypeItems(project))
                        .extracting(o -> o.value)
                        .containsExactly("", "commit", "pr");
                assertThat(step.doFillSourceItems(project))
                        .extracting(o -> o.value)
                        .containsExactly("", "api", "database");
                assertThat(step.doCheckRunId(project, "abc").kind)
                        .as("checks stay with those who may configure")
                        .isEqualTo(FormValidation.Kind.OK);
            }
            try (ACLContext ignored = as("reader")) {
                // The controller's /pipeline-syntax: no job in the path.
                assertThat(step.doFillPlatformItems(null))
                        .extracting(o -> o.value)
                        .containsExactly("", "linux", "windows");
                assertThat(step.doFillPlatformItems(project))
                        .as("not the job's configuration")
                        .isEmpty();
                assertThatThrownBy(() -> SamplePlatformConfiguration.get().doFillDefaultSourceItems())
                        .isInstanceOf(AccessDeniedException3.class);
            }
            try (ACLContext ignored = as("auditor")) {
                assertThat(SamplePlatformConfiguration.get().doFillDefaultSourceItems())
                        .extracting(o -> o.value)
                        .containsExactly("api", "database");
            }
        } finally {
            Item.EXTENDED_READ.setEnabled(extendedRead);
            Jenkins.SYSTEM_READ.setEnabled(systemRead);
        }
    }

    @Test
    void globalFormsNeedAdminister() {
        SamplePlatformConfiguration config = SamplePlatformConfiguration.get();
        try (ACLContext ignored = as("developer")) {
            assertThat(config.doFillCredentialsIdItems("", platform.baseUrl()))
                    .extracting(o -> o.value)
                    .containsExactly("");
            assertThatThrownBy(
                            () -> config.doTestConnection(platform.baseUrl(), PluginTestSupport.CREDENTIALS_ID, "42"))
                    .isInstanceOf(AccessDeniedException3.class);
            assertThatThrownBy(() -> config.doCheckBaseUrl("http://x")).isInstanceOf(AccessDeniedException3.class);
        }
        assertThat(platform.authorizations()).isEmpty();
        try (ACLContext ignored = as("admin")) {
            platform.summary(PluginTestSupport.FAILING_RUN);
            FormValidation ok = config.doTestConnection(platform.baseUrl(), PluginTestSupport.CREDENTIALS_ID, "42");
            assertThat(ok.kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(ok.getMessage()).doesNotContain(PlatformStub.TOKEN);
        }
    }

    @Test
    void testConnectionReportsAWrongToken() {
        platform.answer(
                401,
                "{\"code\":\"unauthorized\",\"message\":\"Bearer token is missing, expired, or invalid.\",\"details\":{}}",
                java.util.Map.of());
        try (ACLContext ignored = as("admin")) {
            FormValidation result = SamplePlatformConfiguration.get()
                    .doTestConnection(platform.baseUrl(), PluginTestSupport.CREDENTIALS_ID, "");
            assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(result.getMessage()).doesNotContain(PlatformStub.TOKEN);
        }
    }
}
