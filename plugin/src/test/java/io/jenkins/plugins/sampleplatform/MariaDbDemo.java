package io.jenkins.plugins.sampleplatform;

import io.jenkins.plugins.sampleplatform.db.DemoDatabase;
import io.jenkins.plugins.sampleplatform.db.PlatformSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The demo runs in a MariaDB database of their own on 127.0.0.1:3306 (the plugin reads MariaDB and MySQL
 * only), dropped again by {@link #close()}. The server and user can be changed with
 * {@code SAMPLEPLATFORM_TEST_MARIADB_URL} and {@code SAMPLEPLATFORM_TEST_MARIADB_USER}; the user needs no
 * password, as on the project's machines.
 */
public final class MariaDbDemo implements AutoCloseable {

    private static final String SERVER = env("SAMPLEPLATFORM_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String USER = env("SAMPLEPLATFORM_TEST_MARIADB_USER", "root");

    private final String name;

    private MariaDbDemo(String name) {
        this.name = name;
    }

    public static MariaDbDemo create() throws SQLException {
        String name =
                "sp_plugin_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection server = DriverManager.getConnection(SERVER, USER, "");
                Statement sql = server.createStatement()) {
            sql.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        }
        MariaDbDemo demo = new MariaDbDemo(name);
        try (Connection connection = DriverManager.getConnection(SERVER + name, USER, "")) {
            PlatformSchema.create(connection);
            DemoDatabase.populate(connection);
        } catch (SQLException | RuntimeException e) {
            demo.close();
            throw e;
        }
        return demo;
    }

    /** The database's URL with its user (never a password: the plugin refuses one there). */
    public String jdbcUrl() {
        return SERVER + name + "?user=" + USER;
    }

    @Override
    public void close() throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER, USER, "");
                Statement sql = server.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
