package io.jenkins.plugins.sampleplatform.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's Chromium headless on a local file: dumps the DOM after the page's scripts ran, takes a
 * screenshot and captures the browser's log, where console messages and Content-Security-Policy
 * violations appear as {@code CONSOLE} lines. The browser is kept off the network: every host name
 * resolves to nothing and background services are off.
 */
final class HeadlessChromium {

    /** The outcome of one page load. */
    record Result(String dom, String log, Path screenshot) {
        /** The browser's console lines (console messages, script errors, CSP violations). */
        List<String> consoleLines() {
            return log.lines().filter(line -> line.contains(":CONSOLE")).toList();
        }
    }

    private static final long TIMEOUT_SECONDS = 120;

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** Chromium if installed: {@code /usr/bin/chromium}, else {@code chromium} or {@code chromium-browser} on the PATH. */
    static Optional<HeadlessChromium> find() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(dir, "chromium"));
                candidates.add(Path.of(dir, "chromium-browser"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(HeadlessChromium::new);
    }

    /**
     * Chromium, or the test is skipped with a message; under {@code CI=true} a missing Chromium fails instead
     * (the browser tests must run in CI).
     */
    static HeadlessChromium requireOrSkip() {
        Optional<HeadlessChromium> found = find();
        if (found.isEmpty()) {
            String message = "Chromium is not installed (looked for /usr/bin/chromium and chromium on the PATH); "
                    + "install it with 'apt-get install chromium' or run ./run-tests, which does";
            if ("true".equals(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail(message + ". CI=true: the browser test must run in CI.");
            }
            org.junit.jupiter.api.Assumptions.abort(message + ". Skipping the browser test.");
        }
        return found.get();
    }

    Path binary() {
        return binary;
    }

    /** Loads {@code page} in a window of the given size, in a profile under {@code work}. */
    Result load(Path page, Path work, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(work.resolve("profile"));
        Path screenshot = work.resolve("screenshot.png");
        Path out = work.resolve("dom.html");
        Path err = work.resolve("chromium.log");
        List<String> command = List.of(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-default-apps",
                "--no-default-browser-check",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0",
                "--hide-scrollbars",
                "--window-size=" + width + "," + height,
                "--screenshot=" + screenshot,
                "--dump-dom",
                page.toUri().toString());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("HOME", work.toString()); // caches and settings stay in the temporary folder
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s; log:\n" + read(err));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("Chromium exited with " + process.exitValue() + "; log:\n" + read(err));
        }
        return new Result(read(out), read(err), screenshot);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
    }
}
