package io.jenkins.plugins.sampleplatform.db;

/**
 * The statements DB mode reads a run with. Each one is shaped so that the planners can execute it
 * with the indexes the platform's own schema has: primary keys everywhere, and on MySQL/MariaDB the
 * foreign-key indexes InnoDB adds. On SQLite the platform's tables have no index on
 * {@code regression_test_output.regression_id} nor on
 * {@code regression_test_output_files.regression_test_output_id}, so no statement looks rows up by
 * those columns in a loop: it scans such a table once and reaches the run's rows through primary
 * keys. The classification itself happens in Java ({@link RunResultReader}); see
 * docs/database-mode.md for the cost of each statement.
 */
final class SummaryQueries {

    /** Parameters: run id. Columns: last_status, customized, active. No row: the run does not exist. */
    static final String RUN = """
            SELECT (SELECT tp.status FROM test_progress tp WHERE tp.test_id = t.id ORDER BY tp.id DESC LIMIT 1) AS last_status,
                   (SELECT COUNT(*) FROM customized_test ct WHERE ct.test_id = t.id) AS customized,
                   (SELECT COUNT(*) FROM regression_test rt WHERE rt.active = 1) AS active
            FROM test t WHERE t.id = ?""";

    /**
     * Parameters: run id. Columns: sample, output id, ignore. The expected outputs of the samples that
     * have a result in the run (all of them, ignored ones too). Both engines scan the output table once,
     * in its primary-key order, and find each row's result by the result's primary key: SQLite has no
     * other way (no index on {@code regression_id}), and on MariaDB a sequential pass is cheaper than one
     * secondary-index lookup per output, so {@code STRAIGHT_JOIN} keeps that order.
     */
    static String expectedOutputs(SqlDialect dialect) {
        String join =
                switch (dialect) {
                    case SQLITE -> "JOIN";
                    case MYSQL -> "STRAIGHT_JOIN";
                };
        return """
                SELECT o.regression_id, o.id, o.`ignore`
                FROM regression_test_output o
                %s test_result r ON r.test_id = ? AND r.regression_test_id = o.regression_id""".formatted(join);
    }

    /**
     * Parameters: run id. Columns: output id, accepted hash. The accepted hashes of every existing output
     * that one of the run's files names with a {@code got} value: the run's output ids are collected once
     * (an uncorrelated subquery over the files' primary key) and the variants table is scanned once.
     * SQLite also looks each output up by its primary key, as the platform's rule wants the output to
     * exist; on MariaDB/MySQL the variants' foreign key (InnoDB enforces it) already guarantees that,
     * and leaving the join out halves the statement's cost there.
     */
    static String acceptedHashes(SqlDialect dialect) {
        String outputExists =
                switch (dialect) {
                    case SQLITE -> "JOIN regression_test_output o ON o.id = v.regression_test_output_id";
                    case MYSQL -> "";
                };
        return """
                SELECT v.regression_test_output_id, v.file_hashes
                FROM regression_test_output_files v %s
                WHERE v.regression_test_output_id IN
                      (SELECT f.regression_test_output_id FROM test_result_file f WHERE f.test_id = ? AND f.got IS NOT NULL)""".formatted(outputExists);
    }

    /**
     * Parameters: run id. Every result of the run with its files, one row per file (or one row with
     * NULL file columns for a result without files), grouped by sample in primary-key order: a range
     * read on both tables, no sort.
     */
    static final String RESULTS_WITH_FILES = """
            SELECT r.regression_test_id, r.runtime, r.exit_code, r.expected_rc, f.regression_test_output_id, f.got
            FROM test_result r
            LEFT JOIN test_result_file f ON f.test_id = r.test_id AND f.regression_test_id = r.regression_test_id
            WHERE r.test_id = ?
            ORDER BY r.regression_test_id""";

    private SummaryQueries() {}
}
