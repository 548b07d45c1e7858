package io.jenkins.plugins.sampleplatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.db.DemoDatabase;
import io.jenkins.plugins.sampleplatform.db.PlatformSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DB mode through the real jar against a real MariaDB holding the demo runs in a database of its own. */
class DatabaseCommandIT {

    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";

    @TempDir
    Path directory;

    private String database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = "sp_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection server = connect(SERVER);
                Statement sql = server.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
        }
        try (Connection connection = connect(SERVER + database)) {
            PlatformSchema.create(connection);
            DemoDatabase.populate(connection);
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection server = connect(SERVER);
                Statement sql = server.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    private static Connection connect(String url) throws SQLException {
        try {
            return DriverManager.getConnection(url, "root", "");
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw e;
            }
            Assumptions.abort("MariaDB is not reachable at " + SERVER + ": " + e.getMessage());
            throw e;
        }
    }

    @Test
    void summarizesFromTheDatabase() throws Exception {
        Path password = Files.writeString(directory.resolve("password"), "");
        CliProcess.Outcome outcome = CliProcess.run(
                Map.of(),
                "summary",
                "--jdbc",
                SERVER + database,
                "--db-user",
                "root",
                "--db-password-file",
                password.toString(),
                "--run",
                Integer.toString(DemoDatabase.FAILING_RUN),
                "--format",
                "json");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.UNSTABLE);
        assertThat(outcome.stdout()).contains("\"fail_count\":3", "\"status\":\"fail\"");
    }

    @Test
    void aWrongPasswordIsReportedWithoutThePassword() throws Exception {
        String secret = "not-the-password-5521";
        CliProcess.Outcome outcome = CliProcess.run(
                Map.of("SAMPLEPLATFORM_DB_PASSWORD", secret),
                "summary",
                "--jdbc",
                SERVER + database,
                "--db-user",
                "sp_nobody",
                "--run",
                "1",
                "--verbose");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.NO_SUMMARY);
        assertThat(outcome.stderr()).contains("refused the user 'sp_nobody'");
        assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(secret);
    }
}
