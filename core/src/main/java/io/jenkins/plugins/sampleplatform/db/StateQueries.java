package io.jenkins.plugins.sampleplatform.db;

/**
 * The statements DB mode reads a run's comparison states with (with {@link SummaryQueries#acceptedHashes}):
 * each one set-based over the run or the catalogue, none per test, so a run costs six statements whatever its
 * size. Like {@link SummaryQueries}, they reach the run's rows through primary keys and scan the catalogue
 * tables that the platform's SQLite schema leaves without an index once.
 */
final class StateQueries {

    /**
     * Parameters: run id. Columns: the run's row, its last progress status (by row id) and how many
     * {@code customized_test} rows it has. No row: the run does not exist.
     */
    static final String RUN = """
            SELECT t.id, t.platform, t.test_type, t.`commit` AS commit_sha, f.github,
                   (SELECT tp.status FROM test_progress tp WHERE tp.test_id = t.id ORDER BY tp.id DESC LIMIT 1) AS last_status,
                   (SELECT COUNT(*) FROM customized_test ct WHERE ct.test_id = t.id) AS customized
            FROM test t LEFT JOIN fork f ON f.id = t.fork_id
            WHERE t.id = ?""";

    /**
     * Parameters: customized-row count, run id. Columns: test, sample id, sample name, category id, category
     * name. The run's selection (its {@code customized_test} rows, else every regression test, inactive ones
     * included) joined with the category links: a test without a category (or linked only to categories that
     * do not exist) has no row, as in the platform's {@code get_test_results}.
     */
    static final String SELECTED_TESTS = """
            SELECT rt.id, s.id AS sample_id, s.original_name, c.id AS category_id, c.name
            FROM regression_test rt
            JOIN regression_test_category rc ON rc.regression_id = rt.id
            JOIN category c ON c.id = rc.category_id
            LEFT JOIN sample s ON s.id = rt.sample_id
            WHERE ? = 0 OR rt.id IN (SELECT ct.regression_id FROM customized_test ct WHERE ct.test_id = ?)""";

    /** Columns: test, output id, ignore. Every expected output of the catalogue, one scan. */
    static final String OUTPUTS = "SELECT o.regression_id, o.id, o.`ignore` FROM regression_test_output o";

    /** Parameters: run id. Columns: test, runtime, exit code, expected exit code. The run's results. */
    static final String RESULTS =
            "SELECT r.regression_test_id, r.runtime, r.exit_code, r.expected_rc FROM test_result r WHERE r.test_id = ?";

    /**
     * Parameters: run id. Columns: test, output id, got. Every result file of the run, those of tests without a
     * result row included (a run canceled between a file and its result).
     */
    static final String FILES = "SELECT f.regression_test_id, f.regression_test_output_id, f.got"
            + " FROM test_result_file f WHERE f.test_id = ?";

    /**
     * Parameters: platform, run id. Columns: run id. The platform's tip of master: the newest {@code completed}
     * progress row (highest row id) of a {@code commit}-type run on branch master of the same platform, the
     * judged run excluded.
     */
    static final String TIP_OF_MASTER = """
            SELECT t.id FROM test t JOIN test_progress tp ON tp.test_id = t.id
            WHERE t.branch = 'master' AND t.test_type = 'commit' AND t.platform = ? AND tp.status = 'completed' AND t.id <> ?
            ORDER BY tp.id DESC LIMIT 1""";

    /**
     * Parameters: commit (lower case), platform, run id. Columns: run id. The newest completed run of a commit
     * on the same platform, the judged run excluded, ordered as the platform's {@code find_ancestor_run}.
     */
    static final String NEWEST_OF_COMMIT = """
            SELECT t.id FROM test t JOIN test_progress tp ON tp.test_id = t.id
            WHERE LOWER(t.`commit`) = ? AND t.platform = ? AND tp.status = 'completed' AND t.id <> ?
            ORDER BY tp.id DESC LIMIT 1""";

    /** Parameters: run id. Columns: run id. */
    static final String RUN_EXISTS = "SELECT t.id FROM test t WHERE t.id = ?";

    private StateQueries() {}
}
