package io.jenkins.plugins.sampleplatform.publish;

import hudson.AbortException;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.security.ApiTokens;
import io.jenkins.plugins.sampleplatform.security.SecretText;

/**
 * Reads the API token of a Secret text credential strictly, as the command line reads its token file: a
 * value with a line break, a control or a non-ASCII character fails the build with one clear line that
 * names the credential, never its value (the HTTP client would otherwise quote the header, token included).
 */
public final class CredentialTokens {

    private CredentialTokens() {}

    /**
     * @throws AbortException when the credential's value is not a usable token; the message holds no secret
     */
    public static SecretText read(String plainText, String credentialsId) throws AbortException {
        try {
            return ApiTokens.read(plainText, "the Secret text credential '" + credentialsId + "'");
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.Credentials_BadToken(credentialsId, e.getMessage()));
        }
    }
}
