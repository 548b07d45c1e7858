package io.jenkins.plugins.sampleplatform.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The real Sample Platform on 127.0.0.1 (its own, unmodified code, with its live token check and rate
 * limiter), run by the shared {@code platform-server} tool on a database of its own. Close it to stop it.
 */
final class PlatformServer implements AutoCloseable {

    /** The tokens {@code start} makes, by their name in server.json. */
    static final String RUNS_RESULTS_READ = "runs_results_read";

    static final String RUNS_READ = "runs_read";
    static final String RESULTS_READ = "results_read";
    static final String RUNS_WRITE = "runs_write";
    static final String EXPIRED = "expired";
    static final String REVOKED = "revoked";

    /** Tokens made at start for {@link #freshToken()}; more are made on demand (about 1.7 s each call). */
    private static final int TOKEN_POOL = 40;

    private final Path work;
    private final PlatformDatabase database;
    private final JsonNode info;
    private final Deque<String> freshTokens = new ArrayDeque<>();
    private final RunSeed seed;

    private PlatformServer(Path work, PlatformDatabase database, JsonNode info) {
        this.work = work;
        this.database = database;
        this.info = info;
        info.path("extra_tokens").forEach(t -> freshTokens.add(t.asText()));
        this.seed = new RunSeed(database);
    }

    /** Starts a platform on a new database of {@code engine}, with the platform's empty schema. */
    static PlatformServer start(PlatformDatabase.Engine engine) throws Exception {
        Path work = Files.createTempDirectory(
                ContractSettings.workRoot(), engine.name().toLowerCase() + "-");
        PlatformDatabase database = PlatformDatabase.create(engine, work);
        try {
            run(
                    List.of(
                            ContractSettings.tool().toString(),
                            "start",
                            "--db",
                            database.serverUri(),
                            "--work",
                            work.toString(),
                            "--create-schema",
                            "--tokens",
                            Integer.toString(TOKEN_POOL),
                            "--exit-with-pid",
                            Long.toString(ProcessHandle.current().pid())),
                    work.resolve("start.out"));
            return new PlatformServer(
                    work,
                    database,
                    new ObjectMapper().readTree(work.resolve("server.json").toFile()));
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:PORT/api/v1}: the base URL the client is configured with. */
    String url() {
        return info.path("url").asText();
    }

    /** {@code http://127.0.0.1:PORT}: the site's root, for the wrong-URL scenarios. */
    String site() {
        return info.path("site").asText();
    }

    /** A token made at start, by its name ({@link #RUNS_READ}, {@link #EXPIRED}, ...). */
    String token(String name) {
        String token = info.path("tokens").path(name).asText("");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("server.json has no token " + name);
        }
        return token;
    }

    /**
     * A token with {@code runs:read} and {@code results:read} that no other test has used: a rate-limit
     * window of its own. Use one per test whose outcome depends on the rate limiter.
     */
    synchronized String freshToken() throws IOException, InterruptedException {
        if (freshTokens.isEmpty()) {
            freshTokens.addAll(newTokens(20, "runs:read,results:read", "user", 30, false));
        }
        return freshTokens.pop();
    }

    /** New tokens in the platform's database ({@code platform-server tokens}); negative days: already expired. */
    List<String> newTokens(int count, String scopes, String role, int expiresInDays, boolean revoked)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ContractSettings.tool().toString(),
                "tokens",
                "--work",
                work.toString(),
                "--count",
                Integer.toString(count),
                "--scopes",
                scopes,
                "--role",
                role,
                "--expires-in-days",
                Integer.toString(expiresInDays)));
        if (revoked) {
            command.add("--revoked");
        }
        Path out = Files.createTempFile(work, "tokens-", ".json");
        Path err = Files.createTempFile(work, "tokens-", ".err");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("platform-server tokens failed:\n" + Files.readString(err));
        }
        List<String> tokens = new ArrayList<>();
        new ObjectMapper().readTree(out.toFile()).forEach(t -> tokens.add(t.asText()));
        return tokens;
    }

    /**
     * What the platform's own code says about run {@code run} compared with each of {@code with}
     * ({@code platform-server compare}): {@code states}, {@code against.<id>.buckets} and {@code pr_comment}.
     */
    JsonNode compare(int run, int... with) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ContractSettings.tool().toString(),
                "compare",
                "--work",
                work.toString(),
                "--run",
                Integer.toString(run)));
        for (int reference : with) {
            command.addAll(List.of("--with", Integer.toString(reference)));
        }
        Path out = Files.createTempFile(work, "compare-", ".json");
        Path err = Files.createTempFile(work, "compare-", ".err");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(
                    "platform-server compare failed (exit " + p.exitValue() + "):\n" + Files.readString(err));
        }
        return new ObjectMapper().readTree(out.toFile());
    }

    /** The database the platform reads, for seeding runs with plain SQL. */
    PlatformDatabase database() {
        return database;
    }

    /** Seeds runs into this platform's database (ids unique across every test of this server). */
    RunSeed seed() {
        return seed;
    }

    /** The server's own output and request log: read it when a scenario surprises you. */
    Path log() {
        return work.resolve("server.log");
    }

    @Override
    public void close() throws Exception {
        try {
            run(
                    List.of(ContractSettings.tool().toString(), "stop", "--work", work.toString()),
                    work.resolve("stop.out"));
        } finally {
            database.close();
        }
    }

    @Override
    public String toString() {
        return "real platform on " + database + " at " + url();
    }

    // Output goes to a file, not a pipe: nothing is left holding the test's streams.
    private static void run(List<String> command, Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("platform-server " + command.get(1) + " failed (exit " + p.exitValue()
                    + "):\n" + Files.readString(out));
        }
    }
}
