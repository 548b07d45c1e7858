package io.jenkins.plugins.sampleplatform.compare;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How a test failed: the sorted {@code (output id, produced hash)} pairs of its result files whose
 * {@code got} is set (accepted-variant hashes included, the exit code not part of it), as the platform's
 * {@code build_state} keeps them. Two failing runs of a test "fail identically" when their signatures are
 * equal.
 *
 * <p>A signature can also be {@linkplain #unknown() unknown}: the API source without {@code results:read}
 * cannot read produced hashes. An unknown signature is never equal to anything, itself included; the
 * classifier turns "fails in both" with an unknown side into {@link TestVerdict#FAILING_IN_BOTH}
 * instead of guessing.
 */
public final class Signature implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final Signature UNKNOWN = new Signature(null);
    private static final Signature EMPTY = new Signature(List.of());

    /** The sorted pairs; {@code null} when unknown. */
    private final List<ProducedOutput> outputs;

    private Signature(List<ProducedOutput> outputs) {
        this.outputs = outputs;
    }

    /** The signature of these produced outputs, in any order (duplicates kept, as the platform's tuple does). */
    public static Signature of(Collection<ProducedOutput> produced) {
        if (produced.isEmpty()) {
            return EMPTY;
        }
        List<ProducedOutput> sorted = new ArrayList<>(produced);
        sorted.forEach(o -> Objects.requireNonNull(o, "produced output"));
        Collections.sort(sorted);
        return new Signature(List.copyOf(sorted));
    }

    /** No produced hash recorded (a test that passed, or failed only on its exit code). */
    public static Signature empty() {
        return EMPTY;
    }

    /** The platform's dummy: no result file at all, a non-ignored output expected. */
    public static Signature dummy() {
        return of(List.of(ProducedOutput.dummy()));
    }

    /** The source could not read produced hashes (API token without {@code results:read}). */
    public static Signature unknown() {
        return UNKNOWN;
    }

    public boolean known() {
        return outputs != null;
    }

    /**
     * The sorted pairs.
     *
     * @throws IllegalStateException when the signature is unknown
     */
    public List<ProducedOutput> outputs() {
        if (outputs == null) {
            throw new IllegalStateException("the signature is unknown (the source cannot read output hashes)");
        }
        return outputs;
    }

    /** Whether both are known and equal: the only case that makes two failures identical. */
    public boolean sameBytesAs(Signature other) {
        return known() && other.known() && outputs.equals(other.outputs);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Signature that && Objects.equals(outputs, that.outputs);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(outputs);
    }

    @Override
    public String toString() {
        return outputs == null ? "unknown" : outputs.toString();
    }

    @Serial
    private Object readResolve() {
        return outputs == null ? UNKNOWN : this;
    }
}
