package io.jenkins.plugins.sampleplatform.render;

import static io.jenkins.plugins.sampleplatform.fixtures.Summaries.cleanPass;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SampleBreakdownTest {

    @Test
    void describesEveryCountIncludingUnreportedOnes() {
        assertThat(new SampleBreakdown(cleanPass().counts(10, 7, 2, 1, 0).build()).describe())
                .isEqualTo("10 samples: 7 passed, 2 failed, 1 without output, 0 skipped");
        assertThat(new SampleBreakdown(cleanPass().counts(10, 5, 1, null, null).build()).describe())
                .isEqualTo(
                        "10 samples: 5 passed, 1 failed, missing-output count not reported, skipped count not reported, "
                                + "4 unaccounted for");
        assertThat(new SampleBreakdown(cleanPass().counts(1, 1, 0, 0, 0).build()).describe())
                .isEqualTo("1 sample: 1 passed, 0 failed, 0 without output, 0 skipped");
    }

    @Test
    void sharesAreNeverRoundedToAllOrNothing() {
        SampleBreakdown big =
                new SampleBreakdown(cleanPass().counts(1000, 999, 1, 0, 0).build());
        assertThat(big.share(1)).isEqualTo("<1%");
        assertThat(big.share(999)).isEqualTo(">99%");
        assertThat(big.share(0)).isEqualTo("0%");
        assertThat(big.share(1000)).isEqualTo("100%");
        assertThat(new SampleBreakdown(cleanPass().counts(0, 0, 0, 0, 0).build()).share(0))
                .isEqualTo("-");
    }

    @Test
    void contradictoryCountsAreShownAsSharesOfTheirSum() {
        SampleBreakdown over =
                new SampleBreakdown(cleanPass().counts(10, 10, 10, 0, 0).build());
        assertThat(over.scale()).isEqualTo(20);
        assertThat(over.share(10)).isEqualTo("50%");
        assertThat(over.widths()).containsEntry(Outcome.PASSED, 5000).containsEntry(Outcome.FAILED, 5000);
    }

    @Test
    void aSingleSampleAmongManyStaysVisible() {
        Map<Outcome, Integer> widths =
                new SampleBreakdown(cleanPass().counts(100_000, 99_999, 1, 0, 0).build()).widths();
        assertThat(widths)
                .containsEntry(Outcome.FAILED, SampleBreakdown.MIN_SEGMENT_BP)
                .containsEntry(Outcome.PASSED, SampleBreakdown.FULL_BP - SampleBreakdown.MIN_SEGMENT_BP);
    }

    @Test
    void noSamplesNoSegments() {
        assertThat(new SampleBreakdown(cleanPass().counts(0, 0, 0, 0, 0).build()).widths())
                .isEmpty();
    }

    @RepeatedTest(5)
    void widthsAlwaysFillTheBarExactlyAndFollowTheCounts() {
        long seed = new SecureRandom().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            int scale = random.nextBoolean() ? 20 : Integer.MAX_VALUE / 4;
            int pass = random.nextInt(scale);
            int fail = random.nextInt(4) == 0 ? 0 : random.nextInt(scale);
            Integer missing = random.nextInt(4) == 0 ? null : random.nextInt(scale);
            Integer skipped = random.nextInt(4) == 0 ? null : random.nextInt(scale);
            int total = random.nextInt(Integer.MAX_VALUE);
            RunSummary s =
                    cleanPass().counts(total, pass, fail, missing, skipped).build();
            Map<Outcome, Integer> widths = new SampleBreakdown(s).widths();
            String label = "seed " + seed + ": " + s;
            assertThat(widths.values().stream().mapToInt(Integer::intValue).sum())
                    .as(label)
                    .isEqualTo(SampleBreakdown.FULL_BP);
            assertThat(widths.values()).as(label).allMatch(w -> w >= SampleBreakdown.MIN_SEGMENT_BP);
            assertThat(widths.containsKey(Outcome.FAILED)).as(label).isEqualTo(fail > 0);
            if (pass >= fail && fail > 0) {
                // A larger count is never drawn narrower (one step of rounding aside).
                assertThat(widths.get(Outcome.PASSED)).as(label).isGreaterThanOrEqualTo(widths.get(Outcome.FAILED) - 1);
            }
        }
    }
}
