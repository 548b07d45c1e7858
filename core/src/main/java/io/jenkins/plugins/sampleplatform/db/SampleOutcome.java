package io.jenkins.plugins.sampleplatform.db;

import io.jenkins.plugins.sampleplatform.failures.SampleStatus;

/**
 * One result of a run as the platform judges it: its status, its error items and the values the
 * summary adds up.
 *
 * @param regressionTestId the sample (regression test) of the result
 * @param status the first rule that applies: missing output, then fail, else pass
 * @param exitCodeDiffers the exit code differs from the expected one (NULL-safe)
 * @param errorItems error items: exit-code mismatch, missing outputs (or sentinel rows), unacceptable files
 * @param runtime the recorded runtime in ms, or null
 * @param exitCode the recorded exit code, or null
 * @param expectedRc the recorded expected exit code, or null
 */
record SampleOutcome(
        int regressionTestId,
        SampleStatus status,
        boolean exitCodeDiffers,
        int errorItems,
        Integer runtime,
        Integer exitCode,
        Integer expectedRc) {}
