package io.jenkins.plugins.sampleplatform.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The platform's tables that DB mode reads, as portable DDL ({@code platform-schema.sql}): for the demo
 * database, the tests and the benchmark. DB mode itself never creates or changes anything.
 */
public final class PlatformSchema {

    private PlatformSchema() {}

    /** The DDL statements, in order. */
    public static List<String> statements() {
        try (InputStream in = PlatformSchema.class.getResourceAsStream("platform-schema.sql")) {
            if (in == null) {
                throw new IllegalStateException("platform-schema.sql is missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return Arrays.stream(text.split(";"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the tables on {@code connection}. */
    public static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : statements()) {
                statement.execute(ddl);
            }
        }
    }
}
