package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.SampleFailure;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Failure lists the renderer tests share. */
final class Failures {

    static final URI SITE = URI.create("https://sampleplatform.ccextractor.org");

    private Failures() {}

    /** Run 42's failures: test 3 without output, test 9 failed with one differing output; 12 in all. */
    static FailureReport someOfTwelve() {
        SampleFailure missing = new SampleFailure(
                3, 1003, "clip.ts", SampleStatus.MISSING_OUTPUT, 1, 0, List.of("DVB", "Teletext"), List.of());
        SampleFailure failed = new SampleFailure(
                9,
                1009,
                "b.mpg",
                SampleStatus.FAIL,
                0,
                0,
                List.of("Broken"),
                List.of(new FailedOutput(32, "5d4c.srt"), new FailedOutput(33, "77aa.txt")));
        return FailureReport.listed(new FailureList(List.of(missing, failed), 2, 10), SITE);
    }

    /** {@code count} failures, the first {@code missing} without output; totals equal to the entries. */
    static FailureReport many(int count, int missing) {
        List<SampleFailure> entries = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            entries.add(new SampleFailure(
                    i,
                    500 + i,
                    "sample-" + i + ".ts",
                    i <= missing ? SampleStatus.MISSING_OUTPUT : SampleStatus.FAIL,
                    i % 3,
                    0,
                    List.of("General"),
                    i <= missing ? List.of() : List.of(new FailedOutput(i * 10, "out" + i + ".srt"))));
        }
        return FailureReport.listed(new FailureList(entries, missing, count - missing), SITE);
    }

    /** Hostile text in every string a server can put in a failure. */
    static FailureReport hostile(String text) {
        SampleFailure failure = new SampleFailure(
                5, 6, text, SampleStatus.FAIL, 1, 0, List.of(text, "ok"), List.of(new FailedOutput(7, text)));
        return FailureReport.listed(new FailureList(List.of(failure), 0, 1), SITE);
    }
}
