package io.jenkins.plugins.sampleplatform.db;

import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The details the platform's {@code GET /runs/{id}/samples} shows for the listed failing samples, in one
 * statement: the media sample (id and original name), the category names, and the files whose
 * {@code got} is set (the API's {@code outputs[]} entries with status {@code fail}; the sentinel row left
 * out). Every part is reached through primary keys and a bounded list of ids; only the category link
 * table, which has no primary key, is scanned once on SQLite. Categories come in the order of the link
 * rows (the only table that part reads, so no join order can change it), as the platform's relation
 * loads them; outputs by output id.
 */
final class FailureDetailQuery {

    /** Ids per statement: well under the engines' limits on bound parameters (3 per id). */
    static final int MAX_IDS = 1_000;

    /** What the listing shows for one sample, besides what the classification gives. */
    record Details(Integer sampleId, String sampleName, List<String> categories, List<FailedOutput> outputs) {
        static final Details NONE = new Details(null, null, List.of(), List.of());
    }

    private static final int SAMPLE = 0;
    private static final int CATEGORY = 1;
    private static final int OUTPUT = 2;
    private static final int SELECTED = 3;

    private FailureDetailQuery() {}

    /** The details of {@code regressionTestIds} (at most {@link #MAX_IDS}) in run {@code runId}. */
    static Map<Integer, Details> read(Connection connection, int runId, List<Integer> regressionTestIds)
            throws SQLException {
        if (regressionTestIds.isEmpty()) {
            return Map.of();
        }
        if (regressionTestIds.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " ids per statement");
        }
        String ids = String.join(", ", Collections.nCopies(regressionTestIds.size(), "?"));
        String sql = statement(ids, "f.regression_test_id IN (" + ids + ") AND ");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int p = 1;
            for (int id : regressionTestIds) {
                statement.setInt(p++, id);
            }
            for (int id : regressionTestIds) {
                statement.setInt(p++, id);
            }
            statement.setInt(p++, runId);
            for (int id : regressionTestIds) {
                statement.setInt(p++, id);
            }
            return collect(statement, null);
        }
    }

    /**
     * The details of every sample of run {@code runId} in one set-based statement, with no list of ids: the
     * samples with a result, and with {@code withSelection} also the run's selection (its {@code customized_test}
     * rows, or when it has none every active regression test, as the platform's {@code /config} gives it), whose
     * ids are added to {@code selected}. Sample, category and file rows are reached as in {@link #read}, from the
     * run's results (its primary-key range) instead of bound ids.
     */
    static Map<Integer, Details> readRun(
            Connection connection, int runId, boolean withSelection, List<Integer> selected) throws SQLException {
        String selection = """
                SELECT ct.regression_id FROM customized_test ct WHERE ct.test_id = ?
                UNION SELECT a.id FROM regression_test a WHERE a.active = 1
                      AND NOT EXISTS (SELECT 1 FROM customized_test cx WHERE cx.test_id = ?)""";
        String samples = "SELECT r.regression_test_id FROM test_result r WHERE r.test_id = ?"
                + (withSelection ? " UNION " + selection : "");
        String sql = statement(samples, "");
        if (withSelection) {
            sql += "\nUNION ALL\nSELECT %d, sel.regression_id, NULL, NULL, NULL, NULL FROM (%s) sel"
                    .formatted(SELECTED, selection.replace("ct.regression_id", "ct.regression_id AS regression_id"));
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int perSamples = withSelection ? 3 : 1;
            int p = 1;
            for (int i = 0; i < 2 * perSamples + 1 + (withSelection ? 2 : 0); i++) {
                statement.setInt(p++, runId);
            }
            return collect(statement, selected);
        }
    }

    /**
     * The statement: sample, category and differing-file rows of the regression tests {@code samples} (a list of
     * placeholders or a subquery) names; {@code fileFilter} narrows the files before {@code f.got IS NOT NULL}.
     * Parameters: those of {@code samples} twice, then the run id, then those of {@code fileFilter}.
     */
    private static String statement(String samples, String fileFilter) {
        return """
                SELECT %d AS kind, rt.id AS regression_test_id, s.id AS number, s.original_name AS text,
                       NULL AS extension, NULL AS got
                FROM regression_test rt JOIN sample s ON s.id = rt.sample_id
                WHERE rt.id IN (%s)
                UNION ALL
                SELECT %d, rc.regression_id, NULL, (SELECT c.name FROM category c WHERE c.id = rc.category_id), NULL, NULL
                FROM regression_test_category rc
                WHERE rc.regression_id IN (%s)
                UNION ALL
                SELECT %d, f.regression_test_id, f.regression_test_output_id, f.expected, o.correct_extension, f.got
                FROM test_result_file f LEFT JOIN regression_test_output o ON o.id = f.regression_test_output_id
                WHERE f.test_id = ? AND %sf.got IS NOT NULL""".formatted(SAMPLE, samples, CATEGORY, samples, OUTPUT, fileFilter);
    }

    /** Reads the rows of either statement; {@code selected} (when not null) gets the ids of the selection rows. */
    private static Map<Integer, Details> collect(PreparedStatement statement, List<Integer> selected)
            throws SQLException {
        Map<Integer, Builder> details = new HashMap<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                int kind = rows.getInt(1);
                int id = rows.getInt(2);
                if (rows.wasNull()) {
                    continue; // a selection row naming no regression test
                }
                if (kind == SELECTED) {
                    selected.add(id);
                    continue;
                }
                Builder sample = details.computeIfAbsent(id, key -> new Builder());
                int number = rows.getInt(3);
                boolean noNumber = rows.wasNull();
                String text = rows.getString(4);
                switch (kind) {
                    case SAMPLE -> {
                        sample.sampleId = noNumber ? null : number;
                        sample.sampleName = text;
                    }
                    case CATEGORY -> {
                        if (text != null) { // a link to a category that does not exist
                            sample.categories.add(text);
                        }
                    }
                    default -> {
                        // The sentinel row is no file; compared here, byte for byte, as the platform does.
                        if (number != RunResultReader.SENTINEL_OUTPUT
                                || !RunResultReader.SENTINEL_GOT.equals(rows.getString(6))) {
                            String extension = rows.getString(5);
                            sample.outputs.add(new FailedOutput(number, extension == null ? text : text + extension));
                        }
                    }
                }
            }
        }
        Map<Integer, Details> result = new HashMap<>();
        details.forEach((id, b) -> {
            b.outputs.sort(Comparator.comparingInt(FailedOutput::outputId));
            result.put(id, new Details(b.sampleId, b.sampleName, b.categories, b.outputs));
        });
        return result;
    }

    private static final class Builder {
        Integer sampleId;
        String sampleName;
        final List<String> categories = new ArrayList<>();
        final List<FailedOutput> outputs = new ArrayList<>();
    }
}
