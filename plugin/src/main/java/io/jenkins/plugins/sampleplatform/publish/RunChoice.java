package io.jenkins.plugins.sampleplatform.publish;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import io.jenkins.plugins.sampleplatform.runs.RunQuery;
import java.io.Serializable;
import java.time.Duration;

/**
 * How a step or the freestyle action names its run when it knows a commit rather than a run id, and whether it
 * waits: the fields {@code commit}, {@code platform}, {@code repository}, {@code testType}, {@code wait} and
 * {@code timeoutMinutes} that the Pipeline step and the freestyle action share.
 */
public final class RunChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    @CheckForNull
    public String commit;

    @CheckForNull
    public String platform;

    @CheckForNull
    public String repository;

    @CheckForNull
    public String testType;

    public boolean wait;

    @CheckForNull
    public Integer timeoutMinutes;

    /**
     * The find criteria, or {@code null} when a run id names the run.
     *
     * @param runId the (expanded) run id option, or {@code null}
     * @throws AbortException when both or neither are given, or a value is not valid
     */
    @CheckForNull
    public RunQuery query(@CheckForNull String runId) throws AbortException {
        return query(runId, commit, platform, repository, testType);
    }

    /** {@link #query(String)} with values already expanded from build variables. */
    @CheckForNull
    public RunQuery query(
            @CheckForNull String runId,
            @CheckForNull String commit,
            @CheckForNull String platform,
            @CheckForNull String repository,
            @CheckForNull String testType)
            throws AbortException {
        boolean byId = runId != null && !runId.isBlank();
        boolean byCommit = commit != null && !commit.isBlank();
        if (byId == byCommit) {
            throw new AbortException("[Sample Platform] Give exactly one of runId and commit.");
        }
        if (!byCommit) {
            if (platform != null || repository != null || testType != null) {
                throw new AbortException("[Sample Platform] platform, repository and testType go with commit.");
            }
            return null;
        }
        try {
            return RunQuery.of(commit, platform, repository, testType);
        } catch (IllegalArgumentException e) {
            throw new AbortException("[Sample Platform] " + e.getMessage());
        }
    }

    /** The wait's own limit, or {@code null} for none. */
    @CheckForNull
    public Duration timeout() throws AbortException {
        if (timeoutMinutes == null || timeoutMinutes == 0) {
            return null;
        }
        if (timeoutMinutes < 0) {
            throw new AbortException(
                    "[Sample Platform] timeoutMinutes must be 0 (none) or more, was " + timeoutMinutes);
        }
        return Duration.ofMinutes(timeoutMinutes);
    }
}
