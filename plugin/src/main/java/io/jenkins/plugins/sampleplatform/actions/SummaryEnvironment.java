package io.jenkins.plugins.sampleplatform.actions;

import hudson.EnvVars;
import io.jenkins.plugins.sampleplatform.render.SummaryReport;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;

/**
 * The environment variables a summary gives later steps of a freestyle build: {@code
 * SAMPLEPLATFORM_RUN_ID}, {@code _STATUS}, {@code _RESULT}, {@code _TOTAL}, {@code _PASSED}, {@code
 * _FAILED}, {@code _MISSING_OUTPUT}, {@code _SKIPPED}, {@code _ERRORS}. A value the server did not
 * report is left unset (never a made-up 0). Numbers are plain digits.
 */
final class SummaryEnvironment {

    static final String PREFIX = "SAMPLEPLATFORM_";

    private SummaryEnvironment() {}

    static void contribute(SummaryReport report, EnvVars env) {
        RunSummary s = report.summary();
        put(env, "RUN_ID", s.runId());
        if (s.status() != null) {
            env.put(PREFIX + "STATUS", s.status().wireValue());
        }
        env.put(PREFIX + "RESULT", report.verdict().result().name());
        put(env, "TOTAL", s.totalSamples());
        put(env, "PASSED", s.passCount());
        put(env, "FAILED", s.failCount());
        put(env, "MISSING_OUTPUT", s.missingOutputCount());
        put(env, "SKIPPED", s.skippedCount());
        put(env, "ERRORS", s.errorCount());
    }

    private static void put(EnvVars env, String name, Integer value) {
        if (value != null) {
            env.put(PREFIX + name, Integer.toString(value));
        }
    }
}
