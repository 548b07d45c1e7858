package io.jenkins.plugins.sampleplatform.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.publish.RunChoice;
import io.jenkins.plugins.sampleplatform.runs.TriggerRequest;
import io.jenkins.plugins.sampleplatform.wait.RunWaitExecution;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code def r = sampleplatformRun(commit: env.GIT_COMMIT, platform: 'linux', repository: 'CCExtractor/ccextractor')}:
 * starts a run on the platform ({@code POST /runs}, a token with {@code runs:write}), prints its id and link, waits
 * until it is final and judges it like {@code sampleplatformSummary(wait: true)}, returning the same map. The
 * request is never repeated blindly; {@code cancelOnAbort: true} cancels the platform's run when the build is
 * aborted. API only.
 */
public class SamplePlatformRunStep extends SamplePlatformStepOptions {

    private final String commit;
    private final String platform;
    private final String repository;
    private String branch;
    private Integer pullRequest;
    private String tests;
    private boolean cancelOnAbort;
    private Integer timeoutMinutes;

    /**
     * @param commit     the commit to test, all 40 hexadecimal digits (lower case, as GitHub gives it)
     * @param platform   {@code linux} or {@code windows}
     * @param repository {@code owner/name} as the platform spells it, e.g. {@code CCExtractor/ccextractor}
     */
    @DataBoundConstructor
    public SamplePlatformRunStep(String commit, String platform, String repository) {
        this.commit = Util.fixEmptyAndTrim(commit);
        this.platform = Util.fixEmptyAndTrim(platform);
        this.repository = Util.fixEmptyAndTrim(repository);
    }

    public String getCommit() {
        return commit;
    }

    public String getPlatform() {
        return platform;
    }

    public String getRepository() {
        return repository;
    }

    public @CheckForNull String getBranch() {
        return branch;
    }

    @DataBoundSetter
    public void setBranch(String branch) {
        this.branch = Util.fixEmptyAndTrim(branch);
    }

    public @CheckForNull Integer getPullRequest() {
        return pullRequest;
    }

    @DataBoundSetter
    public void setPullRequest(Integer pullRequest) {
        this.pullRequest = pullRequest;
    }

    public @CheckForNull String getTests() {
        return tests;
    }

    /** Regression test ids, comma-separated (e.g. {@code '12, 15'}); empty for every active test. */
    @DataBoundSetter
    public void setTests(String tests) {
        this.tests = Util.fixEmptyAndTrim(tests);
    }

    public boolean isCancelOnAbort() {
        return cancelOnAbort;
    }

    @DataBoundSetter
    public void setCancelOnAbort(boolean cancelOnAbort) {
        this.cancelOnAbort = cancelOnAbort;
    }

    public @CheckForNull Integer getTimeoutMinutes() {
        return timeoutMinutes;
    }

    @DataBoundSetter
    public void setTimeoutMinutes(Integer timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    @Override
    public StepExecution start(StepContext context) throws AbortException {
        TriggerRequest request;
        try {
            request = TriggerRequest.of(commit, platform, repository, branch, pullRequest, testIds(tests));
        } catch (IllegalArgumentException e) {
            throw new AbortException("[Sample Platform] " + e.getMessage());
        }
        RunChoice limits = new RunChoice();
        limits.timeoutMinutes = timeoutMinutes;
        return new RunWaitExecution(context, toOptions(null), null, request, true, limits.timeout(), cancelOnAbort);
    }

    /** {@code "12, 15"} as ids; {@code null} for every active test. */
    static @CheckForNull List<Integer> testIds(@CheckForNull String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Integer> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            String id = part.strip();
            if (!id.matches("\\d{1,10}")) {
                throw new IllegalArgumentException(
                        "tests must be regression test ids separated by commas, e.g. '12, 15'; '"
                                + (id.length() > 20 ? id.substring(0, 20) + "…" : id) + "' is not one.");
            }
            long value = Long.parseLong(id);
            ids.add(value > Integer.MAX_VALUE ? -1 : (int) value);
        }
        return ids;
    }

    @Extension
    @Symbol("sampleplatformRun")
    public static class DescriptorImpl extends SamplePlatformStepDescriptor {

        @Override
        public String getFunctionName() {
            return "sampleplatformRun";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RunStep_DisplayName();
        }
    }
}
