package io.jenkins.plugins.sampleplatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./sampleplatform wrapper, copied with the packaged jar into a repository of its own so that these tests
 * control which files are newer than the jar and never rebuild the real one in the middle of a build.
 */
class WrapperScriptIT {

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    private Path wrapper;
    private Path source;

    @BeforeEach
    void copyTheWrapperAndTheJar() throws Exception {
        wrapper = root.resolve("sampleplatform");
        Files.copy(CliProcess.repositoryRoot().resolve("sampleplatform"), wrapper);
        assertThat(wrapper.toFile().setExecutable(true)).isTrue();
        Path jar = Files.createDirectories(root.resolve("cli/target")).resolve("sampleplatform.jar");
        Files.copy(CliProcess.jar(), jar);
        source = Files.createDirectories(root.resolve("cli/src/main/java")).resolve("Example.java");
        Files.writeString(source, "class Example {}\n");
        Instant now = Instant.now();
        Files.setLastModifiedTime(source, FileTime.from(now.minusSeconds(3600)));
        Files.setLastModifiedTime(jar, FileTime.from(now.minusSeconds(60)));
    }

    private CliProcess.Outcome runWrapper(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = wrapper.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return CliProcess.runIn(elsewhere, Map.of("XDG_DATA_HOME", elsewhere.toString()), 60, command);
    }

    @Test
    void runsAFreshJarFromAnyDirectoryAndPassesItsExitCodeOn() throws Exception {
        CliProcess.Outcome outcome = runWrapper("summary", "--demo", "--run", "2", "--format", "json");
        assertThat(outcome.stderr()).isEmpty();
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.UNSTABLE);
        JsonNode json = new ObjectMapper().readTree(outcome.stdout());
        assertThat(json.get("run_id").asInt()).isEqualTo(2);
    }

    @Test
    void findsItsRepositoryThroughChainedAndRelativeSymbolicLinks() throws Exception {
        // ln -s "$PWD/sampleplatform" ~/bin/, then a relative link to that link: the jar is found next to the
        // real script, not next to the links (which made the wrapper try to build, "./mvnw: No such file").
        Path bin = Files.createDirectories(elsewhere.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("sampleplatform"), wrapper);
        Path other = Files.createDirectories(elsewhere.resolve("tools"));
        Files.createSymbolicLink(other.resolve("sp"), Path.of("../bin/sampleplatform"));

        CliProcess.Outcome outcome = CliProcess.runIn(
                elsewhere,
                Map.of("XDG_DATA_HOME", elsewhere.toString()),
                60,
                other.resolve("sp").toString(),
                "summary",
                "--demo",
                "--run",
                "2",
                "--format",
                "json");

        assertThat(outcome.stderr()).isEmpty();
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.UNSTABLE);
        assertThat(new ObjectMapper().readTree(outcome.stdout()).get("run_id").asInt())
                .isEqualTo(2);
    }

    @Test
    void rebuildsAStaleJarAndAFailedBuildIsNoSummaryRatherThanUnstable() throws Exception {
        // A source newer than the jar: the wrapper runs Maven, which fails here (this copy has no pom.xml).
        Files.setLastModifiedTime(source, FileTime.from(Instant.now()));
        CliProcess.Outcome outcome = runWrapper("summary", "--demo", "--run", "1");
        assertThat(outcome.stderr())
                .contains("sampleplatform: building the command line", "sampleplatform: could not build");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.NO_SUMMARY);
        assertThat(outcome.stdout()).isEmpty();
    }
}
