package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.db.DatabaseRunLookup;
import io.jenkins.plugins.sampleplatform.db.DatabaseSettings;
import io.jenkins.plugins.sampleplatform.db.DatabaseSummarySource;
import io.jenkins.plugins.sampleplatform.db.DemoDatabase;
import io.jenkins.plugins.sampleplatform.db.JdbcUrlSecrets;
import io.jenkins.plugins.sampleplatform.runs.RunLookup;
import io.jenkins.plugins.sampleplatform.runs.RunTrigger;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.SummarySource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the summary source the options ask for. Secrets come from files or the environment only. */
final class Sources {

    static final String TOKEN_VARIABLE = "SAMPLEPLATFORM_TOKEN";
    static final String DB_PASSWORD_VARIABLE = "SAMPLEPLATFORM_DB_PASSWORD";

    private Sources() {}

    /**
     * What a command can do with the chosen source: summaries, find and poll runs, and (API only) start them;
     * {@code database} is the database of DB mode and the demo ({@code null} in API mode).
     */
    record Opened(SummarySource summaries, RunLookup runs, RunTrigger trigger, DatabaseSettings database) {}

    static SummarySource open(SourceOptions source, String url, ApiOptions api, PrintWriter err) throws UsageException {
        return openAll(source, url, api, err).summaries();
    }

    static Opened openAll(SourceOptions source, String url, ApiOptions api, PrintWriter err) throws UsageException {
        SummarySource summaries = openSummaries(source, url, api, err);
        if (summaries instanceof SamplePlatformClient client) {
            return new Opened(client, client.runs(), client.runs(), null);
        }
        DatabaseSettings settings = source.demo != null
                ? DemoDatabase.ensure(source.demo.file != null ? source.demo.file : defaultDemoFile())
                : databaseSettings(source);
        return new Opened(summaries, new DatabaseRunLookup(settings), null, settings);
    }

    private static DatabaseSettings databaseSettings(SourceOptions source) throws UsageException {
        // As the plugin does: a password in the URL would show in process lists and shell history, and the
        // driver would use it while the messages name another user. The URL itself is never echoed.
        java.util.Optional<String> passwordPart = JdbcUrlSecrets.passwordPart(source.database.jdbcUrl);
        if (passwordPart.isPresent()) {
            throw new UsageException("--jdbc holds a password (" + passwordPart.get() + "): a password in the"
                    + " arguments shows in process lists and shell history. Take it out of the URL; give the user"
                    + " with --db-user and the password in a file given with --db-password-file, or in "
                    + DB_PASSWORD_VARIABLE + ".");
        }
        SecretText password = source.database.passwordFile != null
                ? readSecret(source.database.passwordFile, "--db-password-file")
                : secretFromEnvironment(DB_PASSWORD_VARIABLE);
        try {
            return new DatabaseSettings(source.database.jdbcUrl, source.database.user, password);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static SummarySource openSummaries(SourceOptions source, String url, ApiOptions api, PrintWriter err)
            throws UsageException {
        refuseSecretArguments(api);
        if (source.demo != null) {
            Path file = source.demo.file != null ? source.demo.file : defaultDemoFile();
            return new DatabaseSummarySource(DemoDatabase.ensure(file));
        }
        if (source.database != null) {
            return new DatabaseSummarySource(databaseSettings(source));
        }
        BaseUrl baseUrl;
        try {
            baseUrl = BaseUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        SecretText token = ApiTokenInput.read(api.tokenFile, TOKEN_VARIABLE);
        SamplePlatformClient client = SamplePlatformClient.builder(baseUrl, token)
                .connectTimeout(api.connectTimeout)
                .requestTimeout(api.requestTimeout)
                .maxWait(api.maxWait)
                .totalBudget(api.totalBudget)
                .retryListener(event -> {
                    err.println("sampleplatform: " + event.describe());
                    err.flush();
                })
                .build();
        client.warning().ifPresent(warning -> {
            err.println("sampleplatform: " + warning);
            err.flush();
        });
        return client;
    }

    private static void refuseSecretArguments(ApiOptions api) throws UsageException {
        if (api.tokenArgument != null) {
            throw new UsageException(
                    "--token is not accepted: a token in the arguments shows in process lists and shell history. "
                            + "Put it in a file given with --token-file, or in " + TOKEN_VARIABLE + ".");
        }
        if (api.passwordArgument != null) {
            throw new UsageException(
                    "--db-password is not accepted: a password in the arguments shows in process lists and "
                            + "shell history. Put it in a file given with --db-password-file, or in "
                            + DB_PASSWORD_VARIABLE + ".");
        }
    }

    private static SecretText readSecret(Path file, String option) throws UsageException {
        try {
            String raw = Files.readString(file, StandardCharsets.UTF_8);
            CliSecrets.rememberRaw(raw);
            return CliSecrets.remember(SecretText.of(raw.strip()));
        } catch (IOException e) {
            throw new UsageException(FileProblems.cannotRead(option, file, e));
        }
    }

    private static SecretText secretFromEnvironment(String variable) {
        String value = System.getenv(variable);
        CliSecrets.rememberRaw(value);
        return value == null ? null : CliSecrets.remember(SecretText.of(value.strip()));
    }

    private static Path defaultDemoFile() {
        String dataHome = System.getenv("XDG_DATA_HOME");
        Path base = dataHome != null && !dataHome.isBlank()
                ? Path.of(dataHome)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        // The layout's version is in the name: a file an older version made is left alone, not misread.
        return base.resolve("sampleplatform").resolve("demo-v" + DemoDatabase.VERSION + ".db");
    }
}
