package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.runs.RunWaiter;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one JSON object {@code --format json} writes to standard output when there is no summary to print (a
 * timeout, giving up, Ctrl-C), so that a script reading standard output always gets an object:
 * {@code {"run_id":302,"status":"queued","outcome":"timeout","message":"…"}}.
 */
final class JsonOutcome {

    static final String TIMEOUT = "timeout";
    static final String INTERRUPTED = "interrupted";
    static final String ERROR = "error";

    private JsonOutcome() {}

    /**
     * @param runId   the run, when known ({@code null} writes {@code "run_id":null})
     * @param status  the run's status as last seen, or {@code null}
     * @param message the line also written to standard error (scrubbed here too)
     */
    static String of(Integer runId, RunStatus status, String outcome, String message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("run_id", runId);
        fields.put("status", status == null ? null : status.wireValue());
        fields.put("outcome", outcome);
        fields.put("message", CliSecrets.scrubber().scrub(CliWording.of(message)));
        return ReportOutput.json(fields);
    }

    /** Writes the object when {@code format} is JSON; nothing otherwise. */
    static void write(
            PrintWriter out,
            SummaryCommand.Format format,
            Integer runId,
            RunStatus status,
            String outcome,
            String message) {
        if (format == SummaryCommand.Format.json) {
            out.print(of(runId, status, outcome, message));
            out.flush();
        }
    }

    /** The run and status a waiter knows of, for {@link #write}. */
    static Integer runId(RunWaiter waiter, Integer fallback) {
        return waiter != null && waiter.runId().isPresent()
                ? Integer.valueOf(waiter.runId().getAsInt())
                : fallback;
    }
}
