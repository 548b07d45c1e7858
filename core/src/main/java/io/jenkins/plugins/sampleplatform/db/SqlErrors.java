package io.jenkins.plugins.sampleplatform.db;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a driver's {@link SQLException} into a {@link DatabaseException} that says what to do. */
final class SqlErrors {

    private static final Pattern MYSQL_MISSING = Pattern.compile("(?:Table|Unknown column) '([^']+)'");
    private static final Pattern SQLITE_MISSING = Pattern.compile("no such (table|column): ([\\w.`\"]+)");

    private SqlErrors() {}

    static DatabaseException translate(SQLException e, DatabaseSettings settings) {
        String where = Connections.driverUrl(settings.displayUrl());
        String message = scrub(String.valueOf(e.getMessage()), settings);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        String lower = message.toLowerCase(Locale.ROOT);

        if (code == 1045 || code == 1044 || code == 1142 || state.startsWith("28")) {
            return new DatabaseException.AccessDenied(
                    "The database at " + where + " refused the user "
                            + (settings.user() == null
                                    ? "named in the URL, if any (no user was given apart from it)"
                                    : "'" + settings.user() + "'")
                            + ": check the user name, the password"
                            + " and that the user may read the platform's tables (" + message + ").",
                    null);
        }
        if (code == 1049) {
            return new DatabaseException.Unreachable(
                    "The database named in " + where + " does not exist (" + message + ").", null);
        }
        if (code == 1146 || code == 1054 || lower.contains("no such table") || lower.contains("no such column")) {
            return new DatabaseException.NotThePlatformSchema(
                    "The database at " + where + " has no " + missingName(message)
                            + ": it is probably not the Sample Platform's database. Check the JDBC URL.",
                    null);
        }
        if (state.startsWith("08")
                || lower.contains("could not connect")
                || lower.contains("connection refused")
                || lower.contains("socket fail")
                || lower.contains("communications link")) {
            return new DatabaseException.Unreachable(
                    "Could not connect to the database at " + where + " (" + message
                            + "). Check the host, the port and that the server is running.",
                    null);
        }
        if (code == 26 || lower.contains("sqlite_notadb")) {
            // SQLite's "[SQLITE_NOTADB] File opened that is not a database file": a text file, an archive, ...
            return new DatabaseException.NotThePlatformSchema(
                    "The file in " + where + " is not an SQLite database. Check the path in the JDBC URL.", null);
        }
        if (lower.contains("no suitable driver")) {
            return new DatabaseException(
                    "No JDBC driver for " + where + ": use a jdbc:mariadb:, jdbc:mysql: or jdbc:sqlite: URL.", null);
        }
        return new DatabaseException("The database at " + where + " failed: " + message, null);
    }

    private static String missingName(String message) {
        Matcher mysql = MYSQL_MISSING.matcher(message);
        if (mysql.find()) {
            return (message.startsWith("Unknown column") || message.contains("Unknown column") ? "column " : "table ")
                    + mysql.group(1);
        }
        Matcher sqlite = SQLITE_MISSING.matcher(message);
        if (sqlite.find()) {
            return sqlite.group(1) + " " + sqlite.group(2);
        }
        return "table or column the platform has (" + message + ")";
    }

    private static String scrub(String text, DatabaseSettings settings) {
        return settings.password() == null ? text : settings.password().scrub(text);
    }
}
