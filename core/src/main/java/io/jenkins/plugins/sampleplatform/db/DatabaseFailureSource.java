package io.jenkins.plugins.sampleplatform.db;

import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.FailureSource;
import io.jenkins.plugins.sampleplatform.failures.SampleFailure;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.summary.RunNotFoundException;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The failing samples of a run straight from the platform's database, as the platform's
 * {@code GET /runs/{id}/samples?status=missing_output} and {@code ?status=fail} list them: classified by
 * the same rules as the summary ({@link RunResultReader}), missing-output samples first, then failed
 * ones, each by regression test id. Five statements whatever the run's size: the run's existence, the
 * summary's three reads of the results, and one for the details of the listed samples (none when nothing
 * is listed; with more than {@value FailureDetailQuery#MAX_IDS} listed, one more per thousand).
 */
public final class DatabaseFailureSource implements FailureSource {

    private static final String RUN_EXISTS = "SELECT id FROM test WHERE id = ?";

    private final DatabaseSettings settings;
    private final SqlDialect dialect;

    public DatabaseFailureSource(DatabaseSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dialect = SqlDialect.of(Connections.driverUrl(settings.jdbcUrl()));
    }

    @Override
    public FailureList failures(int runId, int limit) throws SummaryException, InterruptedException {
        RunIds.require(runId);
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0, was " + limit);
        }
        return Connections.read(settings, connection -> failures(connection, runId, limit));
    }

    /**
     * Lists the failures on a connection the caller opened and closes (the benchmark counts its
     * statements this way).
     *
     * @throws SQLException as the driver reports it; {@link #failures(int, int)} translates it
     */
    public FailureList failures(Connection connection, int runId, int limit)
            throws SQLException, SummaryException, InterruptedException {
        requireRun(connection, runId);
        Collector collector = new Collector(limit);
        RunResultReader.read(connection, dialect, runId, collector::add);
        List<SampleOutcome> listed = collector.listed();
        List<Integer> ids = listed.stream().map(SampleOutcome::regressionTestId).toList();
        Map<Integer, FailureDetailQuery.Details> details = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += FailureDetailQuery.MAX_IDS) {
            details.putAll(FailureDetailQuery.read(
                    connection, runId, ids.subList(from, Math.min(ids.size(), from + FailureDetailQuery.MAX_IDS))));
        }
        List<SampleFailure> entries = new ArrayList<>(listed.size());
        for (SampleOutcome outcome : listed) {
            FailureDetailQuery.Details d =
                    details.getOrDefault(outcome.regressionTestId(), FailureDetailQuery.Details.NONE);
            entries.add(new SampleFailure(
                    outcome.regressionTestId(),
                    d.sampleId(),
                    d.sampleName(),
                    outcome.status(),
                    outcome.exitCode(),
                    outcome.expectedRc(),
                    d.categories(),
                    d.outputs()));
        }
        return new FailureList(entries, collector.missingTotal, collector.failTotal);
    }

    /** One statement: the run exists, else {@link RunNotFoundException} as the platform words it. */
    static void requireRun(Connection connection, int runId) throws SQLException, RunNotFoundException {
        try (PreparedStatement run = connection.prepareStatement(RUN_EXISTS)) {
            run.setInt(1, runId);
            try (ResultSet row = run.executeQuery()) {
                if (!row.next()) {
                    throw new RunNotFoundException(runId, "Run " + runId + " not found.");
                }
            }
        }
    }

    @Override
    public String toString() {
        return "DatabaseFailureSource[database " + Connections.driverUrl(settings.displayUrl()) + "]";
    }

    /** Counts every failing sample and keeps the first {@code limit} of each kind, in id order. */
    private static final class Collector {
        private final int limit;
        private final List<SampleOutcome> missing = new ArrayList<>();
        private final List<SampleOutcome> failed = new ArrayList<>();
        int missingTotal;
        int failTotal;

        Collector(int limit) {
            this.limit = limit;
        }

        void add(SampleOutcome outcome) {
            if (outcome.status() == SampleStatus.MISSING_OUTPUT) {
                missingTotal++;
                if (missing.size() < limit) {
                    missing.add(outcome);
                }
            } else if (outcome.status() == SampleStatus.FAIL) {
                failTotal++;
                if (failed.size() < limit) {
                    failed.add(outcome);
                }
            }
        }

        /** Missing-output samples first, then failed ones, at most {@code limit} in all. */
        List<SampleOutcome> listed() {
            List<SampleOutcome> listed = new ArrayList<>(missing);
            listed.addAll(failed.subList(0, Math.min(failed.size(), limit - listed.size())));
            return listed;
        }
    }
}
