package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

    @Test
    void showsCountsVerdictReasonsDurationAndLink() {
        assertThat(ConsoleSummary.render(Reports.failing())).isEqualTo("""
                Sample Platform run 42 (status fail)
                  10 samples: 7 passed, 2 failed, 1 without output, 0 skipped
                  Errors:       3
                  Duration:     1 min 2 s
                  Triggered by: ci-bot
                  Verdict:      FAILURE
                    - 1 sample produced no output
                    - 2 samples failed (threshold 0)
                  Run page:     https://sampleplatform.ccextractor.org/test/42
                """);
    }

    @Test
    void aCleanPassSaysSo() {
        assertThat(ConsoleSummary.render(Reports.passing()))
                .contains("  Verdict:      SUCCESS (no problems found)\n")
                .doesNotContain("Triggered by", "    - ");
    }

    @Test
    void saysWhatTheServerDidNotReportAndOmitsAnUnknownLink() {
        assertThat(ConsoleSummary.render(Reports.sparse())).isEqualTo("""
                Sample Platform run 7 (status not reported)
                  10 samples: 5 passed, 0 failed, missing-output count not reported, skipped count not reported, \
                5 unaccounted for
                  Errors:       not reported
                  Duration:     not reported
                  Verdict:      UNSTABLE
                    - missing_output_count was not reported, so samples without output could not be checked
                """);
    }

    @Test
    void serverTextCannotForgeLinesOrColours() {
        for (String hostile : Hostile.STRINGS) {
            String reason = "quoted: " + hostile;
            String out = ConsoleSummary.render(
                    Reports.hostile(hostile.length() > 100 ? hostile.substring(0, 100) : hostile, List.of(reason)));
            assertThat(out).as(hostile).doesNotContain("\u001b", "\r", "\u2028", "\u2029", "\u0085", "\u202E");
            assertThat(out.lines().count()).as(hostile).isEqualTo(8);
            assertThat(out.lines().filter(l -> l.startsWith("  Verdict:")).count())
                    .as(hostile)
                    .isEqualTo(1);
        }
    }

    @Test
    void theLinkIsTheRunPagesAsciiForm() {
        assertThat(ConsoleSummary.render(Reports.hostile("x", List.of())))
                .contains(
                        "  Run page:     https://evil.example/test/42%22%3E%3Cscript%3Ealert(1)%3C/script%3E?a='x'&b=%3Ci%3E\n");
    }
}
