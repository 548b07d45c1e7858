package io.jenkins.plugins.sampleplatform.security;

import java.util.Objects;

/**
 * A token or password that must never reach a log, an exception message or a serialized form.
 *
 * <p>{@link #toString()} is redacted; the value is only read through {@link #reveal()}, at the one
 * place that puts it on the wire. Deliberately not {@link java.io.Serializable}.
 */
public final class SecretText {

    private static final String REDACTED = "****";

    private final String value;

    private SecretText(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret.
     *
     * @param value the secret, not {@code null} (an empty value is allowed: a database without a password)
     */
    public static SecretText of(String value) {
        return new SecretText(Objects.requireNonNull(value, "secret value"));
    }

    /** The value in clear; call it only where the value is sent. */
    public String reveal() {
        return value;
    }

    /** Whether the secret is the empty string. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /**
     * Removes every occurrence of this secret from a text, for messages that quote foreign input
     * (a server's error body, a driver's exception) which might echo it back.
     */
    public String scrub(String text) {
        if (text == null || value.isEmpty()) {
            return text;
        }
        return text.replace(value, REDACTED);
    }

    @Override
    public String toString() {
        return REDACTED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretText that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
