package io.jenkins.plugins.sampleplatform.plugincheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A throw-away plugin {@code src/main} for one test: Java classes and views written from strings. */
final class PluginSources {

    private final Path main;

    PluginSources(Path folder) {
        this.main = folder;
    }

    /** Writes {@code java/demo/<name>.java}. */
    PluginSources java(String name, String source) {
        return write("java/demo/" + name + ".java", source);
    }

    /** Writes {@code resources/<path>}. */
    PluginSources resource(String path, String text) {
        return write("resources/" + path, text);
    }

    PluginCheck.Report check() {
        return PluginCheck.check(main);
    }

    private PluginSources write(String path, String text) {
        try {
            Path file = main.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
