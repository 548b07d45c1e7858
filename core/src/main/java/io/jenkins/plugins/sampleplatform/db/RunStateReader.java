package io.jenkins.plugins.sampleplatform.db;

import io.jenkins.plugins.sampleplatform.compare.ProducedOutput;
import io.jenkins.plugins.sampleplatform.compare.ResultStatus;
import io.jenkins.plugins.sampleplatform.compare.RunState;
import io.jenkins.plugins.sampleplatform.compare.Signature;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.summary.RunNotFoundException;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads one run's comparison states ({@link RunState}) with six set-based statements ({@link StateQueries}
 * and the accepted hashes of {@link SummaryQueries}), and applies the platform's {@code get_test_results} and
 * {@code build_state} rules in Java (sample-platform-comparison.md):
 * <ul>
 *   <li>the tests: the run's selection that is linked to at least one existing category;</li>
 *   <li>failed: the exit code differs (result row present), or a file has {@code got} set that is none of its
 *       output's accepted variants, or the test has no file at all and has an output whose {@code ignore} is
 *       false (a NULL {@code ignore} does not count here: the platform asks {@code ignore IS false}); then
 *       the dummy {@code (-1, "error")} is its signature;</li>
 *   <li>the signature: the sorted {@code (output, got)} pairs of the files whose {@code got} is set.</li>
 * </ul>
 * One difference: a file whose output does not exist, with {@code got} set and the exit code as expected,
 * makes the platform's page fail (it reads the variants of a missing output); here it is a failed output,
 * as the summary counts it. The summary's own per-test status ({@link ResultStatus}) comes from
 * {@link RunResultReader.Sample}, the rules the summary uses.
 */
final class RunStateReader {

    private static final int FETCH_SIZE = 1_000;

    private RunStateReader() {}

    static RunState read(Connection connection, SqlDialect dialect, int runId)
            throws SQLException, SummaryException, InterruptedException {
        return read(connection, dialect, runId, outputs(connection));
    }

    /**
     * The same with the catalogue's expected outputs already read ({@link #outputs}): they do not depend on the
     * run, so a comparison reads them once for both runs (five statements a run then).
     */
    static RunState read(Connection connection, SqlDialect dialect, int runId, Map<Integer, Outputs> outputs)
            throws SQLException, SummaryException, InterruptedException {
        RunRow run = run(connection, runId);
        Map<Integer, Selected> selected = selected(connection, runId, run.customized);
        RunResultReader.checkInterrupted();
        Map<Integer, List<String>> accepted = RunResultReader.acceptedHashes(connection, dialect, runId);
        Map<Integer, RunResultReader.Sample> results = results(connection, runId);
        Map<Integer, List<FileRow>> files = files(connection, runId, results);
        RunResultReader.checkInterrupted();

        // The summary's status of every result (all of them decide the run's status, selected or not).
        Map<Integer, ResultStatus> statuses = new HashMap<>();
        int notPassed = 0;
        for (RunResultReader.Sample sample : results.values()) {
            Outputs expected = outputs.get(sample.id);
            SampleOutcome outcome = sample.classify(expected == null ? null : expected.notIgnored(), accepted);
            ResultStatus status = ResultStatus.valueOf(outcome.status().name());
            statuses.put(sample.id, status);
            if (status != ResultStatus.PASS) {
                notPassed++;
            }
        }
        RunStatus status = run.lastStatus == null
                ? RunStatus.QUEUED
                : DatabaseSummarySource.status(runId, run.lastStatus, results.size(), notPassed);
        RunInfo info = new RunInfo(runId, status, run.platform, run.testType, run.repository, run.commit);

        List<TestState> states = new ArrayList<>(selected.size());
        for (Selected test : selected.values()) {
            RunResultReader.Sample result = results.get(test.id);
            List<FileRow> testFiles = files.getOrDefault(test.id, List.of());
            boolean failed = result != null && !Objects.equals(result.exitCode, result.expectedRc);
            Signature signature;
            if (testFiles.isEmpty()) {
                Outputs expected = outputs.get(test.id);
                boolean expectsOutput = expected != null && expected.anyStrictlyNotIgnored;
                failed |= expectsOutput;
                signature = expectsOutput ? Signature.dummy() : Signature.empty();
            } else {
                List<ProducedOutput> produced = new ArrayList<>(testFiles.size());
                for (FileRow file : testFiles) {
                    if (file.got() != null) {
                        produced.add(new ProducedOutput(file.outputId(), file.got()));
                        failed |= !accepted.getOrDefault(file.outputId(), List.of())
                                .contains(file.got());
                    }
                }
                signature = Signature.of(produced);
            }
            test.categories.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
            states.add(new TestState(
                    test.id,
                    test.sampleId,
                    test.sampleName,
                    test.categories.stream().map(c -> c == null ? "" : c).toList(),
                    !failed,
                    signature,
                    statuses.getOrDefault(test.id, ResultStatus.NOT_RUN)));
        }
        return RunState.of(info, states);
    }

