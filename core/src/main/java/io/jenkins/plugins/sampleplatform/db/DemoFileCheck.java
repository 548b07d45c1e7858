package io.jenkins.plugins.sampleplatform.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a demo database this tool made (of any version) from any other file: a text file, an SQLite database of
 * something else, or a copy of the platform's own database (which has tables the demo never had). Read only.
 */
final class DemoFileCheck {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE TABLE\\s+`?(\\w+)`?");

    private DemoFileCheck() {}

    /** Why {@code file} is not a demo database, or {@code null} when it is one (of this or another version). */
    static String whyNotADemoDatabase(Path file) {
        byte[] header = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            return "it cannot be read (" + e.getMessage() + ")";
        }
        if (read < header.length || !java.util.Arrays.equals(header, SQLITE_HEADER)) {
            return read == 0 ? "it is empty" : "it is not an SQLite database";
        }
        Set<String> tables = tables(file);
        if (tables == null) {
            return "it is a damaged SQLite database";
        }
        if (tables.isEmpty()) {
            return "it is an SQLite database without tables";
        }
        tables.removeAll(demoTables());
        if (!tables.isEmpty()) {
            return "it is an SQLite database with other tables ("
                    + String.join(", ", tables.stream().sorted().limit(3).toList())
                    + (tables.size() > 3 ? ", …" : "") + ")";
        }
        return null;
    }

    /** The file's table names in lower case, or {@code null} when SQLite cannot read them. */
    private static Set<String> tables(Path file) {
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, readOnly.toProperties());
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            Set<String> names = new HashSet<>();
            while (rows.next()) {
                names.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
            return names;
        } catch (SQLException e) {
            return null;
        }
    }

    private static Set<String> demoTables() {
        Set<String> names = new HashSet<>();
        for (String ddl : PlatformSchema.statements()) {
            Matcher table = CREATE_TABLE.matcher(ddl);
            if (table.find()) {
                names.add(table.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
