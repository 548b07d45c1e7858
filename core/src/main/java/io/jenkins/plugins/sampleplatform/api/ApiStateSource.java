package io.jenkins.plugins.sampleplatform.api;

import io.jenkins.plugins.sampleplatform.compare.ProducedOutput;
import io.jenkins.plugins.sampleplatform.compare.ResultStatus;
import io.jenkins.plugins.sampleplatform.compare.RunState;
import io.jenkins.plugins.sampleplatform.compare.RunStateSource;
import io.jenkins.plugins.sampleplatform.compare.Signature;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-test states through the REST API, equal to the platform's own {@code build_state} over
 * {@code get_test_results} (see {@code docs/comparing-runs.md}), from what {@link RunResults} reads: the
 * summary, {@code /config}, the failing listings (the full listing only for a run with never-ran tests) and,
 * with {@code results:read}, the produced hashes.
 *
 * <p>How each selected test's state follows from the API:
 * <ul>
 *   <li>not listed (the filtered path): it ran and passed; the API does not say whether it has a category,
 *       and it is taken as categorized (the platform leaves a test without a category out);</li>
 *   <li>listed: its categories say whether it counts; {@code pass} passed; otherwise it failed, except a
 *       {@code missing_output} test with some result file, a matching exit code and only accepted outputs:
 *       the platform fails a test for a missing output only when it has no result file at all;</li>
 *   <li>never ran ({@code /config} minus the full listing): its definition ({@code /regression-tests/{id}},
 *       one request per such test, shared by every run this source reads) gives its categories, and it fails
 *       with the dummy signature when it has an output that is not ignored;</li>
 *   <li>the signature: the produced hashes of its result files (the artifacts' file names less the output's
 *       extension); {@link Signature#unknown()} for a failing test with a produced output when the token
 *       lacks {@code results:read}. A test without produced outputs has a known signature either way.</li>
 * </ul>
 * Not visible through the API, documented as such: the legacy sentinel result row, and, for a run without a
 * selection, inactive tests that never ran ({@code /config} lists only active tests there).
 */
public final class ApiStateSource implements RunStateSource {

    private final ApiTransport transport;
    private final RunResults results;
    private final boolean readHashes;
    private final Map<Integer, TestDefinition> definitions = new HashMap<>();
    private Boolean hashesReadable;

    ApiStateSource(ApiTransport transport, boolean readHashes) {
        this.transport = transport;
        this.results = new RunResults(transport);
        this.readHashes = readHashes;
    }

    @Override
    public RunState state(int runId) throws SummaryException, InterruptedException {
        return state(runId, null);
    }

    /**
     * The states of the run's tests, only of those in {@code only} when it is not null: a reference run's
     * tests that the judged run does not have get no verdict, so their definitions are not read.
     */
    public RunState state(int runId, Set<Integer> only) throws SummaryException, InterruptedException {
        RunResults.Record record = results.read(runId, readHashes && !Boolean.FALSE.equals(hashesReadable));
        if (readHashes) {
            // One 403 is enough to know: the other runs of this comparison skip the request.
            hashesReadable = record.hashesKnown();
        }
        List<TestState> states = new ArrayList<>();
        for (int testId : record.selection()) {
            if (only != null && !only.contains(testId)) {
                continue;
            }
            TestState state = state(record, testId);
            if (state != null) {
                states.add(state);
            }
        }
        return RunState.of(record.info(), states);
    }

    /** Whether the last run read had its produced hashes read ({@code results:read}); null before any. */
    public Boolean hashesReadable() {
        return hashesReadable;
    }

    @Override
    public String describe() {
        return "API (per-test states)";
    }

    /** The state of one selected test, or null when the platform leaves it out (no category). */
    private TestState state(RunResults.Record run, int testId) throws SummaryException, InterruptedException {
        ResultItem item = run.results().get(testId);
        if (item == null && run.complete()) {
            TestDefinition definition = definition(testId);
            if (definition.categories().isEmpty()) {
                return null;
            }
            boolean passed = !definition.missesOutputWithoutFiles();
            return new TestState(
                    testId,
                    definition.sampleId(),
                    definition.sampleName(),
                    definition.categories(),
                    passed,
                    passed ? Signature.empty() : Signature.dummy(),
                    ResultStatus.NOT_RUN);
        }
        if (item == null) {
            // Not among the failing results of a run whose selection all ran: it passed.
            return new TestState(
                    testId, null, null, List.of(), true, signature(run, testId, List.of()), ResultStatus.PASS);
        }
        if (item.categories().isEmpty()) {
            return null;
        }
        boolean passed;
        Signature signature;
        if (item.outputs().isEmpty()) {
            // No result file shown: none stored (the sentinel row is hidden, see the class comment).
            passed = item.status() == io.jenkins.plugins.sampleplatform.failures.SampleStatus.PASS;
            signature = item.status() == io.jenkins.plugins.sampleplatform.failures.SampleStatus.MISSING_OUTPUT
                    ? Signature.dummy()
                    : Signature.empty();
        } else {
            signature = signature(run, testId, item.outputs());
            passed = switch (item.status()) {
                case PASS -> true;
                case FAIL -> false;
                case MISSING_OUTPUT -> !item.exitCodeDiffers() && producedOnlyAccepted(run, item);
            };
        }
        return new TestState(
                testId,
                item.sampleId(),
                item.sampleName(),
                item.categories(),
                passed,
                signature,
                ResultStatus.valueOf(item.status().name()));
    }

    /**
     * Whether every produced output of a {@code missing_output} test is an accepted variant: then the platform
     * passes it (it has result files, the exit code matched). Reads the test's definition for the variants.
     *
     * @throws ComparisonUnavailable when a produced hash is needed and the token cannot read it
     */
    private boolean producedOnlyAccepted(RunResults.Record run, ResultItem item)
            throws SummaryException, InterruptedException {
        List<ResultItem.ResultFile> produced =
                item.outputs().stream().filter(ResultItem.ResultFile::produced).toList();
        if (produced.isEmpty()) {
            return true;
        }
        TestDefinition definition = definition(item.regressionTestId());
        for (ResultItem.ResultFile file : produced) {
            TestDefinition.Output output = definition.output(file.outputId());
            if (output == null || output.variants().isEmpty()) {
                return false;
            }
            if (!run.hashesKnown()) {
                throw new ComparisonUnavailable("Run " + run.runId() + ": regression test " + item.regressionTestId()
                        + " lacks an output and produced output " + file.outputId()
                        + ", which may be one of its accepted variants; the platform's comparison passes it if it"
                        + " is. The token cannot read produced hashes (it lacks the scope results:read), so the"
                        + " comparison cannot tell: use a token with results:read, or DB mode.");
            }
            String name = run.produced(item.regressionTestId(), file.outputId());
            String got = name == null ? null : stripExtension(name, output.extension());
            if (got == null || !output.variants().contains(got)) {
                return false;
            }
        }
        return true;
    }

    /** The signature from the produced hashes of a test's result files. */
    private static Signature signature(RunResults.Record run, int testId, List<ResultItem.ResultFile> files) {
        boolean anyProduced = files.stream().anyMatch(ResultItem.ResultFile::produced);
        if (!run.hashesKnown()) {
            // Without hashes a listed test with no produced output still has a known, empty signature.
            return anyProduced || files.isEmpty() ? Signature.unknown() : Signature.empty();
        }
        Map<Integer, String> produced = run.produced().getOrDefault(testId, Map.of());
        List<ProducedOutput> outputs = new ArrayList<>();
        produced.forEach((outputId, name) -> {
            String extension = files.stream()
                    .filter(f -> f.outputId() == outputId)
                    .map(ResultItem.ResultFile::extension)
                    .findFirst()
                    .orElseGet(() -> lastDotSuffix(name));
            outputs.add(new ProducedOutput(outputId, stripExtension(name, extension)));
        });
        return Signature.of(outputs);
    }

    /** {@code got} from the artifact's file name ({@code got} plus the output's extension). */
    static String stripExtension(String filename, String extension) {
        return !extension.isEmpty() && filename.endsWith(extension)
                ? filename.substring(0, filename.length() - extension.length())
                : filename;
    }

    private static String lastDotSuffix(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    private TestDefinition definition(int testId) throws SummaryException, InterruptedException {
        TestDefinition known = definitions.get(testId);
        if (known != null) {
            return known;
        }
        ApiResponse response =
                transport.send(ApiRequest.get("/regression-tests/" + testId, "regression test " + testId));
        TestDefinition definition;
        try {
            definition = TestDefinition.read(
                    transport.parser(),
                    transport.parser().object(response.body(), response.contentType(), response.status()));
        } catch (IllegalArgumentException e) {
            throw transport.parser().malformed("regression test " + testId + " is not valid: " + e.getMessage(), 200);
        }
        definitions.put(testId, definition);
        return definition;
    }

    /** The comparison cannot be made honestly with what the token may read. */
    public static final class ComparisonUnavailable extends SummaryException {
        private static final long serialVersionUID = 1L;

        ComparisonUnavailable(String message) {
            super(message);
        }
    }
}
