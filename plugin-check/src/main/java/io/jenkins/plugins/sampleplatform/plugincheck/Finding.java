package io.jenkins.plugins.sampleplatform.plugincheck;

/**
 * One problem the check found.
 *
 * @param file the file, relative to the folder that was checked
 * @param line the line of the declaration at fault (1 when the whole file is at fault)
 * @param rule a short name of the rule that failed
 * @param message what is wrong and what to do about it
 */
public record Finding(String file, int line, String rule, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": [" + rule + "] " + message;
    }
}
