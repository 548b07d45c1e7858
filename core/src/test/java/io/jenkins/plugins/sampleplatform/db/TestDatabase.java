package io.jenkins.plugins.sampleplatform.db;

import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty platform database on one engine: a SQLite file, or a MariaDB database of its own that
 * is dropped on close. MariaDB: 127.0.0.1:3306 as root without password, or SAMPLEPLATFORM_TEST_MARIADB_URL,
 * _USER and _PASSWORD. When MariaDB is unreachable the test is skipped, except under CI=true where it fails.
 */
final class TestDatabase implements AutoCloseable {

    /** The engines every scenario runs on. */
    enum Engine {
        SQLITE,
        MARIADB
    }

    private static final String SERVER = env("SAMPLEPLATFORM_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String USER = env("SAMPLEPLATFORM_TEST_MARIADB_USER", "root");
    private static final String PASSWORD = env("SAMPLEPLATFORM_TEST_MARIADB_PASSWORD", "");

    final Engine engine;
    final DatabaseSettings settings;
    final Connection connection;
    private final String databaseName;

    private TestDatabase(Engine engine, DatabaseSettings settings, Connection connection, String databaseName) {
        this.engine = engine;
        this.settings = settings;
        this.connection = connection;
        this.databaseName = databaseName;
    }

    /** An empty database with the platform's tables. */
    static TestDatabase create(Engine engine, Path directory) throws SQLException {
        TestDatabase database = engine == Engine.SQLITE ? sqlite(directory) : mariadb();
        PlatformSchema.create(database.connection);
        return database;
    }

    /** An empty database without any table. */
    static TestDatabase empty(Engine engine, Path directory) throws SQLException {
        return engine == Engine.SQLITE ? sqlite(directory) : mariadb();
    }

    private static TestDatabase sqlite(Path directory) throws SQLException {
        String url = "jdbc:sqlite:" + directory.resolve("platform-" + UUID.randomUUID() + ".db");
        return new TestDatabase(
                Engine.SQLITE, new DatabaseSettings(url, null, null), DriverManager.getConnection(url), null);
    }

    private static TestDatabase mariadb() throws SQLException {
        String name = "sp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection server = serverConnection();
                Statement sql = server.createStatement()) {
            sql.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        }
        String url = SERVER + name;
        Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
        return new TestDatabase(
                Engine.MARIADB, new DatabaseSettings(url, USER, SecretText.of(PASSWORD)), connection, name);
    }

    static Connection serverConnection() throws SQLException {
        try {
            return DriverManager.getConnection(SERVER, USER, PASSWORD);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw e;
            }
            Assumptions.abort("MariaDB is not reachable at " + SERVER + " (" + e.getMessage()
                    + "); start it, or run ./run-tests");
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        if (databaseName != null) {
            try (Connection server = serverConnection();
                    Statement sql = server.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + databaseName);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
