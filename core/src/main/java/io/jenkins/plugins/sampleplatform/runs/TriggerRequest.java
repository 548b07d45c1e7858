package io.jenkins.plugins.sampleplatform.runs;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What {@code POST /runs} takes: commit, platform and repository (required), branch, pull request and the
 * regression tests to run (optional). Checked locally with the platform's own rules, so a typo costs no request.
 */
public final class TriggerRequest implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private final String commitSha;
    private final String platform;
    private final String repository;
    private final String branch;
    private final Integer pullRequest;
    /** A plain ArrayList: a Pipeline saves this object with its program, where JDK-private lists do not belong. */
    private final ArrayList<Integer> tests;

    private TriggerRequest(
            String commitSha,
            String platform,
            String repository,
            String branch,
            Integer pullRequest,
            ArrayList<Integer> tests) {
        this.commitSha = commitSha;
        this.platform = platform;
        this.repository = repository;
        this.branch = branch;
        this.pullRequest = pullRequest;
        this.tests = tests;
    }

    /**
     * @param branch      {@code null} for the platform's default ({@code master})
     * @param pullRequest {@code null} for a commit run
     * @param tests       regression test ids; {@code null} for every active test
     * @throws IllegalArgumentException naming the first bad value
     */
    public static TriggerRequest of(
            String commitSha,
            String platform,
            String repository,
            String branch,
            Integer pullRequest,
            List<Integer> tests) {
        String sha = Commits.check(commitSha);
        String os = RunQuery.blankToNull(platform);
        if (os == null) {
            throw new IllegalArgumentException("Starting a run needs the platform: linux or windows.");
        }
        os = os.toLowerCase(Locale.ROOT);
        if (!os.equals("linux") && !os.equals("windows")) {
            throw new IllegalArgumentException(
                    "platform '" + Commits.abbreviate(platform) + "' is not one of linux, windows.");
        }
        String repo = RunQuery.blankToNull(repository);
        if (repo == null) {
            throw new IllegalArgumentException(
                    "Starting a run needs the repository (owner/name), e.g. CCExtractor/ccextractor.");
        }
        Repositories.check(repo);
        String branchName = RunQuery.blankToNull(branch);
        if (branchName != null
                && (branchName.length() > 100 || !BRANCH.matcher(branchName).matches())) {
            throw new IllegalArgumentException(
                    "The branch '" + Commits.abbreviate(branchName)
                            + "' is not a branch name the platform accepts (letters, digits, '.', '_', '-', '/'; at most 100).");
        }
        if (pullRequest != null && pullRequest < 1) {
            throw new IllegalArgumentException("The pull request number must be 1 or more, was " + pullRequest + ".");
        }
        ArrayList<Integer> ids = null;
        if (tests != null) {
            if (tests.isEmpty()) {
                throw new IllegalArgumentException(
                        "The list of regression tests is empty: leave it out to run every active test.");
            }
            if (tests.size() > 500) {
                throw new IllegalArgumentException(
                        "At most 500 regression tests can be chosen, " + tests.size() + " were given.");
            }
            for (Integer id : tests) {
                if (id == null || id < 1) {
                    throw new IllegalArgumentException("Regression test ids are whole numbers from 1, was " + id + ".");
                }
            }
            ids = new ArrayList<>(tests);
        }
        return new TriggerRequest(sha, os, repo, branchName, pullRequest, ids);
    }

    public String commitSha() {
        return commitSha;
    }

    public String platform() {
        return platform;
    }

    public String repository() {
        return repository;
    }

    /** The branch, or {@code null} for the platform's default. */
    public String branch() {
        return branch;
    }

    /** The pull request, or {@code null}. */
    public Integer pullRequest() {
        return pullRequest;
    }

    /** The regression test ids, or {@code null} for all active ones. */
    public List<Integer> tests() {
        return tests == null ? null : List.copyOf(tests);
    }

    /** How to find the run this request creates (and any run it may already have created). */
    public RunQuery query() {
        return RunQuery.of(commitSha, platform, repository, pullRequest == null ? "commit" : "pr");
    }
}
