package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.SampleFailure;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.verdict.Wording;

/** Words for one failing sample, shared by the renderers so that the log, the panel and Markdown agree. */
final class FailureWording {

    /** Longest server text shown for one value (a sample name, a category, a file name). */
    static final int TEXT_LIMIT = 120;

    private FailureWording() {}

    static String status(SampleStatus status) {
        return status == SampleStatus.MISSING_OUTPUT ? "No output" : "Failed";
    }

    /** {@code "exit code 1, expected 0"}, {@code "exit code 0 as expected"}, {@code "exit code not recorded"}. */
    static String exitCode(SampleFailure failure) {
        return exitCode(failure.exitCode(), failure.expectedRc());
    }

    /** The same words for an exit code and the expected one, each possibly {@code null}. */
    static String exitCode(Integer exitCode, Integer expectedRc) {
        if (exitCode == null) {
            return expectedRc == null ? "exit code not recorded" : "exit code not recorded, expected " + expectedRc;
        }
        if (expectedRc == null) {
            return "exit code " + exitCode;
        }
        return !exitCode.equals(expectedRc)
                ? "exit code " + exitCode + ", expected " + expectedRc
                : "exit code " + exitCode + " as expected";
    }

    /** {@code "12 failing samples (2 without output, 10 failed)"}. */
    static String totals(FailureList list) {
        return Wording.samples(list.total()).replace("sample", "failing sample") + " (" + list.missingOutputTotal()
                + " without output, " + list.failTotal() + " failed)";
    }

    /** Server text cut to {@link #TEXT_LIMIT} characters (never inside a surrogate pair); {@code null} stays. */
    static String clip(String text) {
        if (text == null || text.length() <= TEXT_LIMIT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(TEXT_LIMIT - 1)) ? TEXT_LIMIT - 1 : TEXT_LIMIT;
        return text.substring(0, end) + "\u2026";
    }
}
