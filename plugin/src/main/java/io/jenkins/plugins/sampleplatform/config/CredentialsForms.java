package io.jenkins.plugins.sampleplatform.config;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.sampleplatform.Messages;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * The credentials list boxes and checks of every form, with the permission rules of the Credentials
 * plugin's consumer guide: without the right permission a user sees only the current value and learns
 * nothing about which credentials exist.
 *
 * <p>The global configuration's credentials are used by builds, which look them up in their job's
 * context ({@code RunCredentials}); there, credentials of the {@code SYSTEM} scope are never visible
 * (the Credentials plugin keeps them to Jenkins itself). So the global forms offer and accept only
 * what a build can use: {@link #USABLE_BY_BUILDS}.
 */
public final class CredentialsForms {

    /** Credentials a build can see in the Jenkins context: any scope but {@code SYSTEM}. */
    static final CredentialsMatcher USABLE_BY_BUILDS =
            CredentialsMatchers.not(CredentialsMatchers.withScope(CredentialsScope.SYSTEM));

    private CredentialsForms() {}

    public static ListBoxModel fillTokenItems(
            @CheckForNull Item item, @CheckForNull String current, @CheckForNull String baseUrl) {
        return fill(
                item,
                current,
                StringCredentials.class,
                URIRequirementBuilder.fromUri(baseUrl).build());
    }

    static ListBoxModel fillDatabaseItems(@CheckForNull Item item, @CheckForNull String current) {
        return fill(item, current, StandardUsernamePasswordCredentials.class, List.of());
    }

    public static FormValidation checkTokenId(
            @CheckForNull Item item, @CheckForNull String value, @CheckForNull String baseUrl) {
        return check(
                item,
                value,
                StringCredentials.class,
                URIRequirementBuilder.fromUri(baseUrl).build());
    }

    static FormValidation checkDatabaseId(@CheckForNull Item item, @CheckForNull String value) {
        return check(item, value, StandardUsernamePasswordCredentials.class, List.of());
    }

    /** Whether the current user may see the credentials available to {@code item} (or to the controller). */
    static boolean canList(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    private static ListBoxModel fill(
            @CheckForNull Item item,
            @CheckForNull String current,
            Class<? extends StandardCredentials> type,
            List<DomainRequirement> requirements) {
        StandardListBoxModel result = new StandardListBoxModel();
        String value = Util.fixNull(current);
        if (!canList(item)) {
            return result.includeCurrentValue(value);
        }
        result.includeEmptyValue();
        if (item == null) {
            result.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), type, requirements, USABLE_BY_BUILDS);
        } else {
            result.includeMatchingAs(authenticationOf(item), item, type, requirements, CredentialsMatchers.always());
        }
        return result.includeCurrentValue(value);
    }

    private static FormValidation check(
            @CheckForNull Item item,
            @CheckForNull String value,
            Class<? extends StandardCredentials> type,
            List<DomainRequirement> requirements) {
        if (!canList(item)) {
            return FormValidation.ok();
        }
        String id = Util.fixEmptyAndTrim(value);
        if (id == null) {
            return FormValidation.ok();
        }
        if (id.contains("${")) {
            return FormValidation.warning(Messages.Credentials_Expression());
        }
        List<? extends StandardCredentials> found = item == null
                ? CredentialsProvider.lookupCredentialsInItemGroup(type, Jenkins.get(), ACL.SYSTEM2, requirements)
                : CredentialsProvider.lookupCredentialsInItem(type, item, authenticationOf(item), requirements);
        StandardCredentials match = CredentialsMatchers.firstOrNull(found, CredentialsMatchers.withId(id));
        if (match == null) {
            return FormValidation.error(Messages.Credentials_NotFound());
        }
        if (item == null && !USABLE_BY_BUILDS.matches(match)) {
            return FormValidation.error(Messages.Credentials_SystemScope(id));
        }
        return FormValidation.ok();
    }

    private static Authentication authenticationOf(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }
}
