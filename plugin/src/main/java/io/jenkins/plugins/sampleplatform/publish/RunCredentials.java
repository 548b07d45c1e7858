package io.jenkins.plugins.sampleplatform.publish;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Finds the credentials a build asks for, in the build's own context (folder credentials and the
 * build's authentication apply), and records their use with credentials tracking.
 */
final class RunCredentials {

    private RunCredentials() {}

    /** The API token of a Secret text credential. */
    static SecretText token(Run<?, ?> run, String credentialsId, String baseUrl) throws AbortException {
        StringCredentials credentials = CredentialsProvider.findCredentialById(
                credentialsId,
                StringCredentials.class,
                run,
                URIRequirementBuilder.fromUri(baseUrl).build());
        if (credentials == null) {
            throw new AbortException(Messages.Credentials_Missing(credentialsId, Messages.Credentials_SecretText()));
        }
        CredentialsProvider.track(run, credentials);
        return CredentialTokens.read(credentials.getSecret().getPlainText(), credentialsId);
    }

    /** The user name and password of the database credential. */
    static StandardUsernamePasswordCredentials database(Run<?, ?> run, String credentialsId) throws AbortException {
        StandardUsernamePasswordCredentials credentials =
                CredentialsProvider.findCredentialById(credentialsId, StandardUsernamePasswordCredentials.class, run);
        if (credentials == null) {
            throw new AbortException(
                    Messages.Credentials_Missing(credentialsId, Messages.Credentials_UsernamePassword()));
        }
        CredentialsProvider.track(run, credentials);
        return credentials;
    }
}
