package io.jenkins.plugins.sampleplatform.db;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a password written into a JDBC URL ({@code ?password=…}, {@code ;password=…}, {@code
 * //user:secret@host}). Such a URL would be stored and shown as plain text wherever the URL is (a
 * configuration file, its export, a form); a front end refuses it and asks for the password in its
 * secret field instead.
 */
public final class JdbcUrlSecrets {

    /**
     * A parameter after {@code ?}, {@code &} or {@code ;} whose name ends in a password word:
     * {@code password}, {@code password2} (MariaDB's second factor), {@code trustStorePassword}, {@code
     * pwd}; not an option about passwords such as {@code passwordCharacterEncoding}.
     */
    private static final Pattern PARAMETER =
            Pattern.compile("[?&;]\\s*([A-Za-z0-9_.-]*(?:password|passwd|pwd)[0-9]?)\\s*=", Pattern.CASE_INSENSITIVE);

    /** {@code //user:password@host}: user information with a colon in the authority. */
    private static final Pattern USER_INFO = Pattern.compile("//[^/?#;@]*:[^/?#;@]*@");

    private JdbcUrlSecrets() {}

    /**
     * The name of the URL's part that holds a password ({@code password}, {@code user:password@}), or
     * empty when there is none. Never returns the password itself.
     */
    public static Optional<String> passwordPart(String jdbcUrl) {
        if (jdbcUrl == null) {
            return Optional.empty();
        }
        Matcher parameter = PARAMETER.matcher(jdbcUrl);
        if (parameter.find()) {
            return Optional.of(parameter.group(1));
        }
        return USER_INFO.matcher(jdbcUrl).find() ? Optional.of("user:password@") : Optional.empty();
    }
}
