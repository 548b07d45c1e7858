package io.jenkins.plugins.sampleplatform.bench;

import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The summary computed the way an ORM with lazy relations would: load the run, then each result, then
 * for each result its files and its sample's outputs, then each output's accepted hashes, one query at
 * a time, and compute in Java. Only for comparison in the benchmark; DB mode does not work this way.
 */
final class NaiveSummary {

    private NaiveSummary() {}

    static RunSummary summarize(Connection connection, int runId) throws SQLException {
        List<String> progress =
                strings(connection, "SELECT status FROM test_progress WHERE test_id = ? ORDER BY id", runId);
        int customized = strings(connection, "SELECT regression_id FROM customized_test WHERE test_id = ?", runId)
                .size();
        int selected = customized > 0
                ? customized
                : strings(connection, "SELECT id FROM regression_test WHERE active = 1", null)
                        .size();

        int results = 0;
        int pass = 0;
        int fail = 0;
        int missing = 0;
        int errors = 0;
        long duration = 0;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT regression_test_id, runtime, exit_code, expected_rc FROM test_result WHERE test_id = ?")) {
            statement.setInt(1, runId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    results++;
                    int sample = row.getInt(1);
                    Integer runtime = (Integer) row.getObject(2, Integer.class);
                    boolean rcDiffers =
                            !Objects.equals(row.getObject(3, Integer.class), row.getObject(4, Integer.class));
                    if (runtime != null && runtime != 0) {
                        duration += runtime;
                    }
                    List<Object[]> files = rows(
                            connection,
                            "SELECT regression_test_output_id, got FROM test_result_file"
                                    + " WHERE test_id = ? AND regression_test_id = ?",
                            runId,
                            sample);
                    List<Object[]> outputs = rows(
                            connection,
                            "SELECT id, `ignore` FROM regression_test_output WHERE regression_id = ?",
                            sample);
                    int unproduced = 0;
                    if (outputs.isEmpty()) {
                        for (Object[] file : files) {
                            unproduced += isSentinel(file) ? 1 : 0;
                        }
                    } else {
                        for (Object[] output : outputs) {
                            boolean ignored = output[1] instanceof Boolean flag
                                    ? flag
                                    : output[1] != null && ((Number) output[1]).intValue() != 0;
                            boolean produced = files.stream()
                                    .anyMatch(f -> ((Number) f[0]).intValue() == ((Number) output[0]).intValue());
                            unproduced += !ignored && !produced ? 1 : 0;
                        }
                    }
                    int badAny = 0;
                    int badPlain = 0;
                    for (Object[] file : files) {
                        if (file[1] != null
                                && !strings(
                                                connection,
                                                "SELECT v.file_hashes FROM regression_test_output o JOIN"
                                                        + " regression_test_output_files v ON v.regression_test_output_id = o.id WHERE o.id = ?",
                                                ((Number) file[0]).intValue())
                                        .contains((String) file[1])) {
                            badAny++;
                            badPlain += isSentinel(file) ? 0 : 1;
                        }
                    }
                    errors += (rcDiffers ? 1 : 0) + unproduced + badPlain;
                    if (unproduced > 0) {
                        missing++;
                    } else if (rcDiffers || badAny > 0) {
                        fail++;
                    } else {
                        pass++;
                    }
                }
            }
        }
        String last =
                progress.isEmpty() ? null : progress.get(progress.size() - 1).strip();
        RunStatus status = last == null
                ? RunStatus.QUEUED
                : switch (last) {
                    case "preparation", "testing" -> RunStatus.RUNNING;
                    case "canceled" -> RunStatus.CANCELED;
                    case "completed" ->
                        results == 0 ? RunStatus.ERROR : fail + missing > 0 ? RunStatus.FAIL : RunStatus.PASS;
                    default -> throw new IllegalStateException("unknown status " + last);
                };
        return new RunSummary(
                runId,
                status,
                selected,
                pass,
                fail,
                Math.max(0, selected - results),
                missing,
                errors,
                duration > 0 ? duration : null,
                null);
    }

    private static boolean isSentinel(Object[] file) {
        return ((Number) file[0]).intValue() == -1 && "error".equals(file[1]);
    }

    private static List<String> strings(Connection connection, String sql, Integer parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        for (Object[] row : rows(connection, sql, parameter == null ? new Object[0] : new Object[] {parameter})) {
            values.add(String.valueOf(row[0]));
        }
        return values;
    }

    private static List<Object[]> rows(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    Object[] values = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        values[c] = row.getObject(c + 1);
                    }
                    rows.add(values);
                }
            }
            return rows;
        }
    }
}
