package io.jenkins.plugins.sampleplatform.contract;

import io.jenkins.plugins.sampleplatform.db.DatabaseSettings;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database a real platform runs on: a new SQLite file, or a new MariaDB database of its own that is
 * dropped on close. MariaDB: 127.0.0.1:3306 as root without password, or SAMPLEPLATFORM_TEST_MARIADB_URL,
 * _USER and _PASSWORD, as in the other modules' tests.
 */
final class PlatformDatabase implements AutoCloseable {

    /** The engines the platform runs on. */
    enum Engine {
        SQLITE,
        MARIADB
    }

    private static final String MARIADB_SERVER =
            env("SAMPLEPLATFORM_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String MARIADB_USER = env("SAMPLEPLATFORM_TEST_MARIADB_USER", "root");
    private static final String MARIADB_PASSWORD = env("SAMPLEPLATFORM_TEST_MARIADB_PASSWORD", "");

    private final Engine engine;
    private final String jdbcUrl;
    private final String serverUri;
    private final String mariadbName;

    private PlatformDatabase(Engine engine, String jdbcUrl, String serverUri, String mariadbName) {
        this.engine = engine;
        this.jdbcUrl = jdbcUrl;
        this.serverUri = serverUri;
        this.mariadbName = mariadbName;
    }

    static PlatformDatabase create(Engine engine, Path work) throws SQLException {
        return engine == Engine.SQLITE ? sqlite(work) : mariadb();
    }

    /** A SQLite file in {@code work} (created by the platform's own schema code at start). */
    static PlatformDatabase sqlite(Path work) {
        Path file = work.resolve("platform.sqlite").toAbsolutePath();
        return new PlatformDatabase(Engine.SQLITE, "jdbc:sqlite:" + file, "sqlite:///" + file, null);
    }

    /** A new, empty MariaDB database {@code sp_contract_…}. */
    static PlatformDatabase mariadb() throws SQLException {
        String name =
                "sp_contract_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(MARIADB_SERVER, MARIADB_USER, MARIADB_PASSWORD);
                Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        }
        URI server = URI.create(MARIADB_SERVER.substring("jdbc:".length()));
        String credentials = MARIADB_PASSWORD.isEmpty()
                ? MARIADB_USER
                : MARIADB_USER + ":" + URLEncoder.encode(MARIADB_PASSWORD, StandardCharsets.UTF_8);
        String serverUri = "mysql+pymysql://" + credentials + "@" + server.getHost() + ":"
                + (server.getPort() > 0 ? server.getPort() : 3306) + "/" + name;
        return new PlatformDatabase(Engine.MARIADB, MARIADB_SERVER + name, serverUri, name);
    }

    Engine engine() {
        return engine;
    }

    /** The URI that {@code platform-server start --db} takes. */
    String serverUri() {
        return serverUri;
    }

    /** The JDBC URL of the same database (DB mode of the client reads it too). */
    String jdbcUrl() {
        return jdbcUrl;
    }

    /** DB mode's settings for this database. */
    DatabaseSettings settings() {
        return engine == Engine.SQLITE
                ? new DatabaseSettings(jdbcUrl, null, null)
                : new DatabaseSettings(jdbcUrl, MARIADB_USER, SecretText.of(MARIADB_PASSWORD));
    }

    /** A new connection with auto-commit on: every statement is visible to the server at once. */
    Connection connect() throws SQLException {
        return engine == Engine.SQLITE
                ? DriverManager.getConnection(jdbcUrl)
                : DriverManager.getConnection(jdbcUrl, MARIADB_USER, MARIADB_PASSWORD);
    }

    @Override
    public void close() throws SQLException {
        if (mariadbName != null) {
            try (Connection c = DriverManager.getConnection(MARIADB_SERVER, MARIADB_USER, MARIADB_PASSWORD);
                    Statement s = c.createStatement()) {
                s.executeUpdate("DROP DATABASE IF EXISTS " + mariadbName);
            }
        }
    }

    @Override
    public String toString() {
        return engine == Engine.SQLITE ? "SQLite" : "MariaDB";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
