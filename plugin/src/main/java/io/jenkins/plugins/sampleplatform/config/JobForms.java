package io.jenkins.plugins.sampleplatform.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.sampleplatform.Messages;
import jenkins.model.Jenkins;

/**
 * The form endpoints of the Pipeline step and the freestyle action, which share every field. Each
 * checks the permission to configure the job (or to administer Jenkins where there is no job, as in
 * the Pipeline snippet generator) before it looks at a value; callers declare them {@code @POST}.
 */
public final class JobForms {

    private JobForms() {}

    static boolean canConfigure(@CheckForNull Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /**
     * Who may see the fixed choices (sources, results, platforms, test types), which reveal nothing but the
     * plugin's own options: whoever may see the job's configuration, read-only included, and outside a job (the
     * controller's {@code /pipeline-syntax}) whoever may read Jenkins.
     */
    static boolean canView(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.READ);
        }
        return item.hasPermission(Item.CONFIGURE) || item.hasPermission(Item.EXTENDED_READ);
    }

    public static ListBoxModel sourceItems(@CheckForNull Item item) {
        return canView(item) ? FieldChecks.sourceItems(true) : new ListBoxModel();
    }

    public static ListBoxModel resultItems(@CheckForNull Item item) {
        return canView(item) ? FieldChecks.resultItems() : new ListBoxModel();
    }

    static FormValidation checkRunId(@CheckForNull Item item, String value) {
        return canConfigure(item) ? FieldChecks.runId(value) : FormValidation.ok();
    }

    public static FormValidation checkBaseUrl(@CheckForNull Item item, String value) {
        if (!canConfigure(item)) {
            return FormValidation.ok();
        }
        if (Util.fixEmptyAndTrim(value) != null
                && !SamplePlatformConfiguration.get().isAllowJobBaseUrl()) {
            return FormValidation.error(Messages.BaseUrl_OverrideNotAllowed());
        }
        return FieldChecks.baseUrl(value);
    }

    public static FormValidation checkThreshold(@CheckForNull Item item, String value) {
        return canConfigure(item) ? FieldChecks.threshold(value) : FormValidation.ok();
    }
}
