package io.jenkins.plugins.sampleplatform.db;

import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.runs.RunLookup;
import io.jenkins.plugins.sampleplatform.runs.RunQuery;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.RunNotFoundException;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * DB mode's find and wait: the newest {@code test} row of a commit (platform, repository through {@code fork},
 * test type), and a run's status from its last {@code test_progress} row, as the platform derives it. Only a
 * {@code completed} run needs its results (pass, fail or error); those come from {@link DatabaseSummarySource}.
 * Read-only connections, bound parameters.
 */
public final class DatabaseRunLookup implements RunLookup {

    private static final String COLUMNS = "SELECT t.id, t.platform, t.test_type, t.`commit` AS commit_sha, f.github,"
            + " (SELECT tp.status FROM test_progress tp WHERE tp.test_id = t.id ORDER BY tp.id DESC LIMIT 1)"
            + " AS last_status FROM test t LEFT JOIN fork f ON f.id = t.fork_id ";

    private final DatabaseSettings settings;
    private final DatabaseSummarySource summaries;

    public DatabaseRunLookup(DatabaseSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.summaries = new DatabaseSummarySource(settings);
    }

    @Override
    public Optional<RunInfo> newest(RunQuery query) throws SummaryException, InterruptedException {
        StringBuilder sql = new StringBuilder(COLUMNS).append("WHERE LOWER(t.`commit`) = ?");
        if (query.platform() != null) {
            sql.append(" AND t.platform = ?");
        }
        if (query.repository() != null) {
            sql.append(" AND LOWER(f.github) = ?");
        }
        if (query.testType() != null) {
            sql.append(" AND t.test_type = ?");
        }
        sql.append(" ORDER BY t.id DESC LIMIT 1");
        try (Connection connection = Connections.openReadOnly(settings);
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int i = 1;
            statement.setString(i++, query.commitSha());
            if (query.platform() != null) {
                statement.setString(i++, query.platform());
            }
            if (query.repository() != null) {
                statement.setString(i++, forkUrl(query.repository()));
            }
            if (query.testType() != null) {
                statement.setString(i, query.testType());
            }
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(info(connection, row));
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, settings);
        }
    }

    @Override
    public RunInfo run(int runId) throws SummaryException, InterruptedException {
        RunIds.require(runId);
        try (Connection connection = Connections.openReadOnly(settings);
                PreparedStatement statement = connection.prepareStatement(COLUMNS + "WHERE t.id = ?")) {
            statement.setInt(1, runId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new RunNotFoundException(runId, "Run " + runId + " not found.");
                }
                return info(connection, row);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, settings);
        }
    }

    private RunInfo info(Connection connection, ResultSet row)
            throws SQLException, SummaryException, InterruptedException {
        int runId = row.getInt("id");
        String last = row.getString("last_status");
        RunStatus status;
        if (last == null) {
            status = RunStatus.QUEUED;
        } else {
            status = switch (last.strip()) {
                case "preparation", "testing" -> RunStatus.RUNNING;
                case "canceled" -> RunStatus.CANCELED;
                // pass, fail or error depends on the results: the summary's rule, in its two statements.
                default -> summaries.summarize(connection, runId).status();
            };
        }
        return new RunInfo(
                runId,
                status,
                row.getString("platform"),
                row.getString("test_type"),
                repository(row.getString("github")),
                row.getString("commit_sha"));
    }

    /** How the platform stores a fork: {@code https://github.com/owner/name.git}; compared case-insensitively. */
    static String forkUrl(String repository) {
        return ("https://github.com/" + repository + ".git").toLowerCase(java.util.Locale.ROOT);
    }

    static String repository(String github) {
        if (github == null) {
            return "unknown";
        }
        String name = github.replaceFirst("^https://github\\.com/", "").replaceFirst("\\.git$", "");
        return name;
    }

    @Override
    public String toString() {
        return "DatabaseRunLookup[" + Connections.driverUrl(settings.displayUrl()) + "]";
    }
}
