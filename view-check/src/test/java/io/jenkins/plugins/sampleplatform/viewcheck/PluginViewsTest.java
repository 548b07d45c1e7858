package io.jenkins.plugins.sampleplatform.viewcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The real plugin's views, checked on every default build (the plugin itself only builds with -P jenkins). */
class PluginViewsTest {

    private static final Path PLUGIN = Path.of("..", "plugin", "src", "main");

    @Test
    void pluginViewsMatchTheirClasses() {
        Path resources = PLUGIN.resolve("resources");
        assertThat(resources).isDirectory();
        try (var views = Files.walk(resources)) {
            assertThat(views.filter(p -> p.toString().endsWith(".jelly")).count())
                    .as("jelly views found")
                    .isGreaterThanOrEqualTo(5);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(ViewChecker.check(resources, PLUGIN.resolve("java"))).isEmpty();
    }
}
