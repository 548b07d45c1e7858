package io.jenkins.plugins.sampleplatform.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception no command handled into one line on standard error and {@link ExitCodes#NO_SUMMARY};
 * the stack trace only with {@code --verbose}.
 */
final class UnexpectedErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception error, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        // Every line through the scrubber: a library's message may quote a secret (the JDK quotes an
        // HTTP header value it refuses, token included).
        err.println("sampleplatform: could not get a summary: "
                + CliSecrets.scrubber().scrub(describe(error)));
        if (command.getParseResult().hasMatchedOption("--verbose")) {
            err.print(CliSecrets.scrubber().stackTrace(error));
        }
        err.flush();
        return ExitCodes.NO_SUMMARY;
    }

    /** The message and, when it adds something, the cause's: the cause often holds the useful part. */
    static String describe(Throwable error) {
        String message = error.getMessage() != null
                ? error.getMessage()
                : error.getClass().getSimpleName();
        Throwable cause = error.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (" + cause.getMessage() + ")";
        }
        return message;
    }
}
