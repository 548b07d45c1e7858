package io.jenkins.plugins.sampleplatform.publish;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.verdict.BuildResult;
import io.jenkins.plugins.sampleplatform.verdict.VerdictPolicy;
import java.io.Serializable;
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
        return builder.build();
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
