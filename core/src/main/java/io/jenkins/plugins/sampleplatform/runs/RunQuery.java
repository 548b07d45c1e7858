package io.jenkins.plugins.sampleplatform.runs;

import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * Which run a build means when it knows a commit, not a run id: the newest run of that commit, optionally on one
 * platform, of one repository and of one test type ({@code commit} or {@code pr}). A plain serializable value,
 * so a waiting Pipeline step can save it and find the run again after a controller restart.
 */
public final class RunQuery implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String commitSha;
    private final String platform;
    private final String repository;
    private final String testType;

    private RunQuery(String commitSha, String platform, String repository, String testType) {
        this.commitSha = commitSha;
        this.platform = platform;
        this.repository = repository;
        this.testType = testType;
    }

    /**
     * Checks and normalises what a user typed: the commit as 40 hexadecimal digits (lower-cased, as the platform
     * stores webhook runs), the platform {@code linux} or {@code windows}, the repository {@code owner/name}, the
     * test type {@code commit} or {@code pr}. Blank optional values mean "any".
     *
     * @throws IllegalArgumentException with a message naming the bad value and what is accepted
     */
    public static RunQuery of(String commitSha, String platform, String repository, String testType) {
        return new RunQuery(
                Commits.check(commitSha),
                choice("platform", platform, "linux", "windows"),
                Repositories.check(blankToNull(repository)),
                choice("testType", testType, "commit", "pr"));
    }

    private static String choice(String name, String value, String... allowed) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String option : allowed) {
            if (option.equals(lower)) {
                return option;
            }
        }
        throw new IllegalArgumentException(
                name + " '" + Commits.abbreviate(text) + "' is not one of " + String.join(", ", allowed) + ".");
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The commit, 40 lower-case hexadecimal digits. */
    public String commitSha() {
        return commitSha;
    }

    /** {@code linux}, {@code windows}, or {@code null} for either. */
    public String platform() {
        return platform;
    }

    /** {@code owner/name}, or {@code null} for any. */
    public String repository() {
        return repository;
    }

    /** {@code commit}, {@code pr}, or {@code null} for either. */
    public String testType() {
        return testType;
    }

    /** Whether {@code run} matches the filters the platform cannot apply itself (the test type). */
    public boolean matches(RunInfo run) {
        return testType == null || testType.equals(run.testType());
    }

    /** For messages: {@code commit 0123abcd on linux of CCExtractor/ccextractor}. */
    public String describe() {
        StringBuilder text = new StringBuilder("commit ").append(commitSha, 0, 8);
        if (platform != null) {
            text.append(" on ").append(platform);
        }
        if (repository != null) {
            text.append(" of ").append(repository);
        }
        if (testType != null) {
            text.append(" (").append(testType).append(" runs)");
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunQuery that
                && commitSha.equals(that.commitSha)
                && Objects.equals(platform, that.platform)
                && Objects.equals(repository, that.repository)
                && Objects.equals(testType, that.testType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(commitSha, platform, repository, testType);
    }

    @Override
    public String toString() {
        return describe();
    }
}
