package io.jenkins.plugins.sampleplatform.plugincheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestImportsRuleTest {

    @TempDir
    Path tests;

    private void write(String name, String source) throws IOException {
        Path file = tests.resolve("demo").resolve(name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }

    @Test
    void refusesJUnit4ImportsStaticOrNot() throws IOException {
        write("OldTest", """
                package demo;

                import static org.junit.Assert.assertEquals;
                import org.junit.Rule;
                import org.jvnet.hudson.test.JenkinsSessionRule;
                import junit.framework.TestCase;

                public class OldTest {}
                """);

        PluginCheck.TestReport report = PluginCheck.checkTests(tests);

        assertThat(report.findings()).extracting(Finding::line).containsExactly(3, 4, 6);
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.rule()).isEqualTo(TestImportsRule.RULE));
        assertThat(report.findings().get(1).message())
                .contains("org.junit.Rule")
                .contains("JUnit 5");
    }

    @Test
    void acceptsJupiterPlatformAndLookAlikes() throws IOException {
        write("NewTest", """
                package demo;

                import static org.junit.jupiter.api.Assertions.assertTrue;
                import org.junit.jupiter.api.Test;
                import org.junit.platform.commons.util.StringUtils;
                import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;
                import junitx.Helper;
                import org.junitpioneer.jupiter.SetEnvironmentVariable;

                class NewTest {}
                """);

        PluginCheck.TestReport report = PluginCheck.checkTests(tests);

        assertThat(report.findings()).isEmpty();
        assertThat(report.files()).isEqualTo(1);
    }
}
