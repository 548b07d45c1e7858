package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.fixtures.Summaries;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.verdict.BuildResult;
import io.jenkins.plugins.sampleplatform.verdict.Verdict;
import io.jenkins.plugins.sampleplatform.verdict.VerdictPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** Reports the renderer tests share. */
final class Reports {

    static final URI RUN_PAGE = URI.create("https://sampleplatform.ccextractor.org/test/42");

    private Reports() {}

    /** Run 42: 7 passed, 2 failed, 1 without output; FAILURE under the default policy. */
    static SummaryReport failing() {
        RunSummary s = Summaries.cleanPass()
                .status(RunStatus.FAIL)
                .counts(10, 7, 2, 1, 0)
                .errors(3)
                .triggeredBy("ci-bot")
                .build();
        return new SummaryReport(s, VerdictPolicy.defaults().evaluate(s), RUN_PAGE);
    }

    /** A clean pass of run 42 with a link. */
    static SummaryReport passing() {
        RunSummary s = Summaries.cleanPass().build();
        return new SummaryReport(s, VerdictPolicy.defaults().evaluate(s), RUN_PAGE);
    }

    /** The reference server's shape: no status, optional counts absent, no link. */
    static SummaryReport sparse() {
        RunSummary s = Summaries.cleanPass()
                .runId(7)
                .status(null)
                .counts(10, 5, 0, null, null)
                .errors(null)
                .durationMs(null)
                .build();
        return new SummaryReport(s, VerdictPolicy.defaults().evaluate(s), null);
    }

    /** Markup in every string a server (or a reason quoting one) can put in the report. */
    static SummaryReport hostile(String triggeredBy, List<String> reasons) {
        RunSummary s = Summaries.cleanPass()
                .status(RunStatus.FAIL)
                .counts(10, 6, 3, 1, 0)
                .triggeredBy(triggeredBy)
                .build();
        return new SummaryReport(s, new Verdict(BuildResult.FAILURE, reasons), hostileLink());
    }

    /** An http(s) link whose path and query carry quotes, brackets and ampersands. */
    static URI hostileLink() {
        try {
            return new URI("https", "evil.example", "/test/42\"><script>alert(1)</script>", "a='x'&b=<i>", null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
