package io.jenkins.plugins.sampleplatform.cli;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The command line prints only its own documented lines. Libraries that log through
 * {@code java.util.logging} (core's rate-limit gate, the MariaDB driver when SLF4J is absent) would
 * otherwise add lines in the JVM's default format and locale to standard error. With {@code --verbose},
 * their messages from INFO up are shown as {@code sampleplatform: detail: …}, scrubbed of secrets.
 */
final class CliLogging {

    private CliLogging() {}

    static void configure(boolean verbose, PrintStream err) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        if (!verbose) {
            root.setLevel(Level.OFF);
            return;
        }
        root.setLevel(Level.INFO);
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record != null && isLoggable(record)) {
                    String message = record.getMessage();
                    if (record.getParameters() != null && message != null) {
                        message = java.text.MessageFormat.format(message, record.getParameters());
                    }
                    err.println(
                            "sampleplatform: detail: " + CliSecrets.scrubber().scrub(message));
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        });
    }
}
