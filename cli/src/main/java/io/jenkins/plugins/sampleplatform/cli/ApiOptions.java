package io.jenkins.plugins.sampleplatform.cli;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** API mode's token and timeouts. */
final class ApiOptions {

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "A file holding the API token (else SAMPLEPLATFORM_TOKEN). Never give the token itself.")
    Path tokenFile;

    /** Only there to refuse it without echoing the value: argv shows in process lists and shell history. */
    @Option(names = "--token", hidden = true, arity = "0..1", fallbackValue = "")
    String tokenArgument;

    /** Same as {@link #tokenArgument}, for the database password. */
    @Option(
            names = {"--db-password", "--password"},
            hidden = true,
            arity = "0..1",
            fallbackValue = "")
    String passwordArgument;

    @Option(
            names = "--connect-timeout",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            defaultValue = "10s",
            description = "Connection timeout (default: ${DEFAULT-VALUE}); seconds, or 30s, 2m, 1h.")
    Duration connectTimeout;

    @Option(
            names = "--request-timeout",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            defaultValue = "2m",
            description = "Time for one request (default: ${DEFAULT-VALUE}); a large run's summary can take"
                    + " the platform a minute.")
    Duration requestTimeout;

    @Option(
            names = "--max-wait",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            defaultValue = "90s",
            description = "Longest single wait: for the token's next rate-limit window, or before a retry"
                    + " (default: ${DEFAULT-VALUE}). A window that opens later ends the command at once,"
                    + " saying when it opens.")
    Duration maxWait;

    @Option(
            names = "--total-budget",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            defaultValue = "5m",
            description = "Time for the whole call, retries included (default: ${DEFAULT-VALUE}).")
    Duration totalBudget;
}
