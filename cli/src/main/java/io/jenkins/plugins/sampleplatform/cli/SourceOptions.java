package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.db.DemoDatabase;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where the summary comes from: the API (the default), the platform's database, or the demo database. */
final class SourceOptions {

    @ArgGroup(exclusive = false)
    DatabaseOptions database;

    @ArgGroup(exclusive = false)
    DemoOptions demo;

    /** DB mode. */
    static final class DatabaseOptions {
        @Option(
                names = "--jdbc",
                required = true,
                paramLabel = "URL",
                description = "DB mode: the platform's database, jdbc:mariadb:, jdbc:mysql: or jdbc:sqlite:.")
        String jdbcUrl;

        @Option(names = "--db-user", paramLabel = "USER", description = "DB mode: the database user.")
        String user;

        @Option(
                names = "--db-password-file",
                paramLabel = "FILE",
                description = "DB mode: a file holding the password (else SAMPLEPLATFORM_DB_PASSWORD).")
        Path passwordFile;
    }

    /** The embedded demo database. */
    static final class DemoOptions {
        @Option(
                names = "--demo",
                required = true,
                description = "Use the embedded demo database (created on first use): runs 1 to 8.")
        boolean demo;

        @Option(
                names = "--demo-db",
                paramLabel = "FILE",
                // Each path on a line of its own: help text must not break a path in the middle.
                description = "Where the demo database lives. Default:%n$XDG_DATA_HOME/sampleplatform/demo-v"
                        + DemoDatabase.VERSION + ".db,%nelse ~/.local/share/sampleplatform/demo-v"
                        + DemoDatabase.VERSION
                        + ".db")
        Path file;
    }
}
