package io.jenkins.plugins.sampleplatform.publish;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.compare.InvalidReferenceException;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.verdict.BuildResult;
import io.jenkins.plugins.sampleplatform.verdict.VerdictBasis;
import io.jenkins.plugins.sampleplatform.verdict.VerdictPolicy;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The per-call settings of the Pipeline step and the freestyle action, all optional but the run id.
 * A {@code null} value means "use the global configuration" (or the policy's default).
 */
public final class SummaryOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where the summary comes from. */
    public enum Source {
        API,
        DATABASE;

        /** Reads {@code api} or {@code database}; {@code null} or empty means "the global default". */
        public static @CheckForNull Source parse(@CheckForNull String text) {
            String value = Util.fixEmptyAndTrim(text);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "api" -> API;
                case "database", "db" -> DATABASE;
                default -> throw new IllegalArgumentException(Messages.SummaryOptions_BadSource(value));
            };
        }
    }

    /**
     * The results a condition may set. Not ABORTED: Jenkins ranks it (and NOT_BUILT) worse than FAILURE
     * and a result is only ever made worse, so it would hide a later failure and read as "someone
     * stopped the build".
     */
    public static final List<BuildResult> SETTABLE_RESULTS =
            List.of(BuildResult.SUCCESS, BuildResult.UNSTABLE, BuildResult.FAILURE, BuildResult.NOT_BUILT);

    public String runId;
    public String credentialsId;
    public String baseUrl;
    public String source;
    public Integer failThreshold;
    public String failResult;
    public Integer missingOutputThreshold;
    public String missingOutputResult;
    public boolean propagate = true;
    /** Whether to list the failing samples (the step's and the action's {@code failures} option). */
    public boolean failures = true;
    /** Whether every sample goes into the build's test report (the junit plugin's, optional). */
    public boolean testReport;
    /** Whether the verdict is published as a check (checks-api, optional). */
    public boolean publishChecks;
    /** The check's conclusion for an UNSTABLE verdict: {@code NEUTRAL} (default) or {@code FAILURE}. */
    public String checksUnstableConclusion;
    /**
     * The references to compare with, as written ({@code master}, {@code commit:SHA}, ...); empty: none. An
     * ArrayList, as every list here: the options are saved with a Pipeline's program, and XStream cannot
     * read the JDK's immutable lists back.
     */
    public List<String> compareWith = new ArrayList<>();
    /** {@code absolute} or {@code changes}; {@code null}: the policy's default (absolute). */
    public String verdictOn;
    /** The result for samples failing differently from the reference, with {@code verdictOn: 'changes'}. */
    public String changedFailureResult;
    /** Whether API mode reads the first lines of the platform's diffs of broken and changed outputs. */
    public boolean diffExcerpts = true;

    /** The same options for one known run (a run found by commit or started by the step): every field copied. */
    public SummaryOptions forRun(int runId) {
        SummaryOptions copy = new SummaryOptions();
        copy.runId = Integer.toString(runId);
        copy.credentialsId = credentialsId;
        copy.baseUrl = baseUrl;
        copy.source = source;
        copy.failThreshold = failThreshold;
        copy.failResult = failResult;
        copy.missingOutputThreshold = missingOutputThreshold;
        copy.missingOutputResult = missingOutputResult;
        copy.propagate = propagate;
        copy.failures = failures;
        copy.testReport = testReport;
        copy.publishChecks = publishChecks;
        copy.checksUnstableConclusion = checksUnstableConclusion;
        copy.compareWith = new ArrayList<>(compareWith);
        copy.verdictOn = verdictOn;
        copy.changedFailureResult = changedFailureResult;
        copy.diffExcerpts = diffExcerpts;
        return copy;
    }

    /** The verdict policy these options describe, starting from the policy's defaults. */
    VerdictPolicy policy() {
        VerdictPolicy.Builder builder = VerdictPolicy.builder();
        if (failThreshold != null) {
            builder.failThreshold(failThreshold);
        }
        if (failResult != null) {
            builder.failResult(parseResult("failResult", failResult));
        }
        if (missingOutputThreshold != null) {
            builder.missingOutputThreshold(missingOutputThreshold);
        }
        if (missingOutputResult != null) {
            builder.missingOutputResult(parseResult("missingOutputResult", missingOutputResult));
        }
        if (verdictOn != null) {
            builder.verdictOn(VerdictBasis.parse(verdictOn));
        }
        if (changedFailureResult != null) {
            builder.changedFailureResult(parseResult("changedFailureResult", changedFailureResult));
        }
        return builder.build();
    }

    /**
     * The references to compare with, read.
     *
     * @throws IllegalArgumentException ({@link InvalidReferenceException}) naming the first one not understood
     */
    List<Reference> references() {
        List<Reference> references = new ArrayList<>();
        for (String text : compareWith == null ? List.<String>of() : compareWith) {
            references.addAll(Reference.parseList(text));
        }
        return List.copyOf(references);
    }

    /**
     * Reads a {@code compareWith} value as Pipeline, the snippet generator or a form gives it: one string
     * (references separated by commas, semicolons or white space) or a list of strings; canonical texts.
     *
     * @throws IllegalArgumentException for any other value, and for a reference that is not understood
     */
    public static List<String> compareWith(@CheckForNull Object value) {
        List<String> texts = compareWithTexts(value);
        List<String> canonical = new ArrayList<>();
        for (String text : texts) {
            Reference.parseList(text).forEach(r -> canonical.add(r.text()));
        }
        return canonical;
    }

    /**
     * The strings of a {@code compareWith} value (one string or a list of strings), not yet read: the freestyle
     * action expands build variables in them first.
     *
     * @throws IllegalArgumentException for a value that is neither
     */
    public static List<String> compareWithTexts(@CheckForNull Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            for (Object item : list) {
                if (!(item instanceof CharSequence text)) {
                    throw new IllegalArgumentException(Messages.SummaryOptions_BadCompareWith(String.valueOf(item)));
                }
                texts.add(text.toString());
            }
        } else if (value instanceof CharSequence text) {
            texts.add(text.toString());
        } else if (value != null) {
            throw new IllegalArgumentException(
                    Messages.SummaryOptions_BadCompareWith(value.getClass().getSimpleName()));
        }
        texts.removeIf(t -> t.isBlank());
        return texts;
    }

    /**
     * Reads a result name such as {@code UNSTABLE}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the option and the accepted values
     */
    static BuildResult parseResult(String option, String text) {
        BuildResult result;
        try {
            result = BuildResult.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.SummaryOptions_BadResult(option, text), e);
        }
        if (!SETTABLE_RESULTS.contains(result)) {
            throw new IllegalArgumentException(Messages.SummaryOptions_BadResult(option, text));
        }
        return result;
    }
}
