package io.jenkins.plugins.sampleplatform.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * The command line prints only its own documented lines. Libraries that log through
 * {@code java.util.logging} (core's rate-limit gate, the MariaDB driver without SLF4J) would otherwise add
 * lines in the JVM's default format and locale to standard error. This is the JDK's
 * {@code java.util.logging.config.class}: it configures logging only if and when something logs (so a
 * command that logs nothing pays nothing at start-up): off, or with {@code --verbose} their messages from
 * INFO up as {@code sampleplatform: detail: …}, scrubbed of secrets.
 */
public final class QuietLogging {

    /** Set from {@code main} before anything can log. */
    static volatile boolean verbose;

    /** Called by {@link LogManager} when logging is first used. */
    public QuietLogging() throws IOException {
        String config =
                verbose ? "handlers=" + DetailHandler.class.getName() + "\n.level=INFO\n" : "handlers=\n.level=OFF\n";
        LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
    }

    /** Makes {@link LogManager} use this class; call first thing in {@code main}. */
    static void install(boolean verboseOutput) {
        verbose = verboseOutput;
        System.setProperty("java.util.logging.config.class", QuietLogging.class.getName());
        // Without SLF4J the MariaDB driver writes its warnings to stderr itself; send them to
        // java.util.logging, which this class controls.
        System.setProperty("mariadb.logging.fallback", "JDK");
    }

    /** {@code sampleplatform: detail: MESSAGE} on standard error, scrubbed. */
    public static final class DetailHandler extends Handler {
        @Override
        public void publish(LogRecord record) {
            if (record == null || !isLoggable(record)) {
                return;
            }
            String message = record.getMessage();
            if (record.getParameters() != null && message != null) {
                message = java.text.MessageFormat.format(message, record.getParameters());
            }
            System.err.println(
                    "sampleplatform: detail: " + CliSecrets.scrubber().scrub(message));
        }

        @Override
        public void flush() {
            System.err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
