package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.FailureSource;
import io.jenkins.plugins.sampleplatform.fixtures.Summaries;
import io.jenkins.plugins.sampleplatform.summary.RunNotFoundException;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureReportsTest {

    private final List<String> calls = new ArrayList<>();

    /** A source that records what it was asked and answers with 1 missing and 2 failed samples. */
    private final FailureSource source = (runId, limit) -> {
        calls.add(runId + ":" + limit);
        return Failures.many(3, 1).list();
    };

    @Test
    void aCleanRunAsksNothing() throws Exception {
        RunSummary clean = Summaries.cleanPass().build();

        FailureReport report = FailureReports.lookUp(source, clean, 100, Failures.SITE);

        assertThat(report.list()).isEqualTo(FailureList.NONE);
        assertThat(report.worthShowing()).isFalse();
        assertThat(calls).isEmpty();
    }

    @Test
    void aFailingRunIsListedWithTheLimit() throws Exception {
        RunSummary failing = Summaries.cleanPass().counts(10, 7, 2, 1, 0).build();

        FailureReport report = FailureReports.lookUp(source, failing, 100, Failures.SITE);

        assertThat(report.list().total()).isEqualTo(3);
        assertThat(calls).containsExactly(failing.runId() + ":100");
    }

    @Test
    void aFailedListingIsAReasonNotAnError() throws Exception {
        RunSummary failing = Summaries.cleanPass().counts(10, 9, 1, 0, 0).build();

        FailureSource gone = (runId, limit) -> {
            throw new RunNotFoundException(runId, "Run " + runId + " not found.");
        };
        assertThat(FailureReports.lookUp(gone, failing, 10, null).unavailable())
                .isEqualTo("Run " + failing.runId() + " not found.");
    }
}
