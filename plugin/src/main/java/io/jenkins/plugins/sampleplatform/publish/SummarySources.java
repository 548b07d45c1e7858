package io.jenkins.plugins.sampleplatform.publish;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.sampleplatform.Messages;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.RetryListener;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.api.ratelimit.RateLimitGates;
import io.jenkins.plugins.sampleplatform.config.SamplePlatformConfiguration;
import io.jenkins.plugins.sampleplatform.db.DatabaseSettings;
import io.jenkins.plugins.sampleplatform.db.DatabaseSummarySource;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.SummarySource;
import java.net.http.HttpClient;

/** Builds the core {@link SummarySource} a build asked for, from its options and the global configuration. */
public final class SummarySources {

    private SummarySources() {}

    static SummarySource forRun(
            Run<?, ?> run, TaskListener listener, SummaryOptions options, SamplePlatformConfiguration config)
            throws AbortException {
        return source(options, config) == SummaryOptions.Source.DATABASE
                ? database(run, config)
                : api(run, listener, options, config);
    }

    /** The source the options name, else the configuration's default. */
    public static SummaryOptions.Source source(SummaryOptions options, SamplePlatformConfiguration config)
            throws AbortException {
        try {
            SummaryOptions.Source source = SummaryOptions.Source.parse(options.source);
            return source != null ? source : SummaryOptions.Source.parse(config.getDefaultSource());
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /**
     * The base URL the options or the configuration name; also gives the run's link in DB mode. A job's
     * own URL is refused unless the administrator allows it: the configured token would go there.
     */
    public static BaseUrl baseUrl(SummaryOptions options, SamplePlatformConfiguration config) throws AbortException {
        String text = Util.fixEmptyAndTrim(options.baseUrl);
        if (text != null && !config.isAllowJobBaseUrl()) {
            throw new AbortException(Messages.BaseUrl_OverrideNotAllowed());
        }
        try {
            return BaseUrl.parse(text == null ? config.getBaseUrl() : text);
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** The API client for the options' URL and token, its retries told in the build log. */
    public static SamplePlatformClient api(
            Run<?, ?> run, TaskListener listener, SummaryOptions options, SamplePlatformConfiguration config)
            throws AbortException {
        BaseUrl baseUrl = baseUrl(options, config);
        String credentialsId = Util.fixEmptyAndTrim(options.credentialsId);
        if (credentialsId == null) {
            credentialsId = config.getCredentialsId();
        }
        if (credentialsId == null) {
            throw new AbortException(Messages.Credentials_NoneConfigured());
        }
        SecretText token = RunCredentials.token(run, credentialsId, baseUrl.toString());
        baseUrl.insecureTransportWarning().ifPresent(listener.getLogger()::println);
        RetryListener retries = event -> listener.getLogger().println("[Sample Platform] " + event.describe());
        return SamplePlatformClient.builder(baseUrl, token)
                .httpClient(httpClient(config))
                .requestTimeout(config.requestTimeout())
                .maxWait(config.maxWait())
                .totalBudget(config.totalBudget())
                .retryListener(retries)
                .requestGate(RateLimitGates.shared(baseUrl, token))
                .build();
    }

    private static SummarySource database(Run<?, ?> run, SamplePlatformConfiguration config) throws AbortException {
        return new DatabaseSummarySource(databaseSettings(run, config));
    }

    /** DB mode's settings from the global configuration, the password from the build's credentials. */
    public static DatabaseSettings databaseSettings(Run<?, ?> run, SamplePlatformConfiguration config)
            throws AbortException {
        String jdbcUrl = config.getJdbcUrl();
        if (jdbcUrl == null) {
            throw new AbortException(Messages.Database_NoUrl());
        }
        if (isSqlite(jdbcUrl)) {
            throw new AbortException(Messages.Database_SqliteNotBundled());
        }
        String user = null;
        SecretText password = null;
        if (config.getDbCredentialsId() != null) {
            StandardUsernamePasswordCredentials credentials = RunCredentials.database(run, config.getDbCredentialsId());
            user = credentials.getUsername();
            password = SecretText.of(credentials.getPassword().getPlainText());
        }
        JdbcDrivers.register();
        try {
            return new DatabaseSettings(jdbcUrl, user, password);
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /**
     * Whether the URL names a SQLite file: the plugin bundles the MariaDB driver only (it also serves
     * {@code jdbc:mysql:}); SQLite's 14 MB of native libraries stay with the command line.
     */
    public static boolean isSqlite(String jdbcUrl) {
        return jdbcUrl.regionMatches(true, 0, "jdbc:sqlite:", 0, "jdbc:sqlite:".length());
    }

    /** The shared HTTP client for the configuration's settings ({@link HttpClients}). */
    public static HttpClient httpClient(SamplePlatformConfiguration config) {
        return HttpClients.shared(config.connectTimeout());
    }
}
