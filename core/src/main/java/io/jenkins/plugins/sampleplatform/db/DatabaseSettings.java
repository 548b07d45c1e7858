package io.jenkins.plugins.sampleplatform.db;

import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.util.Objects;

/**
 * How to reach the platform's database.
 *
 * @param jdbcUrl  e.g. {@code jdbc:mariadb://db:3306/sample_platform} or {@code jdbc:sqlite:/path/platform.db}
 * @param user     the user, or {@code null} (SQLite)
 * @param password the password, or {@code null}; never printed
 */
public record DatabaseSettings(String jdbcUrl, String user, SecretText password) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:mariadb:")
                && !jdbcUrl.startsWith("jdbc:mysql:")
                && !jdbcUrl.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException(
                    "The JDBC URL must start with jdbc:mariadb:, jdbc:mysql: or jdbc:sqlite:");
        }
    }

    /** The JDBC URL without its query or options, where a password could have been written: safe to show. */
    public String displayUrl() {
        return jdbcUrl.replaceAll("[?;].*$", "");
    }

    /** The URL as {@link #displayUrl()} shows it, the user, no password. */
    @Override
    public String toString() {
        return "DatabaseSettings[" + displayUrl() + ", user=" + user + "]";
    }
}
