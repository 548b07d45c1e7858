package io.jenkins.plugins.sampleplatform.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@link RequestGate}'s non-blocking answer ({@link RequestGate#tryAcquire}): send now, not before a time,
 * or not within the caller's deadline at all.
 */
public final class Admission {

    /** The kinds of answer. */
    public enum Kind {
        /** The request may be sent now; the gate counts it against the window until its answer comes. */
        ADMITTED,
        /** Not yet: ask again, with the same ticket, not before {@link #notBefore()}; the place in line is kept. */
        DEFERRED,
        /** The gate can already see that the request cannot go before the caller's deadline. */
        NEVER
    }

    private static final Admission ADMITTED = new Admission(Kind.ADMITTED, null);
    private static final Admission NEVER = new Admission(Kind.NEVER, null);

    private final Kind kind;
    private final Instant notBefore;

    private Admission(Kind kind, Instant notBefore) {
        this.kind = kind;
        this.notBefore = notBefore;
    }

    public static Admission admitted() {
        return ADMITTED;
    }

    public static Admission deferred(Instant notBefore) {
        return new Admission(Kind.DEFERRED, Objects.requireNonNull(notBefore, "notBefore"));
    }

    public static Admission never() {
        return NEVER;
    }

    public Kind kind() {
        return kind;
    }

    /** When to ask again ({@link Kind#DEFERRED} only, else {@code null}). */
    public Instant notBefore() {
        return notBefore;
    }

    @Override
    public String toString() {
        return kind == Kind.DEFERRED ? "DEFERRED until " + notBefore : kind.name();
    }
}
