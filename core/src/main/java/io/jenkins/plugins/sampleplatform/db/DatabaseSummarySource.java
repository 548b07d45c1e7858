package io.jenkins.plugins.sampleplatform.db;

import io.jenkins.plugins.sampleplatform.failures.FailureSource;
import io.jenkins.plugins.sampleplatform.results.ResultSource;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.RunNotFoundException;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import io.jenkins.plugins.sampleplatform.summary.SummarySource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Computes a run summary straight from the platform's database (MySQL/MariaDB or SQLite), with the
 * numbers the platform's own endpoint gives. Four statements per run whatever its size, each one an
 * indexed read that the platform's own schema supports (see {@link SummaryQueries}); the results are
 * classified in Java one sample at a time. Connections are read-only and every value is a bound
 * parameter.
 */
public final class DatabaseSummarySource implements SummarySource {

    private final DatabaseSettings settings;
    private final SqlDialect dialect;

    public DatabaseSummarySource(DatabaseSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dialect = SqlDialect.of(Connections.driverUrl(settings.jdbcUrl()));
    }

    /** The tests' states for comparisons, from the same database, as {@code SamplePlatformClient.states} from the API. */
    public DatabaseComparisonSource comparisons() {
        return new DatabaseComparisonSource(settings);
    }

    /**
     * The failing samples of a run from the same database ({@link DatabaseFailureSource}), as
     * {@code SamplePlatformClient.failures()} gives them from the API.
     */
    @Override
    public FailureSource failures() {
        return new DatabaseFailureSource(settings);
    }

    /**
     * Every result of a run from the same database ({@link DatabaseResultSource}, five statements), as
     * {@code SamplePlatformClient.results()} lists them from the API.
     */
    @Override
    public ResultSource results() {
        return new DatabaseResultSource(settings);
    }

    @Override
    public RunSummary fetch(int runId) throws SummaryException, InterruptedException {
        RunIds.require(runId);
        try (Connection connection = Connections.openReadOnly(settings)) {
            return summarize(connection, runId);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, settings);
        }
    }

    /**
     * Computes the summary on a connection the caller opened and closes (the benchmark counts its
     * statements this way). Four statements, whatever the run's size.
     *
     * @throws SQLException as the driver reports it; {@link #fetch} translates it into a clear message
     */
    public RunSummary summarize(Connection connection, int runId)
            throws SQLException, SummaryException, InterruptedException {
        String lastStatus;
        int selected;
        try (PreparedStatement run = connection.prepareStatement(SummaryQueries.RUN)) {
            run.setInt(1, runId);
            try (ResultSet row = run.executeQuery()) {
                if (!row.next()) {
                    throw new RunNotFoundException(runId, "Run " + runId + " not found.");
                }
                lastStatus = row.getString("last_status");
                int customized = row.getInt("customized");
                selected = customized > 0 ? customized : row.getInt("active");
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Totals totals = new Totals();
        RunResultReader.read(connection, dialect, runId, totals::add);
        return new RunSummary(
                runId,
                status(runId, lastStatus, totals.results, totals.failed + totals.missing),
                selected,
                totals.passed,
                totals.failed,
                Math.max(0, selected - totals.results),
                totals.missing,
                totals.errors,
                totals.duration > 0 ? totals.duration : null,
                null);
    }

    /** The counts of a run's classified results. */
    private static final class Totals {
        int results;
        int passed;
        int failed;
        int missing;
        int errors;
        long duration;

        void add(SampleOutcome outcome) {
            results++;
            switch (outcome.status()) {
                case PASS -> passed++;
                case FAIL -> failed++;
                case MISSING_OUTPUT -> missing++;
            }
            errors += outcome.errorItems();
            if (outcome.runtime() != null) {
                duration += outcome.runtime(); // 0 adds nothing; negative runtimes count as they are
            }
        }
    }

    /** The platform's rule: the last progress row decides; a completed run is judged on its results. */
    static RunStatus status(int runId, String stored, int results, int notPassed) throws DatabaseException {
        if (stored == null) {
            return RunStatus.QUEUED;
        }
        return switch (stored.strip()) {
            case "preparation", "testing" -> RunStatus.RUNNING;
            case "canceled" -> RunStatus.CANCELED;
            case "completed" -> results == 0 ? RunStatus.ERROR : notPassed > 0 ? RunStatus.FAIL : RunStatus.PASS;
            default ->
                throw new DatabaseException.UnknownRunStatus(
                        "Run " + runId + " has the progress status '" + stored.strip()
                                + "', which the Sample Platform does not know (its own endpoint answers HTTP 500 for this run).");
        };
    }

    @Override
    public String describe() {
        return "database " + Connections.driverUrl(settings.displayUrl());
    }

    @Override
    public String toString() {
        return "DatabaseSummarySource[" + describe() + "]";
    }
}
