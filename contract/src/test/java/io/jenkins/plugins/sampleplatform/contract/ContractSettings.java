package io.jenkins.plugins.sampleplatform.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the contract suite finds the platform snapshot, the platform-server tool and the command line. */
final class ContractSettings {

    /** The environment variable naming a git snapshot of CCExtractor/sample-platform. */
    static final String SNAPSHOT_VARIABLE = "SAMPLE_PLATFORM_SRC";

    private static final Path TOOL_IN_SHARED = Path.of("shared", "tools", "platform-server", "platform-server");

    private ContractSettings() {}

    /** Why the suite cannot run here, if it cannot. */
    static Optional<String> skipReason() {
        String snapshot = System.getenv(SNAPSHOT_VARIABLE);
        if (snapshot == null || snapshot.isBlank()) {
            return Optional.of(SNAPSHOT_VARIABLE + " is not set: the contract tests against the real Sample Platform"
                    + " need a git snapshot of CCExtractor/sample-platform (see DEVELOPERS.md); skipped");
        }
        return Optional.empty();
    }

    /**
     * The platform-server tool: {@code $PLATFORM_SERVER}, else {@code shared/tools/platform-server} in the
     * project's root or one of its parents. A snapshot without a tool is a set-up error, not a skip.
     */
    static Path tool() {
        String explicit = System.getenv("PLATFORM_SERVER");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Path start = Path.of(System.getProperty("projectRoot", System.getProperty("user.dir")))
                .toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(TOOL_IN_SHARED);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no platform-server tool in shared/tools/ above " + start + "; set PLATFORM_SERVER to its path");
    }

    /** The command line's packaged jar. */
    static Path cliJar() {
        Path jar = Path.of(System.getProperty("sampleplatform.jar", "../cli/target/sampleplatform.jar"))
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "no command-line jar at " + jar + "; build it with mvn -pl cli -am package");
        }
        return jar;
    }

    /** The folder under which every platform gets its work folder (server.log stays there for a post-mortem). */
    static Path workRoot() throws IOException {
        Path root = Path.of("target", "contract-work").toAbsolutePath();
        Files.createDirectories(root);
        return root;
    }
}
