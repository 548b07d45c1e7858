package io.jenkins.plugins.sampleplatform.db;

/**
 * The two engines DB mode reads, which differ in the indexes their platform schema has and so in the
 * statement shape that suits each ({@link SummaryQueries#expectedOutputs}, {@link SummaryQueries#acceptedHashes}).
 * Hashes are compared in Java, byte for byte, on both (MySQL's collations would ignore case and trailing
 * spaces).
 */
enum SqlDialect {
    /** MySQL and MariaDB (InnoDB indexes every foreign key). */
    MYSQL,
    /** SQLite (the platform's schema indexes primary keys only). */
    SQLITE;

    static SqlDialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:sqlite:") ? SQLITE : MYSQL;
    }
}
