package io.jenkins.plugins.sampleplatform.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Why a file given with an option cannot be read, in a few words: it is missing, a folder, or not readable. */
final class FileProblems {

    private FileProblems() {}

    /** {@code "Cannot read the file given with --token-file: t (it does not exist)"}; never the file's content. */
    static String cannotRead(String option, Path file, IOException failure) {
        String why;
        if (Files.isDirectory(file)) {
            why = "it is a directory; give the file in it";
        } else if (failure instanceof NoSuchFileException) {
            why = file.getParent() != null && !Files.isDirectory(file.getParent())
                    ? "neither it nor its directory " + file.getParent() + " exists"
                    : "it does not exist";
        } else if (failure instanceof AccessDeniedException) {
            why = "permission denied";
        } else {
            why = failure.getClass().getSimpleName();
        }
        return "Cannot read the file given with " + option + ": " + file + " (" + why + ")";
    }
}
