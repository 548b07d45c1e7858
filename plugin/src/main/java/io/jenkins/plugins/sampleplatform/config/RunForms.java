package io.jenkins.plugins.sampleplatform.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.runs.Commits;
import io.jenkins.plugins.sampleplatform.runs.Repositories;

/**
 * The form endpoints for the fields that name a run by commit or start one (commit, platform, repository, test
 * type). Like {@link JobForms}, each checks the permission to configure the job before looking at a value;
 * callers declare them {@code @POST}. Nothing here makes a request.
 */
public final class RunForms {

    private RunForms() {}

    public static FormValidation checkCommit(@CheckForNull Item item, String value) {
        if (!JobForms.canConfigure(item) || Util.fixEmptyAndTrim(value) == null || value.contains("$")) {
            return FormValidation.ok();
        }
        try {
            Commits.check(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation checkRepository(@CheckForNull Item item, String value) {
        if (!JobForms.canConfigure(item) || Util.fixEmptyAndTrim(value) == null || value.contains("$")) {
            return FormValidation.ok();
        }
        try {
            Repositories.check(value.strip());
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** The run id may stay empty when a commit names the run. */
    public static FormValidation checkOptionalRunId(@CheckForNull Item item, String value) {
        if (!JobForms.canConfigure(item) || Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        return JobForms.checkRunId(item, value);
    }

    public static ListBoxModel platformItems(@CheckForNull Item item) {
        ListBoxModel items = new ListBoxModel();
        if (JobForms.canView(item)) {
            items.add(Messages.Form_Default(), "");
            items.add("linux");
            items.add("windows");
        }
        return items;
    }

    public static ListBoxModel testTypeItems(@CheckForNull Item item) {
        ListBoxModel items = new ListBoxModel();
        if (JobForms.canView(item)) {
            items.add(Messages.Form_Default(), "");
            items.add("commit");
            items.add("pr");
        }
        return items;
    }
}
