package io.jenkins.plugins.sampleplatform.db;

/**
 * What differs between MySQL/MariaDB and SQLite for DB mode: a few SQL fragments, and which statement
 * shape suits each engine's indexes ({@link SummaryQueries#acceptedHashes}). Everything else is the same
 * text on both engines.
 */
enum SqlDialect {
    /** MySQL and MariaDB: collations usually ignore case and trailing spaces, so compare bytes. */
    MYSQL {
        @Override
        String sameBytes(String left, String right) {
            return "CAST(" + left + " AS BINARY) = CAST(" + right + " AS BINARY)";
        }

        @Override
        String differs(String left, String right) {
            return "NOT (" + left + " <=> " + right + ")";
        }
    },
    /** SQLite: text compares byte for byte by default. */
    SQLITE {
        @Override
        String sameBytes(String left, String right) {
            return left + " = " + right;
        }

        @Override
        String differs(String left, String right) {
            return left + " IS NOT " + right;
        }
    };

    /** A condition true when both texts are equal byte for byte (case and trailing spaces count). */
    abstract String sameBytes(String left, String right);

    /** A condition true when the values differ, two NULLs counting as equal and NULL and a number as different. */
    abstract String differs(String left, String right);

    static SqlDialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:sqlite:") ? SQLITE : MYSQL;
    }
}
