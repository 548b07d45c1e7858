package io.jenkins.plugins.sampleplatform.runs;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks a commit id before any request: the platform matches whole SHAs only (a short one finds nothing). */
public final class Commits {

    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-fA-F]{40}");

    private Commits() {}

    /**
     * @return the commit in lower case
     * @throws IllegalArgumentException when it is empty or not 40 hexadecimal digits
     */
    public static String check(String commitSha) {
        String text = RunQuery.blankToNull(commitSha);
        if (text == null) {
            throw new IllegalArgumentException(
                    "The commit is empty: give its full id (40 hexadecimal digits), e.g. env.GIT_COMMIT.");
        }
        if (!FULL_SHA.matcher(text).matches()) {
            throw new IllegalArgumentException("The commit '" + abbreviate(text)
                    + "' is not a full commit id: give all 40 hexadecimal digits (the platform matches no short ids).");
        }
        return text.toLowerCase(Locale.ROOT);
    }

    static String abbreviate(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 50 ? clean : clean.substring(0, 50) + "…";
    }
}
