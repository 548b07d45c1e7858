package io.jenkins.plugins.sampleplatform.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one filter every message and stack trace passes before it leaves core, the command line or the
 * plugin: it knows the current secrets (the API token, the database password) and replaces each, and
 * each line-sized piece of one, with {@code ****}. Pieces matter: a token read with a stray line break
 * or control character may be quoted by a library only up to that character.
 *
 * <p>Immutable; {@link #with} gives a scrubber that knows one more secret.
 */
public final class SecretScrubber {

    /** A scrubber that knows no secret: it returns texts as they are. */
    public static final SecretScrubber NONE = new SecretScrubber(List.of());

    private static final String REDACTED = "****";
    /** Shorter pieces of a secret are not scrubbed on their own: "ab" would mangle every message. */
    private static final int MIN_PIECE = 6;

    /** Secrets and their pieces, longest first, so a whole secret is replaced before its pieces. */
    private final List<String> needles;

    private SecretScrubber(List<String> needles) {
        this.needles = needles;
    }

    /** A scrubber for {@code secrets}; {@code null} and empty secrets are ignored. */
    public static SecretScrubber of(SecretText... secrets) {
        SecretScrubber scrubber = NONE;
        for (SecretText secret : secrets) {
            scrubber = scrubber.with(secret);
        }
        return scrubber;
    }

    /** A scrubber that also knows {@code secret} ({@code null} or empty: this one). */
    public SecretScrubber with(SecretText secret) {
        if (secret == null || secret.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(needles);
        String value = secret.reveal();
        all.add(value);
        for (String piece : value.split("[^\\x21-\\x7E]+")) {
            if (piece.length() >= MIN_PIECE && !piece.equals(value)) {
                all.add(piece);
            }
        }
        all.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretScrubber(Collections.unmodifiableList(all));
    }

    /** {@code text} without any secret; {@code null} stays {@code null}. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String needle : needles) {
            result = result.replace(needle, REDACTED);
        }
        return result;
    }

    /** The stack trace of {@code error}, causes and suppressed exceptions included, without any secret. */
    public String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        try (PrintWriter writer = new PrintWriter(text)) {
            error.printStackTrace(writer);
        }
        return scrub(text.toString());
    }

    /**
     * A copy of {@code error}'s chain whose messages hold no secret: same class names (in the message),
     * same stack traces, scrubbed causes and suppressed exceptions. For an exception that must travel on
     * (be thrown to a caller, stored, serialized) rather than be printed.
     */
    public Throwable scrub(Throwable error) {
        return copy(Objects.requireNonNull(error, "error"), new IdentityHashMap<>());
    }

    private Throwable copy(Throwable error, Map<Throwable, Throwable> done) {
        Throwable existing = done.get(error);
        if (existing != null) {
            return existing;
        }
        ScrubbedException copy = new ScrubbedException(error.getClass().getName(), scrub(error.getMessage()));
        done.put(error, copy);
        copy.setStackTrace(error.getStackTrace());
        if (error.getCause() != null) {
            copy.initCause(copy(error.getCause(), done));
        }
        for (Throwable suppressed : error.getSuppressed()) {
            copy.addSuppressed(copy(suppressed, done));
        }
        return copy;
    }

    /** An exception copied without its secrets; {@link #toString} shows the original class. */
    public static final class ScrubbedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String originalClass;

        ScrubbedException(String originalClass, String message) {
            super(message);
            this.originalClass = originalClass;
        }

        /** The class of the exception this copies. */
        public String originalClass() {
            return originalClass;
        }

        @Override
        public String toString() {
            return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
        }
    }
}
