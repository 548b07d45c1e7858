package io.jenkins.plugins.sampleplatform.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Core's messages in the command line's own terms: its options instead of the policy's property names
 * ({@code failThreshold} is {@code --fail-threshold}) and instead of the advice core gives in Jenkins' words
 * (a credential, {@code wait: true}). Each phrase replaced is one core really says (a test holds it to that).
 */
final class CliWording {

    /** Core's phrase, then the command line's. */
    static final Map<String, String> PHRASES = new LinkedHashMap<>();

    static {
        PHRASES.put(
                "Check the credential: the token may be missing, expired or revoked.",
                "Check the token in --token-file or " + Sources.TOKEN_VARIABLE
                        + ": it may be mistyped, expired or revoked.");
        PHRASES.put("wait for it with wait: true (command line: --wait).", "wait for it with --wait.");
        PHRASES.put("or raise the request timeout.", "or raise --request-timeout.");
        PHRASES.put("; use a credential instead", "; put the token in --token-file or " + Sources.TOKEN_VARIABLE);
    }

    private static final Pattern POLICY_PROPERTY = Pattern.compile(
            "\\b(failThreshold|failResult|missingOutputThreshold|missingOutputResult|unreportedMissingOutputResult"
                    + "|unfinishedResult|canceledResult|runErrorResult|inconsistentCountsResult)\\b");

    private CliWording() {}

    /** {@code message} with core's Jenkins-side words and property names in the command line's terms. */
    static String of(String message) {
        if (message == null) {
            return null;
        }
        String text = message;
        for (Map.Entry<String, String> phrase : PHRASES.entrySet()) {
            text = text.replace(phrase.getKey(), phrase.getValue());
        }
        Matcher property = POLICY_PROPERTY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (property.find()) {
            property.appendReplacement(out, Matcher.quoteReplacement(option(property.group(1))));
        }
        property.appendTail(out);
        return out.toString();
    }

    /** {@code failThreshold} to {@code --fail-threshold}: the verdict options are named after the properties. */
    static String option(String property) {
        return "--" + property.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
