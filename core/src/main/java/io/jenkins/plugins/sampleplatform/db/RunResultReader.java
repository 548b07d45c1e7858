package io.jenkins.plugins.sampleplatform.db;

import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a run's results with three statements and classifies each one with the platform's rules
 * (docs/database-mode.md): first the expected outputs and the accepted hashes that the run can need,
 * then the results with their files in primary-key order, one sample at a time. Memory holds the
 * run's expected outputs and accepted hashes, never the other runs' rows nor the whole catalogue.
 */
final class RunResultReader {

    /** The sentinel file a sample without expected outputs writes when it produced nothing. */
    static final int SENTINEL_OUTPUT = -1;

    static final String SENTINEL_GOT = "error";
    private static final int[] NO_IDS = new int[0];
    private static final int FETCH_SIZE = 1_000;

    private RunResultReader() {}

    /**
     * Classifies every result of {@code runId}, passing each one to {@code sink} in ascending regression
     * test id. Three statements.
     */
    static void read(Connection connection, SqlDialect dialect, int runId, Consumer<SampleOutcome> sink)
            throws SQLException, InterruptedException {
        Map<Integer, int[]> expected = expectedOutputs(connection, dialect, runId);
        checkInterrupted();
        Map<Integer, List<String>> accepted = acceptedHashes(connection, dialect, runId);
        checkInterrupted();
        try (PreparedStatement statement = connection.prepareStatement(SummaryQueries.RESULTS_WITH_FILES)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setInt(1, runId);
            try (ResultSet rows = statement.executeQuery()) {
                Sample current = null;
                while (rows.next()) {
                    int sample = rows.getInt(1);
                    if (current == null || current.id != sample) {
                        if (current != null) {
                            sink.accept(current.classify(expected.get(current.id), accepted));
                        }
                        current = new Sample(sample, nullableInt(rows, 2), nullableInt(rows, 3), nullableInt(rows, 4));
                    }
                    int output = rows.getInt(5);
                    if (!rows.wasNull()) {
                        current.addFile(output, rows.getString(6));
                    }
                }
                if (current != null) {
                    sink.accept(current.classify(expected.get(current.id), accepted));
                }
            }
        }
    }

    /**
     * Per sample with a result: the ids of its expected outputs that are not ignored. A sample with
     * outputs that are all ignored maps to an empty array; a sample without any output is absent.
     */
    private static Map<Integer, int[]> expectedOutputs(Connection connection, SqlDialect dialect, int runId)
            throws SQLException {
        Map<Integer, int[]> expected = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SummaryQueries.expectedOutputs(dialect))) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setInt(1, runId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int sample = rows.getInt(1);
                    int output = rows.getInt(2);
                    int ignore = rows.getInt(3);
                    boolean ignored = !rows.wasNull() && ignore != 0;
                    int[] ids = expected.getOrDefault(sample, NO_IDS);
                    if (!ignored) {
                        ids = Arrays.copyOf(ids, ids.length + 1);
                        ids[ids.length - 1] = output;
                    }
                    expected.put(sample, ids);
                }
            }
        }
        return expected;
    }

    /** Per output that one of the run's files names with a {@code got} value: its accepted hashes. */
    static Map<Integer, List<String>> acceptedHashes(Connection connection, SqlDialect dialect, int runId)
            throws SQLException {
        Map<Integer, List<String>> accepted = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SummaryQueries.acceptedHashes(dialect))) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setInt(1, runId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String hash = rows.getString(2);
                    if (hash != null) {
                        accepted.computeIfAbsent(rows.getInt(1), id -> new ArrayList<>(1))
                                .add(hash);
                    }
                }
            }
        }
        return accepted;
    }

    static Integer nullableInt(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    static void checkInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /** One result and its files while they are read (also used by {@link RunStateReader}). */
    static final class Sample {
        final int id;
        final Integer runtime;
        final Integer exitCode;
        final Integer expectedRc;
        private int[] outputs = new int[4];
        private String[] gots = new String[4];
        private int files;

        Sample(int id, Integer runtime, Integer exitCode, Integer expectedRc) {
            this.id = id;
            this.runtime = runtime;
            this.exitCode = exitCode;
            this.expectedRc = expectedRc;
        }

        void addFile(int output, String got) {
            if (files == outputs.length) {
                outputs = Arrays.copyOf(outputs, files * 2);
                gots = Arrays.copyOf(gots, files * 2);
            }
            outputs[files] = output;
            gots[files] = got;
            files++;
        }

        /**
         * The platform's rules: missing output (an expected, not ignored output without a file; for a
         * sample without outputs, sentinel rows), then a differing exit code or an unacceptable file.
         */
        SampleOutcome classify(int[] expectedNotIgnored, Map<Integer, List<String>> accepted) {
            int missing = 0;
            int unacceptable = 0;
            int unacceptablePlain = 0;
            int sentinels = 0;
            if (expectedNotIgnored != null) {
                for (int output : expectedNotIgnored) {
                    if (!hasFile(output)) {
                        missing++;
                    }
                }
            }
            for (int i = 0; i < files; i++) {
                boolean sentinel = outputs[i] == SENTINEL_OUTPUT && SENTINEL_GOT.equals(gots[i]);
                if (sentinel) {
                    sentinels++;
                }
                if (gots[i] != null
                        && !accepted.getOrDefault(outputs[i], List.of()).contains(gots[i])) {
                    unacceptable++;
                    if (!sentinel) {
                        unacceptablePlain++;
                    }
                }
            }
            if (expectedNotIgnored == null) {
                missing = sentinels;
            }
            boolean exitCodeDiffers = !Objects.equals(exitCode, expectedRc);
            SampleStatus status = missing > 0
                    ? SampleStatus.MISSING_OUTPUT
                    : exitCodeDiffers || unacceptable > 0 ? SampleStatus.FAIL : SampleStatus.PASS;
            int errors = (exitCodeDiffers ? 1 : 0) + missing + unacceptablePlain;
            return new SampleOutcome(id, status, exitCodeDiffers, errors, runtime, exitCode, expectedRc);
        }

        private boolean hasFile(int output) {
            for (int i = 0; i < files; i++) {
                if (outputs[i] == output) {
                    return true;
                }
            }
            return false;
        }
    }
}
