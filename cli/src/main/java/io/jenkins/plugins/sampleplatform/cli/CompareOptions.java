package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.compare.InvalidReferenceException;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.verdict.BuildResult;
import io.jenkins.plugins.sampleplatform.verdict.VerdictBasis;
import io.jenkins.plugins.sampleplatform.verdict.VerdictPolicy;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --compare-with REF} (repeatable), {@code --verdict-on} and {@code --changed-failure-result}. */
final class CompareOptions {

    @Option(
            names = "--compare-with",
            paramLabel = "REF",
            description = "Compare the run with a reference run: master (the newest completed master run), "
                    + "commit:SHA (the newest completed run of that commit), or run:ID. Repeatable; the first "
                    + "reference with a run is the one --verdict-on changes judges against.")
    List<String> references = new ArrayList<>();

    @Option(
            names = "--verdict-on",
            paramLabel = "BASIS",
            description = "absolute (default: every failure counts) or changes (only what the run changed against"
                    + " the first reference found: broken here, failing differently).")
    String verdictOn;

    @Option(
            names = "--changed-failure-result",
            paramLabel = "RESULT",
            description = "With --verdict-on changes: result when samples fail differently (default UNSTABLE).")
    BuildResult changedFailureResult;

    /**
     * The references, in the order given.
     *
     * @throws UsageException for one that is not understood, or {@code --verdict-on changes} without any
     */
    List<Reference> references() throws UsageException {
        List<Reference> parsed = new ArrayList<>();
        for (String text : references) {
            try {
                Reference reference = Reference.parse(text);
                if (reference instanceof Reference.PreviousBuild) {
                    throw new UsageException("--compare-with previousBuild names a Jenkins build: give master,"
                            + " commit:SHA or run:ID on the command line.");
                }
                parsed.add(reference);
            } catch (InvalidReferenceException e) {
                throw new UsageException("--compare-with: " + e.getMessage());
            }
        }
        if (parsed.isEmpty() && basis() == VerdictBasis.CHANGES) {
            throw new UsageException(
                    "--verdict-on changes needs a reference: add --compare-with master (or" + " commit:SHA, run:ID).");
        }
        return parsed;
    }

    /** {@code base} with this verdict basis and result. */
    VerdictPolicy policy(VerdictPolicy base) throws UsageException {
        VerdictPolicy.Builder builder = base.toBuilder().verdictOn(basis());
        if (changedFailureResult != null) {
            builder.changedFailureResult(changedFailureResult);
        }
        return builder.build();
    }

    private VerdictBasis basis() throws UsageException {
        if (verdictOn == null) {
            return VerdictBasis.ABSOLUTE;
        }
        try {
            return VerdictBasis.parse(verdictOn);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--verdict-on must be absolute or changes, was '" + verdictOn.strip() + "'.");
        }
    }
}
