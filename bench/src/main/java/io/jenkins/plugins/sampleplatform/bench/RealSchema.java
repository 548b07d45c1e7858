package io.jenkins.plugins.sampleplatform.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The platform's schema exactly as its own models create it (copied from
 * {@code ../shared/data/platform-schema/}): all its tables, and only the indexes the platform has. On
 * SQLite that means no index on {@code regression_test_output.regression_id} nor on
 * {@code regression_test_output_files.regression_test_output_id}.
 */
final class RealSchema {

    private RealSchema() {}

    /** Creates the platform's tables on an empty database. */
    static void create(Connection connection, boolean sqlite) throws SQLException {
        String file = sqlite ? "platform-schema/sqlite.sql" : "platform-schema/mysql.sql";
        String text;
        try (InputStream in = RealSchema.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Statement statement = connection.createStatement()) {
            for (String ddl : text.split(";")) {
                if (!ddl.isBlank()) {
                    statement.execute(ddl.strip());
                }
            }
            if (!sqlite) {
                statement.execute("SET FOREIGN_KEY_CHECKS=1");
            }
        }
    }
}
