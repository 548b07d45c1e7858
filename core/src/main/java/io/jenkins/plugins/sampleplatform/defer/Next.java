package io.jenkins.plugins.sampleplatform.defer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What a {@link DeferrableTask} says after one slice: done, or run me again at a time. */
public final class Next {

    private static final Next DONE = new Next(null);

    private final Instant at;

    private Next(Instant at) {
        this.at = at;
    }

    /** The task has finished; nothing is scheduled. */
    public static Next done() {
        return DONE;
    }

    /** Run the task again, not before {@code at} (a time past means as soon as possible). */
    public static Next at(Instant at) {
        return new Next(Objects.requireNonNull(at, "at"));
    }

    /** When to run again; empty when done. */
    public Optional<Instant> when() {
        return Optional.ofNullable(at);
    }

    @Override
    public String toString() {
        return at == null ? "done" : "again at " + at;
    }
}
