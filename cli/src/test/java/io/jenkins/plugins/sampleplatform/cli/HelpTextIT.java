package io.jenkins.plugins.sampleplatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --help} fits 80 columns without breaking a URL or a path, and its footer keeps its indentation. */
class HelpTextIT {

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"summary", "run"})
    void helpKeepsUrlsAndPathsWholeAndTheFooterIndented(String command) throws Exception {
        CliProcess.Outcome outcome = CliProcess.run(Map.of(), command, "--help");
        assertThat(outcome.exitCode()).isZero();
        List<String> lines = outcome.stdout().lines().toList();

        assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        assertThat(lines)
                .anySatisfy(
                        line -> assertThat(line.strip()).isEqualTo("https://sampleplatform.ccextractor.org/api/v1"));
        // Every line after "Exit codes:" is indented, or blank, or a heading of its own.
        int footer = lines.indexOf("Exit codes:");
        assertThat(footer).isPositive();
        assertThat(lines.subList(footer + 1, lines.size()))
                .allSatisfy(line -> assertThat(line.isEmpty() || line.startsWith("  ") || line.endsWith(":"))
                        .as(line)
                        .isTrue());
        assertThat(lines).contains("    130  interrupted (Ctrl-C)");
        if (command.equals("summary")) {
            assertThat(lines)
                    .anySatisfy(line -> assertThat(line.strip())
                            .isEqualTo("else ~/.local/share/sampleplatform/demo-v"
                                    + io.jenkins.plugins.sampleplatform.db.DemoDatabase.VERSION + ".db"));
        }
    }
}
