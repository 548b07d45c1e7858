package io.jenkins.plugins.sampleplatform.cli;

import java.util.List;
import picocli.CommandLine.ParseResult;

/**
 * Refuses options that would do nothing in the mode chosen, like other contradictory options: a user who gives
 * {@code --timeout} without {@code --wait}, or {@code --url} with {@code --demo}, expects an effect that would
 * silently not happen.
 */
final class IdleOptions {

    /** The options only API mode reads. */
    private static final List<String> API_ONLY =
            List.of("--token-file", "--connect-timeout", "--request-timeout", "--max-wait", "--total-budget");

    private IdleOptions() {}

    /**
     * @param demo     whether {@code --demo} was given
     * @param database whether {@code --jdbc} was given
     */
    static void refuse(ParseResult given, boolean wait, boolean demo, boolean database) throws UsageException {
        if (!wait) {
            for (String option : List.of("--timeout", "--poll-interval")) {
                if (given.hasMatchedOption(option)) {
                    throw new UsageException(option + " goes with --wait: without it the command does not wait.");
                }
            }
        }
        if (demo && given.hasMatchedOption("--url")) {
            throw new UsageException("--url does nothing with --demo: the demo database has no platform to link to.");
        }
        if (demo || database) {
            for (String option : API_ONLY) {
                if (given.hasMatchedOption(option)) {
                    throw new UsageException(option + " is for the platform's API; it does nothing with "
                            + (demo ? "--demo" : "--jdbc") + ".");
                }
            }
        }
    }
}
