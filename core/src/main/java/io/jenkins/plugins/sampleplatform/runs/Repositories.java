package io.jenkins.plugins.sampleplatform.runs;

import java.util.regex.Pattern;

/** Checks a repository name the way the platform does: {@code owner/name}, at most 100 characters. */
public final class Repositories {

    private static final Pattern OWNER_NAME = Pattern.compile("[A-Za-z0-9_.\\-]+/[A-Za-z0-9_.\\-]+");

    private Repositories() {}

    /**
     * @return the name unchanged, or {@code null} for {@code null}
     * @throws IllegalArgumentException when it is not {@code owner/name}
     */
    public static String check(String repository) {
        if (repository == null) {
            return null;
        }
        if (repository.length() > 100 || !OWNER_NAME.matcher(repository).matches()) {
            throw new IllegalArgumentException("The repository '" + Commits.abbreviate(repository)
                    + "' is not owner/name (letters, digits, '_', '.', '-'; at most 100 characters),"
                    + " e.g. CCExtractor/ccextractor.");
        }
        return repository;
    }
}
