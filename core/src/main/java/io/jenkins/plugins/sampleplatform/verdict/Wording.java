package io.jenkins.plugins.sampleplatform.verdict;

/** Small wording helpers shared by the verdict's reasons and the renderers, so both count alike. */
public final class Wording {

    private Wording() {}

    /** {@code "1 sample"}, {@code "0 samples"}, {@code "3 samples"}. */
    public static String samples(long count) {
        return count + (count == 1 ? " sample" : " samples");
    }
}
