package io.jenkins.plugins.sampleplatform.contract;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code sampleplatform} jar as its own process, the way a user or a CI job does. */
final class CommandLine {

    /** What the process printed and how it ended. */
    record Outcome(int exitCode, String stdout, String stderr) {
        /** Both streams, for assertions that nothing (say, a token) appears anywhere. */
        String all() {
            return stdout + stderr;
        }
    }

    private CommandLine() {}

    /** {@code sampleplatform ARGS} with {@code environment} (SAMPLEPLATFORM_TOKEN is never inherited). */
    static Outcome run(Map<String, String> environment, int timeoutSeconds, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ContractSettings.cliJar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SAMPLEPLATFORM_TOKEN");
        builder.environment().remove("SAMPLEPLATFORM_DB_PASSWORD");
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    "sampleplatform did not end within " + timeoutSeconds + " s; stderr so far: " + err.getNow(""));
        }
        return new Outcome(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    /** {@code sampleplatform summary --url URL --run RUN ARGS} with the token in SAMPLEPLATFORM_TOKEN. */
    static Outcome summary(String url, String token, int run, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("summary", "--url", url, "--run", Integer.toString(run)));
        all.addAll(List.of(args));
        return run(Map.of("SAMPLEPLATFORM_TOKEN", token), 120, all.toArray(String[]::new));
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