    private record RunRow(
            String platform, String testType, String commit, String repository, String lastStatus, int customized) {}

    private static RunRow run(Connection connection, int runId) throws SQLException, RunNotFoundException {
        try (PreparedStatement statement = connection.prepareStatement(StateQueries.RUN)) {
            statement.setInt(1, runId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new RunNotFoundException(runId, "Run " + runId + " not found.");
                }
                return new RunRow(
                        row.getString("platform"),
                        row.getString("test_type"),
                        row.getString("commit_sha"),
                        DatabaseRunLookup.repository(row.getString("github")),
                        row.getString("last_status"),
                        row.getInt("customized"));
            }
        }
    }

    /** A selected, categorized test while its category rows are read. */
    private static final class Selected {
        final int id;
        Integer sampleId;
        String sampleName;
        final List<Integer> categoryIds = new ArrayList<>(2);
        final List<String> categories = new ArrayList<>(2);

        Selected(int id) {
            this.id = id;
        }
    }

    private static Map<Integer, Selected> selected(Connection connection, int runId, int customized)
            throws SQLException {
        Map<Integer, Selected> selected = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(StateQueries.SELECTED_TESTS)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setInt(1, customized);
            statement.setInt(2, runId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Selected test = selected.computeIfAbsent(rows.getInt(1), Selected::new);
                    test.sampleId = RunResultReader.nullableInt(rows, 2);
                    test.sampleName = rows.getString(3);
                    int category = rows.getInt(4);
                    if (!test.categoryIds.contains(category)) { // a link row written twice is one category
                        test.categoryIds.add(category);
                        test.categories.add(rows.getString(5));
                    }
                }
            }
        }
        return selected;
    }

    /** A test's expected outputs: those the summary counts as not ignored, and whether one is strictly not. */
    static final class Outputs {
        int[] notIgnored = new int[0];
        boolean anyStrictlyNotIgnored;

        int[] notIgnored() {
            return notIgnored;
        }
    }

    /** Every expected output of the catalogue, by test: one scan of {@code regression_test_output}. */
    static Map<Integer, Outputs> outputs(Connection connection) throws SQLException {
        Map<Integer, Outputs> outputs = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(StateQueries.OUTPUTS)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Integer test = RunResultReader.nullableInt(rows, 1);
                    if (test == null) {
                        continue;
                    }
                    int output = rows.getInt(2);
                    Integer ignore = RunResultReader.nullableInt(rows, 3);
                    Outputs o = outputs.computeIfAbsent(test, id -> new Outputs());
                    if (ignore == null || ignore == 0) { // the summary: false or NULL is not ignored
                        o.notIgnored = Arrays.copyOf(o.notIgnored, o.notIgnored.length + 1);
                        o.notIgnored[o.notIgnored.length - 1] = output;
                    }
                    if (ignore != null && ignore == 0) { // the comparison: `ignore IS false`
                        o.anyStrictlyNotIgnored = true;
                    }
                }
            }
        }
        return outputs;
    }

    private static Map<Integer, RunResultReader.Sample> results(Connection connection, int runId) throws SQLException {
        Map<Integer, RunResultReader.Sample> results = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(StateQueries.RESULTS)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setInt(1, runId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int id = rows.getInt(1);
                    results.put(
                            id,
                            new RunResultReader.Sample(
                                    id,
                                    RunResultReader.nullableInt(rows, 2),
                                    RunResultReader.nullableInt(rows, 3),
                                    RunResultReader.nullableInt(rows, 4)));
                }
            }
        }
        return results;
    }

    /**
     * Every file of the run by test; each file
     * of a test with a result row is also added to that result, for the summary's rules.
     */
    /** One result file: {@code got} is {@code null} when the output matched. */
    private record FileRow(int outputId, String got) {}

    private static Map<Integer, List<FileRow>> files(
            Connection connection, int runId, Map<Integer, RunResultReader.Sample> results) throws SQLException {
        Map<Integer, List<FileRow>> files = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(StateQueries.FILES)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setInt(1, runId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int test = rows.getInt(1);
                    int output = rows.getInt(2);
                    String got = rows.getString(3);
                    files.computeIfAbsent(test, id -> new ArrayList<>(2)).add(new FileRow(output, got));
                    RunResultReader.Sample result = results.get(test);
                    if (result != null) {
                        result.addFile(output, got);
                    }
                }
            }
        }
        return files;
    }
}
