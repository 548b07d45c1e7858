package io.jenkins.plugins.sampleplatform.config;

import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.db.DatabaseSettings;
import io.jenkins.plugins.sampleplatform.publish.SummaryOptions;
import io.jenkins.plugins.sampleplatform.publish.SummarySources;
import io.jenkins.plugins.sampleplatform.summary.InvalidRunIdException;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import io.jenkins.plugins.sampleplatform.verdict.BuildResult;
import java.util.Optional;

/**
 * Validation of single form fields, shared by every form. Callers check permissions first; these
 * methods only look at the value.
 */
final class FieldChecks {

    private FieldChecks() {}

    static FormValidation baseUrl(String value) {
        String url = Util.fixEmptyAndTrim(value);
        if (url == null) {
            return FormValidation.ok();
        }
        try {
            BaseUrl parsed = BaseUrl.parse(url);
            return parsed.insecureTransportWarning()
                    .map(FormValidation::warning)
                    .orElse(FormValidation.ok());
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation jdbcUrl(String value) {
        String url = Util.fixEmptyAndTrim(value);
        if (url == null) {
            return FormValidation.ok();
        }
        Optional<String> password = SamplePlatformConfiguration.passwordInJdbcUrl(url);
        if (password.isPresent()) {
            return FormValidation.error(password.get());
        }
        if (SummarySources.isSqlite(url)) {
            return FormValidation.error(Messages.Database_SqliteNotBundled());
        }
        try {
            new DatabaseSettings(url, null, null);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** A run id, or an expression such as {@code ${RUN_ID}} that is only known when the build runs. */
    static FormValidation runId(String value) {
        if (value != null && value.contains("${")) {
            return FormValidation.ok();
        }
        try {
            RunIds.parse(value);
            return FormValidation.ok();
        } catch (InvalidRunIdException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation threshold(String value) {
        return Util.fixEmptyAndTrim(value) == null
                ? FormValidation.ok()
                : FormValidation.validateNonNegativeInteger(value);
    }

    /** The result names a condition may set, with an empty "default" entry first. */
    static ListBoxModel resultItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.Form_Default(), "");
        for (BuildResult result : SummaryOptions.SETTABLE_RESULTS) {
            items.add(result.name());
        }
        return items;
    }

    /** {@code api} and {@code database}, optionally after an empty "global default" entry. */
    static ListBoxModel sourceItems(boolean withDefault) {
        ListBoxModel items = new ListBoxModel();
        if (withDefault) {
            items.add(Messages.Form_Default(), "");
        }
        items.add(Messages.Source_Api(), "api");
        items.add(Messages.Source_Database(), "database");
        return items;
    }
}
