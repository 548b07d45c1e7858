package io.jenkins.plugins.sampleplatform.api.ratelimit;

import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies one rate-limit window: a server and a token. The token is kept only as a salted SHA-256
 * digest, so that the registry never holds it in clear (a heap dump of the controller shows no token).
 *
 * @param baseUrl     the API's base URL
 * @param tokenDigest hex SHA-256 of the registry's salt followed by the token
 */
record GateKey(String baseUrl, String tokenDigest) {

    static GateKey of(BaseUrl baseUrl, SecretText token, byte[] salt) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update(token.reveal().getBytes(StandardCharsets.UTF_8));
            return new GateKey(baseUrl.toString(), HexFormat.of().formatHex(sha256.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256, which every Java runtime must have", e);
        }
    }

    @Override
    public String toString() {
        return baseUrl + " (token sha256 " + tokenDigest.substring(0, 12) + "…)";
    }
}
