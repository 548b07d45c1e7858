package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.render.ConsoleFailures;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --failures N}, shared by {@code summary} and {@code run}: how many failing samples to list. */
final class FailuresOption {

    @Option(
            names = "--failures",
            paramLabel = "N",
            description = "List up to N failing samples (default: 10 in text, 50 in html and markdown, all in json;"
                    + " 0 leaves them out). Costs 2 API requests for up to 100, more only beyond 100.")
    Integer failures;

    /**
     * {@code --failures}, or the format's default.
     *
     * @throws CommandLine.ParameterException when it is negative
     */
    int limit(SummaryCommand.Format format, CommandSpec spec) {
        if (failures != null) {
            if (failures < 0) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--failures must be 0 or more, was " + failures);
            }
            return failures;
        }
        return switch (format) {
            case text -> ConsoleFailures.LOG_DEFAULT;
            case html, html_page, markdown -> 50;
            case json -> Integer.MAX_VALUE;
            case junit -> 0; // the report lists every sample itself
        };
    }
}
