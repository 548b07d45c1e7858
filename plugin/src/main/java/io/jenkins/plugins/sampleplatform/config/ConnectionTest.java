package io.jenkins.plugins.sampleplatform.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.api.ratelimit.RateLimitGates;
import io.jenkins.plugins.sampleplatform.publish.CredentialTokens;
import io.jenkins.plugins.sampleplatform.publish.SummarySources;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.InvalidRunIdException;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.RunNotFoundException;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.time.Duration;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The global configuration's "Test connection" button. The caller has checked {@code ADMINISTER}.
 * It asks for one run without retries beyond a short budget, so the form answers quickly.
 */
final class ConnectionTest {

    // Only credentials that builds can use (not SYSTEM-scoped): a test that passes must mean builds work.
    private static final Duration BUDGET = Duration.ofSeconds(15);

    private ConnectionTest() {}

    static FormValidation run(
            String baseUrlText, String credentialsId, String testRunId, SamplePlatformConfiguration config) {
        BaseUrl baseUrl;
        int runId;
        try {
            baseUrl = BaseUrl.parse(baseUrlText);
            runId = Util.fixEmptyAndTrim(testRunId) == null ? 1 : RunIds.parse(testRunId);
        } catch (IllegalArgumentException | InvalidRunIdException e) {
            return FormValidation.error(e.getMessage());
        }
        String id = Util.fixEmptyAndTrim(credentialsId);
        if (id == null) {
            return FormValidation.error(Messages.Credentials_NoneConfigured());
        }
        StringCredentials credentials = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(
                        StringCredentials.class,
                        Jenkins.get(),
                        ACL.SYSTEM2,
                        URIRequirementBuilder.fromUri(baseUrl.toString()).build()),
                CredentialsMatchers.allOf(CredentialsMatchers.withId(id), CredentialsForms.USABLE_BY_BUILDS));
        if (credentials == null) {
            return FormValidation.error(Messages.Credentials_NotFound());
        }
        SecretText token;
        try {
            token = CredentialTokens.read(credentials.getSecret().getPlainText(), id);
        } catch (hudson.AbortException e) {
            return FormValidation.error(e.getMessage());
        }
        // The button's request counts against the token's window like a build's, so it takes its turn too.
        SamplePlatformClient client = SamplePlatformClient.builder(baseUrl, token)
                .httpClient(SummarySources.httpClient(config))
                .requestGate(RateLimitGates.shared(baseUrl, token))
                .requestTimeout(config.requestTimeout())
                .maxWait(BUDGET)
                .totalBudget(BUDGET)
                .build();
        try {
            RunSummary summary = client.fetch(runId);
            return FormValidation.ok(Messages.ConnectionTest_Ok(runId, summary.totalSamples()));
        } catch (RunNotFoundException e) {
            // The server checked the token before it looked for the run: the connection works.
            return FormValidation.ok(Messages.ConnectionTest_OkNoRun(runId));
        } catch (SummaryException e) {
            return FormValidation.error(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FormValidation.error(Messages.ConnectionTest_Interrupted());
        }
    }
}
