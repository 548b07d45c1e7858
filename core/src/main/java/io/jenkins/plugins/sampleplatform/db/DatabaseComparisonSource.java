package io.jenkins.plugins.sampleplatform.db;

import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.ReferenceResolver;
import io.jenkins.plugins.sampleplatform.compare.RunState;
import io.jenkins.plugins.sampleplatform.compare.RunStateSource;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * DB mode's comparison: run states ({@link RunStateReader}: six statements for the first run, five for each
 * further one, as the catalogue's expected outputs are read once) and references (one statement each, ordered
 * by the {@code completed} progress row as the platform orders them). One instance serves one comparison: it
 * keeps what it read, so a reference run that is resolved and then compared is read once.
 */
public final class DatabaseComparisonSource implements RunStateSource, ReferenceResolver {

    private final DatabaseSettings settings;
    private final SqlDialect dialect;
    private final Map<Integer, RunState> read = new HashMap<>();
    /** The catalogue's expected outputs, read with the first run's states and used for every later one. */
    private Map<Integer, RunStateReader.Outputs> catalogue;

    public DatabaseComparisonSource(DatabaseSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dialect = SqlDialect.of(Connections.driverUrl(settings.jdbcUrl()));
    }

    @Override
    public synchronized RunState state(int runId) throws SummaryException, InterruptedException {
        RunIds.require(runId);
        RunState known = read.get(runId);
        if (known != null) {
            return known;
        }
        try (Connection connection = Connections.openReadOnly(settings)) {
            return state(connection, runId);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, settings);
        }
    }

    /**
     * Reads a run's states on a connection the caller opened and closes (the benchmark counts its statements
     * this way).
     *
     * @throws SQLException as the driver reports it; {@link #state(int)} translates it
     */
    public synchronized RunState state(Connection connection, int runId)
            throws SQLException, SummaryException, InterruptedException {
        if (catalogue == null) {
            catalogue = RunStateReader.outputs(connection);
        }
        RunState state = RunStateReader.read(connection, dialect, runId, catalogue);
        read.put(runId, state);
        return state;
    }

    @Override
    public synchronized Optional<RunInfo> resolve(Reference reference, RunInfo judged)
            throws SummaryException, InterruptedException {
        try (Connection connection = Connections.openReadOnly(settings)) {
            return resolve(connection, reference, judged);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, settings);
        }
    }

    /** Resolves a reference on a connection the caller opened and closes: one statement, then the run's states. */
    public synchronized Optional<RunInfo> resolve(Connection connection, Reference reference, RunInfo judged)
            throws SQLException, SummaryException, InterruptedException {
        Integer runId;
        if (reference instanceof Reference.Master) {
            runId = firstId(connection, StateQueries.TIP_OF_MASTER, judged.platform(), judged.runId());
        } else if (reference instanceof Reference.Commit c) {
            runId = firstId(connection, StateQueries.NEWEST_OF_COMMIT, c.sha(), judged.platform(), judged.runId());
        } else if (reference instanceof Reference.Run r) {
            runId = firstId(connection, StateQueries.RUN_EXISTS, r.runId());
        } else {
            throw new SummaryException("The reference " + reference.text() + " names a Jenkins build: it is only"
                    + " available in the Jenkins plugin. Give master, commit:SHA or run:ID here.");
        }
        if (runId == null) {
            return Optional.empty();
        }
        RunState known = read.get(runId);
        return Optional.of((known != null ? known : state(connection, runId)).run());
    }

    private static Integer firstId(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getInt(1) : null;
            }
        }
    }

    @Override
    public String diffNote() {
        return "The diffs are on the platform: DB mode links them and shows no excerpt.";
    }

    @Override
    public String describe() {
        return "database " + Connections.driverUrl(settings.displayUrl());
    }

    @Override
    public String toString() {
        return "DatabaseComparisonSource[" + describe() + "]";
    }
}
