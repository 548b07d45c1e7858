package io.jenkins.plugins.sampleplatform.verdict;

import java.util.Arrays;
import java.util.Locale;

/** What a verdict counts: the run's own failures, or what the run changed against a reference run. */
public enum VerdictBasis {
    /** Every failed sample and every sample without output counts (the default, the verdict of old). */
    ABSOLUTE,
    /** Only samples broken here, and samples failing differently, relative to the first available reference. */
    CHANGES;

    /** The name as the command line and Pipeline take it: {@code absolute} or {@code changes}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code absolute} or {@code changes} (any case, surrounding white space ignored).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static VerdictBasis parse(String text) {
        String value = text == null ? "" : text.strip();
        for (VerdictBasis basis : values()) {
            if (basis.wireValue().equalsIgnoreCase(value)) {
                return basis;
            }
        }
        throw new IllegalArgumentException("verdictOn must be one of "
                + Arrays.stream(values()).map(VerdictBasis::wireValue).toList() + ", was '" + value + "'");
    }
}
