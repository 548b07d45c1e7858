package io.jenkins.plugins.sampleplatform.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.sampleplatform.PlatformStub;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A Secret text credential whose value an HTTP header cannot carry (a line break, an escape, a second
 * line) fails the build with one clear line naming the credential, and its value is nowhere: not in the
 * log, not in build.xml, and never sent (issue 10).
 */
@WithJenkins
class CredentialTokensTest {

    private static final String TOKEN = "spci_plugin_bad_7e11";

    private PlatformStub platform;
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        platform = new PlatformStub();
        PluginTestSupport.configure(platform);
        platform.summary(PluginTestSupport.PASSING_RUN);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {TOKEN + "\r\n", TOKEN + "\n# a comment", TOKEN + "\u001b[0m", "\u00e9" + TOKEN})
    void aTokenAHeaderCannotCarryFailsTheBuildWithoutShowingIt(String value) throws Exception {
        SystemCredentialsProvider credentials = SystemCredentialsProvider.getInstance();
        credentials
                .getCredentials()
                .add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "bad-token", "bad", Secret.fromString(value)));
        credentials.save();
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p" + System.nanoTime());
        job.setDefinition(new CpsFlowDefinition("sampleplatformSummary(runId: 7, credentialsId: 'bad-token')", true));

        WorkflowRun build = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("The Secret text credential 'bad-token' does not hold a usable API token", build);
        r.assertLogNotContains(TOKEN, build);
        String buildXml = Files.readString(build.getRootDir().toPath().resolve("build.xml"), StandardCharsets.UTF_8);
        assertThat(buildXml).doesNotContain(TOKEN);
        assertThat(platform.authorizations()).as("nothing sent").isEmpty();
    }
}
