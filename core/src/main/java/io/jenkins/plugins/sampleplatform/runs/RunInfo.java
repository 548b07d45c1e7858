package io.jenkins.plugins.sampleplatform.runs;

import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * What the platform says about one run (the API's run object, or the {@code test} row in DB mode): enough to
 * find it and to poll its status. Values that the source did not give are {@code null}.
 */
public final class RunInfo implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int runId;
    private final RunStatus status;
    private final String platform;
    private final String testType;
    private final String repository;
    private final String commitSha;

    public RunInfo(int runId, RunStatus status, String platform, String testType, String repository, String commitSha) {
        this.runId = runId;
        this.status = Objects.requireNonNull(status, "status");
        this.platform = platform;
        this.testType = testType;
        this.repository = repository;
        this.commitSha = commitSha;
    }

    public int runId() {
        return runId;
    }

    public RunStatus status() {
        return status;
    }

    /** {@code linux} or {@code windows}. */
    public String platform() {
        return platform;
    }

    /** {@code commit} or {@code pr}. */
    public String testType() {
        return testType;
    }

    /** {@code owner/name}, or {@code unknown} for a run without a fork. */
    public String repository() {
        return repository;
    }

    public String commitSha() {
        return commitSha;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunInfo that
                && runId == that.runId
                && status == that.status
                && Objects.equals(platform, that.platform)
                && Objects.equals(testType, that.testType)
                && Objects.equals(repository, that.repository)
                && Objects.equals(commitSha, that.commitSha);
    }

    @Override
    public int hashCode() {
        return Objects.hash(runId, status, platform, testType, repository, commitSha);
    }

    @Override
    public String toString() {
        return "run " + runId + " (" + status.wireValue() + ")";
    }
}
