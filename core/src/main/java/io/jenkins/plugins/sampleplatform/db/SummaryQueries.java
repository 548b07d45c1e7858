package io.jenkins.plugins.sampleplatform.db;

/**
 * The two statements that compute a run summary inside the database, whatever the run's size: one for
 * the run (existence, last progress status, selected samples) and one that classifies every result
 * and adds the classes up. See docs/database-mode.md and the platform's algorithm it follows.
 */
final class SummaryQueries {

    /** Parameters: run id. Columns: last_status, customized, active. No row: the run does not exist. */
    static final String RUN = """
            SELECT (SELECT tp.status FROM test_progress tp WHERE tp.test_id = t.id ORDER BY tp.id DESC LIMIT 1) AS last_status,
                   (SELECT COUNT(*) FROM customized_test ct WHERE ct.test_id = t.id) AS customized,
                   (SELECT COUNT(*) FROM regression_test rt WHERE rt.active = 1) AS active
            FROM test t WHERE t.id = ?""";

    private SummaryQueries() {}

    /**
     * Parameters: run id, three times. Columns: results, passed, failed, missing, errors, duration (NULL when
     * no result has a non-zero runtime).
     */
    static String results(SqlDialect sql) {
        String sentinel =
                "f.regression_test_output_id = -1 AND f.got IS NOT NULL AND " + sql.sameBytes("f.got", "'error'");
        String acceptable = "EXISTS (SELECT 1 FROM regression_test_output o JOIN regression_test_output_files v"
                + " ON v.regression_test_output_id = o.id WHERE o.id = f.regression_test_output_id AND "
                + sql.sameBytes("v.file_hashes", "f.got") + ")";
        return """
                SELECT COUNT(*) AS results,
                       SUM(CASE WHEN c.missing = 0 AND c.rc_differs = 0 AND c.bad_files = 0 THEN 1 ELSE 0 END) AS passed,
                       SUM(CASE WHEN c.missing = 0 AND (c.rc_differs = 1 OR c.bad_files > 0) THEN 1 ELSE 0 END) AS failed,
                       SUM(CASE WHEN c.missing > 0 THEN 1 ELSE 0 END) AS missing,
                       SUM(c.rc_differs + c.missing + c.bad_plain_files) AS errors,
                       SUM(CASE WHEN c.runtime IS NOT NULL AND c.runtime <> 0 THEN c.runtime ELSE 0 END) AS duration
                FROM (
                    SELECT r.runtime,
                           CASE WHEN %s THEN 1 ELSE 0 END AS rc_differs,
                           CASE WHEN COALESCE(e.outputs, 0) > 0 THEN COALESCE(m.unproduced, 0)
                                ELSE COALESCE(fs.sentinels, 0) END AS missing,
                           COALESCE(fs.bad, 0) AS bad_files,
                           COALESCE(fs.bad_plain, 0) AS bad_plain_files
                    FROM test_result r
                    LEFT JOIN (SELECT regression_id, COUNT(*) AS outputs FROM regression_test_output GROUP BY regression_id) e
                           ON e.regression_id = r.regression_test_id
                    LEFT JOIN (SELECT r2.regression_test_id, COUNT(*) AS unproduced
                               FROM test_result r2
                               JOIN regression_test_output o ON o.regression_id = r2.regression_test_id
                               LEFT JOIN test_result_file f2 ON f2.test_id = r2.test_id
                                     AND f2.regression_test_id = r2.regression_test_id AND f2.regression_test_output_id = o.id
                               WHERE r2.test_id = ? AND (o.`ignore` IS NULL OR o.`ignore` = 0) AND f2.test_id IS NULL
                               GROUP BY r2.regression_test_id) m
                           ON m.regression_test_id = r.regression_test_id
                    LEFT JOIN (SELECT x.regression_test_id, SUM(x.is_sentinel) AS sentinels, SUM(x.is_bad) AS bad,
                                      SUM(CASE WHEN x.is_bad = 1 AND x.is_sentinel = 0 THEN 1 ELSE 0 END) AS bad_plain
                               FROM (SELECT f.regression_test_id,
                                            CASE WHEN %s THEN 1 ELSE 0 END AS is_sentinel,
                                            CASE WHEN f.got IS NOT NULL AND NOT %s THEN 1 ELSE 0 END AS is_bad
                                     FROM test_result_file f WHERE f.test_id = ?) x
                               GROUP BY x.regression_test_id) fs
                           ON fs.regression_test_id = r.regression_test_id
                    WHERE r.test_id = ?
                ) c""".formatted(sql.differs("r.exit_code", "r.expected_rc"), sentinel, acceptable);
    }
}
