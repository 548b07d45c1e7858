package io.jenkins.plugins.sampleplatform.plugincheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The real plugin's sources, checked on every default build (the plugin itself only builds with -P jenkins). */
class RealPluginTest {

    private static final Path PLUGIN = Path.of("..", "plugin", "src", "main");

    @Test
    void thePluginPassesEveryRule() {
        PluginCheck.Report report = PluginCheck.check(PLUGIN);

        assertThat(report.findings()).as("findings in plugin/src/main").isEmpty();
        // A check that found nothing to look at would pass for the wrong reason.
        assertThat(report.webMethods()).as("web methods found").isGreaterThanOrEqualTo(20);
        assertThat(report.actions()).as("actions found").isGreaterThanOrEqualTo(2);
    }

    @Test
    void thePluginTestsUseJUnit5Only() {
        PluginCheck.TestReport report = PluginCheck.checkTests(Path.of("..", "plugin", "src", "test", "java"));

        assertThat(report.findings()).as("findings in plugin/src/test/java").isEmpty();
        assertThat(report.files()).as("test files read").isGreaterThanOrEqualTo(10);
    }
}
