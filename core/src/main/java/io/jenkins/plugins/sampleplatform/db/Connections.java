package io.jenkins.plugins.sampleplatform.db;

import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/** Opens read-only connections to the platform's database, MySQL/MariaDB or SQLite. */
final class Connections {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int SOCKET_TIMEOUT_MILLIS = 120_000;

    private Connections() {}

    /** The URL the drivers are given: {@code jdbc:mysql:} is served by the MariaDB driver as {@code jdbc:mariadb:}. */
    static String driverUrl(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:mysql:")
                ? "jdbc:mariadb:" + jdbcUrl.substring("jdbc:mysql:".length())
                : jdbcUrl;
    }

    static Connection openReadOnly(DatabaseSettings settings) throws SQLException, DatabaseException {
        String url = driverUrl(settings.jdbcUrl());
        Properties properties;
        if (url.startsWith("jdbc:sqlite:")) {
            requireSqliteFile(url);
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            properties = config.toProperties();
        } else {
            properties = new Properties();
            properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_MILLIS));
            properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_MILLIS));
        }
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        SecretText password = settings.password();
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password.reveal());
        }
        Connection connection = DriverManager.getConnection(url, properties);
        try {
            connection.setReadOnly(true);
            if (!url.startsWith("jdbc:sqlite:")) {
                // MariaDB Connector/J's setReadOnly is only a hint to the driver; the server enforces this.
                try (java.sql.Statement session = connection.createStatement()) {
                    session.execute("SET SESSION TRANSACTION READ ONLY");
                }
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Work on an open connection; its {@link SQLException} is translated by {@link #read}. */
    interface Work<T> {
        T on(Connection connection) throws SQLException, SummaryException, InterruptedException;
    }

    /**
     * Does {@code work} on a read-only connection it opens and closes, translating the driver's exceptions into
     * clear messages ({@link SqlErrors#translate}).
     */
    static <T> T read(DatabaseSettings settings, Work<T> work) throws SummaryException, InterruptedException {
        try (Connection connection = openReadOnly(settings)) {
            return work.on(connection);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, settings);
        }
    }

    private static void requireSqliteFile(String url) throws DatabaseException {
        String path = url.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        if (path.isEmpty() || path.equals(":memory:")) {
            return;
        }
        if (!Files.isRegularFile(Path.of(path))) {
            throw new DatabaseException.Unreachable(
                    "The SQLite database file " + path + " does not exist. Check the JDBC URL.", null);
        }
    }
}
