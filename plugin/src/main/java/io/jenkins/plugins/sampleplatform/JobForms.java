package io.jenkins.plugins.sampleplatform;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;

/**
 * The form endpoints of the Pipeline step and the freestyle action, which share every field. Each
 * checks the permission to configure the job (or to administer Jenkins where there is no job, as in
 * the Pipeline snippet generator) before it looks at a value; callers declare them {@code @POST}.
 */
final class JobForms {

    private JobForms() {
    }

    static boolean canConfigure(@CheckForNull Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    private static void checkConfigure(@CheckForNull Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    static ListBoxModel sourceItems(@CheckForNull Item item) {
        checkConfigure(item);
        return FieldChecks.sourceItems(true);
    }

    static ListBoxModel resultItems(@CheckForNull Item item) {
        checkConfigure(item);
        return FieldChecks.resultItems();
    }

    static FormValidation checkRunId(@CheckForNull Item item, String value) {
        return canConfigure(item) ? FieldChecks.runId(value) : FormValidation.ok();
    }

    static FormValidation checkBaseUrl(@CheckForNull Item item, String value) {
        return canConfigure(item) ? FieldChecks.baseUrl(value) : FormValidation.ok();
    }

    static FormValidation checkThreshold(@CheckForNull Item item, String value) {
        return canConfigure(item) ? FieldChecks.threshold(value) : FormValidation.ok();
    }
}
