package io.jenkins.plugins.sampleplatform.config;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.db.JdbcUrlSecrets;
import io.jenkins.plugins.sampleplatform.publish.SummaryOptions;
import java.time.Duration;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The controller-wide defaults: where the platform is, which credentials to use, timeouts and the
 * retry budget, and the database for DB mode. Every value can be overridden per step. Configuration
 * as Code: {@code unclassified: samplePlatform: ...}.
 */
@Extension
@Symbol("samplePlatform")
public class SamplePlatformConfiguration extends GlobalConfiguration {

    static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
    // As core's defaults: a large run's summary can take a slow platform a minute; a whole 60 s
    // rate-limit window (which ends up to 1 s after its quoted reset) fits in one wait.
    static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 120;
    static final int DEFAULT_MAX_WAIT_SECONDS = 90;
    static final int DEFAULT_TOTAL_BUDGET_SECONDS = 300;

    private String baseUrl = BaseUrl.PUBLIC_INSTANCE;
    private String credentialsId;
    private int connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private int requestTimeoutSeconds = DEFAULT_REQUEST_TIMEOUT_SECONDS;
    private int maxWaitSeconds = DEFAULT_MAX_WAIT_SECONDS;
    private int totalBudgetSeconds = DEFAULT_TOTAL_BUDGET_SECONDS;
    private String defaultSource = "api";
    private String jdbcUrl;
    private String dbCredentialsId;
    private boolean allowJobBaseUrl;

    public SamplePlatformConfiguration() {
        load();
    }

