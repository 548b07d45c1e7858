package io.jenkins.plugins.sampleplatform.summary;

import java.io.Serializable;

/**
 * The summary of one Sample Platform regression run, as {@code GET /api/v1/runs/{run_id}/summary}
 * reports it and as DB mode computes it.
 *
 * <p>Fields that the endpoint's reference marks optional are boxed and {@code null} when the server
 * did not send them; they are never silently read as 0. The compact constructor enforces the
 * documented bounds, naming the offending field, so no invalid summary can exist.
 *
 * @param runId              the run id, at least 1
 * @param status             the run's state; {@code null} when the server does not report it
 *                           (the reference document has no such field, the real server sends it)
 * @param totalSamples       regression tests selected for the run
 * @param passCount          samples that passed
 * @param failCount          samples that failed (computed from result rows)
 * @param skippedCount       selected samples without a result, or {@code null} when not reported
 * @param missingOutputCount samples that produced no output where output was expected, or {@code null}
 * @param errorCount         error items (several per sample possible), or {@code null}
 * @param durationMs         summed runtime in milliseconds, or {@code null} when nothing ran
 * @param triggeredBy        who started the run (reference document only), or {@code null}
 */
public record RunSummary(
        int runId,
        RunStatus status,
        int totalSamples,
        int passCount,
        int failCount,
        Integer skippedCount,
        Integer missingOutputCount,
        Integer errorCount,
        Long durationMs,
        String triggeredBy)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Longest {@code triggered_by} the reference document allows. */
    public static final int TRIGGERED_BY_MAX_LENGTH = 100;

    public RunSummary {
        RunIds.check(runId);
        requireNonNegative("total_samples", totalSamples);
        requireNonNegative("pass_count", passCount);
        requireNonNegative("fail_count", failCount);
        requireNonNegativeOrNull("skipped_count", skippedCount);
        requireNonNegativeOrNull("missing_output_count", missingOutputCount);
        requireNonNegativeOrNull("error_count", errorCount);
        if (durationMs != null && durationMs < 0) {
            throw new IllegalArgumentException("duration_ms must be at least 0, was " + durationMs);
        }
        if (triggeredBy != null && triggeredBy.length() > TRIGGERED_BY_MAX_LENGTH) {
            throw new IllegalArgumentException("triggered_by must be at most " + TRIGGERED_BY_MAX_LENGTH
                    + " characters, was " + triggeredBy.length());
        }
    }

    private static void requireNonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be at least 0, was " + value);
        }
    }

    private static void requireNonNegativeOrNull(String field, Integer value) {
        if (value != null) {
            requireNonNegative(field, value);
        }
    }
}
