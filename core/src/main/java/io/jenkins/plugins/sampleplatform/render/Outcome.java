package io.jenkins.plugins.sampleplatform.render;

/** What became of a sample, as the renderers name and draw it. */
enum Outcome {
    PASSED("passed", "Passed", "pass"),
    FAILED("failed", "Failed", "fail"),
    NO_OUTPUT("without output", "No output", "missing-output"),
    SKIPPED("skipped", "Skipped", "skipped"),
    /** Samples of {@code total_samples} that no reported count covers (e.g. skipped not reported). */
    UNACCOUNTED("unaccounted for", "Unaccounted for", "unaccounted");

    private final String phrase;
    private final String label;
    private final String countName;

    Outcome(String phrase, String label, String countName) {
        this.phrase = phrase;
        this.label = label;
        this.countName = countName;
    }

    /** How the API's count is called in a sentence: "the missing-output count". */
    String countName() {
        return countName;
    }

    /** For running text after a number: "2 failed", "1 without output". */
    String phrase() {
        return phrase;
    }

    /** For a table row or legend. */
    String label() {
        return label;
    }

    /** A CSS class suffix. */
    String cssName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
