package io.jenkins.plugins.sampleplatform.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}, shared by {@code summary} and {@code run}. */
final class VerboseOption {

    @Option(
            names = "--verbose",
            description = "Say what listing every sample cost (JUnit report); on errors, also print the stack trace"
                    + " (never secrets).")
    boolean on;
}
