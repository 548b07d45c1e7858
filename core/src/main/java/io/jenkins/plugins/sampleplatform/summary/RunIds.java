package io.jenkins.plugins.sampleplatform.summary;

/**
 * Validates run ids locally, before any request: the platform accepts 1 to 2147483647 and answers
 * anything else with {@code 400 validation_error}, so there is no point in asking.
 */
public final class RunIds {

    /** The smallest run id the platform accepts. */
    public static final int MIN = 1;
    /** The largest run id the platform accepts. */
    public static final int MAX = Integer.MAX_VALUE;

    private RunIds() {}

    /**
     * Parses a run id typed by a person or expanded from a build variable.
     *
     * @param text the text, surrounding white space allowed
     * @return the run id
     * @throws InvalidRunIdException when the text is empty, not a whole number, or out of range
     */
    public static int parse(String text) throws InvalidRunIdException {
        if (text == null || text.isBlank()) {
            throw new InvalidRunIdException("Run id is empty: give a whole number from " + MIN + " to " + MAX + ".");
        }
        String trimmed = text.strip();
        if (!trimmed.matches("[+-]?\\d+")) {
            throw new InvalidRunIdException("Run id '" + abbreviate(trimmed)
                    + "' is not a whole number: give a number from " + MIN + " to " + MAX + ".");
        }
        long value;
        try {
            value = Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            // More digits than a long holds: far out of range either way.
            value = trimmed.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (value < MIN || value > MAX) {
            throw new InvalidRunIdException(outOfRange(trimmed));
        }
        return (int) value;
    }

    /**
     * Checks a numeric run id.
     *
     * @return the id itself
     * @throws IllegalArgumentException when it is out of range
     */
    public static int check(long runId) {
        if (runId < MIN || runId > MAX) {
            throw new IllegalArgumentException(outOfRange(Long.toString(runId)));
        }
        return (int) runId;
    }

    /**
     * Checks a run id a source was asked for, as every source does before it asks anything.
     *
     * @throws InvalidRunIdException when it is out of range
     */
    public static void require(long runId) throws InvalidRunIdException {
        if (runId < MIN || runId > MAX) {
            throw new InvalidRunIdException(outOfRange(Long.toString(runId)));
        }
    }

    private static String outOfRange(String value) {
        return "Run id " + value + " is out of range: give a number from " + MIN + " to " + MAX + ".";
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
