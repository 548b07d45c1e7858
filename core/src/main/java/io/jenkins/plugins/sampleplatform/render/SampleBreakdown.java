package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.verdict.Wording;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A summary's samples split by outcome, with the shares every renderer shows, so the console, the
 * Markdown and the panel never disagree. Shares are of {@link #scale()}: {@code total_samples}, or the
 * sum of the counts when a contradictory summary reports more than that.
 */
final class SampleBreakdown {

    /** One outcome and its count; {@code count} is {@code null} when the server did not report it. */
    record Part(Outcome outcome, Integer count) {
        boolean reported() {
            return count != null;
        }

        int countOrZero() {
            return count == null ? 0 : count;
        }
    }

    /** Narrowest bar segment, in hundredths of a percent, so that a single sample stays visible. */
    static final int MIN_SEGMENT_BP = 80;

    static final int FULL_BP = 10_000;

    private final int total;
    private final List<Part> parts;
    private final long scale;

    SampleBreakdown(RunSummary s) {
        this.total = s.totalSamples();
        List<Part> list = new ArrayList<>(List.of(
                new Part(Outcome.PASSED, s.passCount()),
                new Part(Outcome.FAILED, s.failCount()),
                new Part(Outcome.NO_OUTPUT, s.missingOutputCount()),
                new Part(Outcome.SKIPPED, s.skippedCount())));
        long accounted = list.stream().mapToLong(Part::countOrZero).sum();
        if (accounted < total) {
            list.add(new Part(Outcome.UNACCOUNTED, (int) (total - accounted)));
        }
        this.parts = List.copyOf(list);
        this.scale = Math.max(total, accounted);
    }

    int total() {
        return total;
    }

    /** Passed, failed, no output, skipped (each possibly unreported), then the unaccounted rest if any. */
    List<Part> parts() {
        return parts;
    }

    /** What the shares are of. */
    long scale() {
        return scale;
    }

    /** For example "10 samples: 7 passed, 2 failed, 1 without output, skipped count not reported, 1 unaccounted for". */
    String describe() {
        List<String> pieces = new ArrayList<>();
        for (Part part : parts) {
            pieces.add(
                    part.reported()
                            ? part.count() + " " + part.outcome().phrase()
                            : part.outcome().countName() + " count not reported");
        }
        return Wording.samples(total) + ": " + String.join(", ", pieces);
    }

    /** The share of {@code count} as a whole percentage, never rounded to 0% or 100% when it is not. */
    String share(int count) {
        if (scale == 0) {
            return "-";
        }
        long percent = Math.round(100.0 * count / scale);
        if (count > 0 && percent == 0) {
            return "<1%";
        }
        if (count < scale && percent == 100) {
            return ">99%";
        }
        return percent + "%";
    }

    /**
     * The bar's segment widths in hundredths of a percent, for the outcomes with a count above 0,
     * summing to exactly {@link #FULL_BP} (or empty when there are no samples). Largest remainders
     * share out the rounding; each segment is at least {@link #MIN_SEGMENT_BP} wide, the difference
     * taken from the widest ones.
     */
    Map<Outcome, Integer> widths() {
        Map<Outcome, Integer> widths = new EnumMap<>(Outcome.class);
        if (scale == 0) {
            return widths;
        }
        Map<Outcome, Long> remainders = new EnumMap<>(Outcome.class);
        int used = 0;
        for (Part part : parts) {
            if (part.countOrZero() > 0) {
                long exact = (long) part.countOrZero() * FULL_BP;
                widths.put(part.outcome(), (int) (exact / scale));
                remainders.put(part.outcome(), exact % scale);
                used += (int) (exact / scale);
            }
        }
        List<Outcome> byRemainder = new ArrayList<>(remainders.keySet());
        byRemainder.sort((a, b) -> Long.compare(remainders.get(b), remainders.get(a)));
        for (int i = 0; used < FULL_BP; i++, used++) {
            widths.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
        }
        int lack = 0;
        for (Map.Entry<Outcome, Integer> entry : widths.entrySet()) {
            if (entry.getValue() < MIN_SEGMENT_BP) {
                lack += MIN_SEGMENT_BP - entry.getValue();
                entry.setValue(MIN_SEGMENT_BP);
            }
        }
        // Shave the widest, one step at a time, so a larger count is never drawn narrower than a
        // smaller one; at most four narrow segments need at most 320 steps.
        for (; lack > 0; lack--) {
            widths.merge(
                    Collections.max(widths.entrySet(), Map.Entry.comparingByValue())
                            .getKey(),
                    -1,
                    Integer::sum);
        }
        return widths;
    }
}
