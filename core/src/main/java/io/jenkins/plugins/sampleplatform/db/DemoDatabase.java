package io.jenkins.plugins.sampleplatform.db;

import java.nio.file.Path;

/** Creates the embedded demo database: the platform's tables in a SQLite file with realistic runs. */
public final class DemoDatabase {

    private DemoDatabase() {
    }

    /**
     * Creates the demo database at {@code file} unless it already exists.
     *
     * @return the settings to open it
     */
    public static DatabaseSettings ensure(Path file) {
        throw new UnsupportedOperationException("issue 4");
    }
}
