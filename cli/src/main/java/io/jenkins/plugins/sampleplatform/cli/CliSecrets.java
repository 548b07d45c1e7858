package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.security.SecretScrubber;
import io.jenkins.plugins.sampleplatform.security.SecretText;

/**
 * The secrets this process has read (the API token, the database password), so that every line the
 * command line prints passes one {@link SecretScrubber} that knows them. One process, one set of secrets.
 */
final class CliSecrets {

    private static volatile SecretScrubber scrubber = SecretScrubber.NONE;

    private CliSecrets() {}

    /** Remembers {@code secret} (null or empty: nothing) and returns it. */
    static SecretText remember(SecretText secret) {
        synchronized (CliSecrets.class) {
            scrubber = scrubber.with(secret);
        }
        return secret;
    }

    /** Remembers a secret read raw, before it was checked: its lines are scrubbed too. */
    static void rememberRaw(String raw) {
        if (raw != null && !raw.isEmpty()) {
            remember(SecretText.of(raw));
        }
    }

    /** The scrubber for everything printed. */
    static SecretScrubber scrubber() {
        return scrubber;
    }
}
