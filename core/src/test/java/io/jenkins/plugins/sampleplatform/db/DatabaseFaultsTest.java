package io.jenkins.plugins.sampleplatform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way DB mode can fail says what went wrong, and never shows the password. */
class DatabaseFaultsTest {

    private static final String PASSWORD = "s3cret-db-pa55word";

    @TempDir
    Path directory;

    @Test
    void aServerThatIsDownIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:mariadb://127.0.0.1:" + closedPort + "/platform", "reader", SecretText.of(PASSWORD));
        Throwable error = catchThrowable(() -> new DatabaseSummarySource(settings).fetch(1));
        assertThat(error)
                .isInstanceOf(DatabaseException.Unreachable.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageContaining("Check the host");
        assertNoPassword(error);
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Engine.MARIADB, directory)) {
            String url = database.settings.jdbcUrl();
            Throwable error = catchThrowable(() -> new DatabaseSummarySource(
                            new DatabaseSettings(url, "sp_no_such_user", SecretText.of(PASSWORD)))
                    .fetch(1));
            assertThat(error)
                    .isInstanceOf(DatabaseException.AccessDenied.class)
                    .hasMessageContaining("'sp_no_such_user'");
            assertNoPassword(error);
        }
    }

    @Test
    void mysqlUrlsAreServedByTheMariaDbDriver() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Engine.MARIADB, directory)) {
            DemoDatabase.populate(database.connection);
            String mysqlUrl = database.settings.jdbcUrl().replace("jdbc:mariadb:", "jdbc:mysql:");
            DatabaseSettings settings =
                    new DatabaseSettings(mysqlUrl, database.settings.user(), database.settings.password());
            assertThat(new DatabaseSummarySource(settings)
                            .fetch(DemoDatabase.PASSING_RUN)
                            .passCount())
                    .isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aDatabaseWithoutThePlatformsTablesIsNamedAsSuch(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase database = TestDatabase.empty(engine, directory)) {
            try (Statement sql = database.connection.createStatement()) {
                sql.execute("CREATE TABLE unrelated (id INTEGER)");
            }
            Throwable error = catchThrowable(() -> new DatabaseSummarySource(database.settings).fetch(1));
            assertThat(error)
                    .isInstanceOf(DatabaseException.NotThePlatformSchema.class)
                    .hasMessageContaining("table")
                    .hasMessageContaining("test")
                    .hasMessageContaining("probably not the Sample Platform's database");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aMissingColumnIsNamed(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase database = TestDatabase.create(engine, directory)) {
            Connection connection = database.connection;
            try (Statement sql = connection.createStatement()) {
                sql.execute("DROP TABLE regression_test");
                sql.execute("CREATE TABLE regression_test (id INTEGER PRIMARY KEY, expected_rc INTEGER)");
                sql.execute("INSERT INTO test (id) VALUES (1)");
            }
            Throwable error = catchThrowable(() -> new DatabaseSummarySource(database.settings).fetch(1));
            assertThat(error)
                    .isInstanceOf(DatabaseException.NotThePlatformSchema.class)
                    .hasMessageContaining("column")
                    .hasMessageContaining("active");
        }
    }

    @Test
    void aSqliteFileThatDoesNotExistIsNotCreated() {
        Path missing = directory.resolve("nowhere.db");
        Throwable error = catchThrowable(
                () -> new DatabaseSummarySource(new DatabaseSettings("jdbc:sqlite:" + missing, null, null)).fetch(1));
        assertThat(error).isInstanceOf(DatabaseException.Unreachable.class).hasMessageContaining("does not exist");
        assertThat(missing).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void connectionsAreReadOnly(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase database = TestDatabase.create(engine, directory)) {
            DemoDatabase.populate(database.connection);
            try (Connection connection = Connections.openReadOnly(database.settings);
                    Statement sql = connection.createStatement()) {
                assertThat(connection.isReadOnly()).isTrue();
                assertThat(catchThrowable(() -> sql.execute("DELETE FROM test")))
                        .as("a write on a read-only connection")
                        .isNotNull();
            }
            assertThat(new DatabaseSummarySource(database.settings)
                            .fetch(DemoDatabase.PASSING_RUN)
                            .totalSamples())
                    .isEqualTo(4);
        }
    }

    @Test
    void describesTheSourceWithoutSecrets() {
        DatabaseSummarySource source = new DatabaseSummarySource(new DatabaseSettings(
                "jdbc:mysql://db.example.org:3306/platform?sslMode=verify-full", "reader", SecretText.of(PASSWORD)));
        assertThat(source.describe()).isEqualTo("database jdbc:mariadb://db.example.org:3306/platform");
        assertThat(source.toString()).doesNotContain(PASSWORD);
        DatabaseSettings inUrl =
                new DatabaseSettings("jdbc:mariadb://db:3306/platform?user=reader&password=" + PASSWORD, null, null);
        assertThat(inUrl.toString()).isEqualTo("DatabaseSettings[jdbc:mariadb://db:3306/platform, user=null]");
        assertThat(new DatabaseSummarySource(inUrl).describe()).doesNotContain(PASSWORD);
    }

    private static void assertNoPassword(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(PASSWORD);
        }
    }
}
