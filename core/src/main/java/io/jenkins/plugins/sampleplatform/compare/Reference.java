package io.jenkins.plugins.sampleplatform.compare;

import io.jenkins.plugins.sampleplatform.runs.Commits;
import io.jenkins.plugins.sampleplatform.summary.InvalidRunIdException;
import io.jenkins.plugins.sampleplatform.summary.RunIds;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reference run to compare with, as a person names it: {@code master}, {@code commit:SHA}, {@code run:ID}
 * or (Jenkins only) {@code previousBuild}. {@link #text()} is the canonical spelling, used as the
 * reference's name in every output.
 */
public sealed interface Reference extends Serializable
        permits Reference.Master, Reference.Commit, Reference.Run, Reference.PreviousBuild {

    /** The canonical spelling, e.g. {@code commit:0123…}: the name in JSON ({@code reference}) and reports. */
    String text();

    /** A phrase for sentences, e.g. {@code the tip of master}. */
    String label();

    /**
     * The newest completed {@code commit}-type run on branch master, same platform, other than the run being
     * judged (for a master run: the previous one).
     */
    record Master() implements Reference {
        private static final long serialVersionUID = 1L;

        @Override
        public String text() {
            return "master";
        }

        @Override
        public String label() {
            return "the tip of master";
        }
    }

    /** The newest completed run of this commit (40 hexadecimal digits, lower case), same platform. */
    record Commit(String sha) implements Reference {
        private static final long serialVersionUID = 1L;

        public Commit {
            sha = Commits.check(sha);
        }

        @Override
        public String text() {
            return "commit:" + sha;
        }

        @Override
        public String label() {
            return "commit " + sha.substring(0, 7);
        }
    }

    /** That run. */
    record Run(int runId) implements Reference {
        private static final long serialVersionUID = 1L;

        public Run {
            RunIds.check(runId);
        }

        @Override
        public String text() {
            return "run:" + runId;
        }

        @Override
        public String label() {
            return "run " + runId;
        }
    }

    /**
     * The run judged by the last completed build of this Jenkins job that has a summary. Only the plugin
     * can resolve it (see {@link ReferenceResolver}).
     */
    record PreviousBuild() implements Reference {
        private static final long serialVersionUID = 1L;

        @Override
        public String text() {
            return "previousBuild";
        }

        @Override
        public String label() {
            return "the previous build's run";
        }
    }

    /**
     * Reads one reference.
     *
     * @param text {@code master}, {@code commit:SHA} (40 hexadecimal digits), {@code run:ID} or
     *             {@code previousBuild}; surrounding white space and the case of the keyword are ignored
     * @throws InvalidReferenceException naming the text and the accepted forms
     */
    static Reference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidReferenceException("The reference is empty: " + FORMS + ".");
        }
        String trimmed = text.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.equals("master")) {
            return new Master();
        }
        if (lower.equals("previousbuild")) {
            return new PreviousBuild();
        }
        if (lower.startsWith("commit:")) {
            try {
                return new Commit(trimmed.substring("commit:".length()).strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidReferenceException("Reference '" + shorten(trimmed) + "': " + e.getMessage());
            }
        }
        if (lower.startsWith("run:")) {
            try {
                return new Run(RunIds.parse(trimmed.substring("run:".length())));
            } catch (InvalidRunIdException e) {
                throw new InvalidReferenceException("Reference '" + shorten(trimmed) + "': " + e.getMessage());
            }
        }
        throw new InvalidReferenceException("Reference '" + shorten(trimmed) + "' is not understood: " + FORMS + ".");
    }

    /**
     * Reads a list written as one string: references separated by commas, semicolons or white space.
     * An empty or blank string gives an empty list.
     *
     * @throws InvalidReferenceException for the first reference that is not understood
     */
    static List<Reference> parseList(String text) {
        List<Reference> references = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[,;\\s]+")) {
                if (!part.isEmpty()) {
                    references.add(parse(part));
                }
            }
        }
        return List.copyOf(references);
    }

    /** The accepted forms, for messages. */
    String FORMS = "give master, commit:SHA (40 hexadecimal digits), run:ID or previousBuild";

    private static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 60 ? clean : clean.substring(0, 60) + "…";
    }
}