    /** The single instance. */
    public static SamplePlatformConfiguration get() {
        return ExtensionList.lookupSingleton(SamplePlatformConfiguration.class);
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    @DataBoundSetter
    public void setBaseUrl(String baseUrl) {
        String value = Util.fixEmptyAndTrim(baseUrl);
        this.baseUrl = value == null ? BaseUrl.PUBLIC_INSTANCE : value;
        save();
    }

    public @CheckForNull String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        save();
    }

    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int seconds) {
        this.connectTimeoutSeconds = positiveOr(seconds, DEFAULT_CONNECT_TIMEOUT_SECONDS);
        save();
    }

    public int getRequestTimeoutSeconds() {
        return requestTimeoutSeconds;
    }

    @DataBoundSetter
    public void setRequestTimeoutSeconds(int seconds) {
        this.requestTimeoutSeconds = positiveOr(seconds, DEFAULT_REQUEST_TIMEOUT_SECONDS);
        save();
    }

    public int getMaxWaitSeconds() {
        return maxWaitSeconds;
    }

    @DataBoundSetter
    public void setMaxWaitSeconds(int seconds) {
        this.maxWaitSeconds = positiveOr(seconds, DEFAULT_MAX_WAIT_SECONDS);
        save();
    }

    public int getTotalBudgetSeconds() {
        return totalBudgetSeconds;
    }

    @DataBoundSetter
    public void setTotalBudgetSeconds(int seconds) {
        this.totalBudgetSeconds = positiveOr(seconds, DEFAULT_TOTAL_BUDGET_SECONDS);
        save();
    }

    public String getDefaultSource() {
        return defaultSource;
    }

    @DataBoundSetter
    public void setDefaultSource(String defaultSource) {
        SummaryOptions.Source source = SummaryOptions.Source.parse(defaultSource);
        this.defaultSource = source == SummaryOptions.Source.DATABASE ? "database" : "api";
        save();
    }

    public @CheckForNull String getJdbcUrl() {
        return jdbcUrl;
    }

    /**
     * @throws IllegalArgumentException when the URL holds a password (it would be stored in plain text
     *     here and in the Configuration as Code export); the password belongs in the DB credential
     */
    @DataBoundSetter
    public void setJdbcUrl(String jdbcUrl) {
        String url = Util.fixEmptyAndTrim(jdbcUrl);
        passwordInJdbcUrl(url).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        this.jdbcUrl = url;
        save();
    }

    /** Why the URL is refused, when it holds a password; never quotes the password. */
    static Optional<String> passwordInJdbcUrl(@CheckForNull String jdbcUrl) {
        return JdbcUrlSecrets.passwordPart(jdbcUrl).map(Messages::Database_PasswordInUrl);
    }

    /**
     * Whether a job may name its own platform URL ({@code baseUrl} of the step or the action). Off by
     * default: the token configured here would otherwise go to any server a job names, unless the
     * credential is restricted to the platform's host by a credentials domain.
     */
    public boolean isAllowJobBaseUrl() {
        return allowJobBaseUrl;
    }

    @DataBoundSetter
    public void setAllowJobBaseUrl(boolean allowJobBaseUrl) {
        this.allowJobBaseUrl = allowJobBaseUrl;
        save();
    }

    /** Refuses a JDBC URL with a password before anything is bound, with the message at its field. */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        Optional<String> refused = passwordInJdbcUrl(Util.fixEmptyAndTrim(json.optString("jdbcUrl", null)));
        if (refused.isPresent()) {
            throw new FormException(refused.get(), "jdbcUrl");
        }
        return super.configure(req, json);
    }

    public @CheckForNull String getDbCredentialsId() {
        return dbCredentialsId;
    }

    @DataBoundSetter
    public void setDbCredentialsId(String dbCredentialsId) {
        this.dbCredentialsId = Util.fixEmptyAndTrim(dbCredentialsId);
        save();
    }

    public Duration connectTimeout() {
        return Duration.ofSeconds(connectTimeoutSeconds);
    }

    public Duration requestTimeout() {
        return Duration.ofSeconds(requestTimeoutSeconds);
    }

    public Duration maxWait() {
        return Duration.ofSeconds(maxWaitSeconds);
    }

    public Duration totalBudget() {
        return Duration.ofSeconds(totalBudgetSeconds);
    }

    private static int positiveOr(int value, int fallback) {
        return value > 0 ? value : fallback;
    }

    // Form helpers: @POST and ADMINISTER-only, as this page is the controller's own configuration.

    // The URL being edited, not the saved one: credentials domains are matched against it.
    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId, @QueryParameter String baseUrl) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(Util.fixNull(credentialsId));
        }
        return CredentialsForms.fillTokenItems(null, credentialsId, formUrl(baseUrl));
    }

    @POST
    public ListBoxModel doFillDbCredentialsIdItems(@QueryParameter String dbCredentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(Util.fixNull(dbCredentialsId));
        }
        return CredentialsForms.fillDatabaseItems(null, dbCredentialsId);
    }

    @POST
    public ListBoxModel doFillDefaultSourceItems() {
        // A fixed list: the read-only configuration page (Overall/SystemRead) shows the real choice too.
        Jenkins.get().checkPermission(Jenkins.SYSTEM_READ);
        return FieldChecks.sourceItems(false);
    }

    @POST
    public FormValidation doCheckBaseUrl(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.baseUrl(value);
    }

    @POST
    public FormValidation doCheckJdbcUrl(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.jdbcUrl(value);
    }

    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value, @QueryParameter String baseUrl) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok(); // reveals nothing about which credentials exist
        }
        return CredentialsForms.checkTokenId(null, value, formUrl(baseUrl));
    }

    @POST
    public FormValidation doCheckDbCredentialsId(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return CredentialsForms.checkDatabaseId(null, value);
    }

    /** The form's URL field, or the public instance when it is empty (as {@link #setBaseUrl} stores it). */
    private static String formUrl(@CheckForNull String baseUrl) {
        String value = Util.fixEmptyAndTrim(baseUrl);
        return value == null ? BaseUrl.PUBLIC_INSTANCE : value;
    }

    /**
     * The "Test connection" button: asks the platform for one run with the chosen URL and credentials.
     * A {@code 404} for that run still proves the URL and the token work.
     */
    @POST
    public FormValidation doTestConnection(
            @QueryParameter String baseUrl, @QueryParameter String credentialsId, @QueryParameter String testRunId) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return ConnectionTest.run(baseUrl, credentialsId, testRunId, this);
    }
}
