package io.jenkins.plugins.sampleplatform.db;

import io.jenkins.plugins.sampleplatform.results.ListingCost;
import io.jenkins.plugins.sampleplatform.results.ResultSource;
import io.jenkins.plugins.sampleplatform.results.RunResults;
import io.jenkins.plugins.sampleplatform.results.SampleResult;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every result of a run straight from the platform's database, as the platform's unfiltered
 * {@code GET /runs/{id}/samples} lists them: classified by the summary's own row reading ({@link RunResultReader},
 * the platform's rules), then their samples, categories and differing files in one set-based statement over the
 * whole run ({@link FailureDetailQuery#readRun}), never a statement per sample. Five statements whatever the
 * run's size: the run's existence, the three reads of the results, the details (with the run's selection when
 * samples that never ran are wanted).
 */
public final class DatabaseResultSource implements ResultSource {

    /** Statements per listing, whatever the run's size. */
    public static final int STATEMENTS = 5;

    private final DatabaseSettings settings;
    private final SqlDialect dialect;

    public DatabaseResultSource(DatabaseSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dialect = SqlDialect.of(Connections.driverUrl(settings.jdbcUrl()));
    }

    @Override
    public RunResults results(int runId, boolean withNotRun) throws SummaryException, InterruptedException {
        RunIds.require(runId);
        return Connections.read(settings, connection -> results(connection, runId, withNotRun));
    }

    /**
     * Lists the results on a connection the caller opened and closes (the benchmark counts its statements this
     * way).
     *
     * @throws SQLException as the driver reports it; {@link #results(int, boolean)} translates it
     */
    public RunResults results(Connection connection, int runId, boolean withNotRun)
            throws SQLException, SummaryException, InterruptedException {
        DatabaseFailureSource.requireRun(connection, runId);
        List<SampleOutcome> outcomes = new ArrayList<>();
        RunResultReader.read(connection, dialect, runId, outcomes::add);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        List<Integer> selected = new ArrayList<>();
        Map<Integer, FailureDetailQuery.Details> details =
                FailureDetailQuery.readRun(connection, runId, withNotRun, selected);
        TreeMap<Integer, SampleResult> byTest = new TreeMap<>();
        for (SampleOutcome outcome : outcomes) {
            FailureDetailQuery.Details d =
                    details.getOrDefault(outcome.regressionTestId(), FailureDetailQuery.Details.NONE);
            byTest.put(
                    outcome.regressionTestId(),
                    new SampleResult(
                            outcome.regressionTestId(),
                            d.sampleId(),
                            d.sampleName(),
                            outcome.status(),
                            outcome.exitCode(),
                            outcome.expectedRc(),
                            outcome.runtime(),
                            d.categories(),
                            d.outputs()));
        }
        for (int id : selected) {
            FailureDetailQuery.Details d = details.getOrDefault(id, FailureDetailQuery.Details.NONE);
            byTest.putIfAbsent(id, SampleResult.notRun(id, d.sampleId(), d.sampleName(), d.categories()));
        }
        return new RunResults(
                runId,
                new ArrayList<>(byTest.values()),
                new ListingCost(STATEMENTS, "SQL statements (whatever the run's size)"));
    }

    @Override
    public String toString() {
        return "DatabaseResultSource[database " + Connections.driverUrl(settings.displayUrl()) + "]";
    }
}
