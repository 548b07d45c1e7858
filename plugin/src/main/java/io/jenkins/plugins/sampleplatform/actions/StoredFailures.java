package io.jenkins.plugins.sampleplatform.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.SampleFailure;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.render.FailureReport;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The failing samples of a run as kept with the build's {@link SummaryAction} in build.xml: plain values
 * only, and bounded: at most {@value #MAX_ENTRIES} entries, {@value #MAX_LIST} categories and differing
 * outputs each, every string cut to {@value #MAX_TEXT} characters. The site is the platform's public web
 * address (a base URL with user info is refused when it is parsed), never a credential.
 */
final class StoredFailures {

    static final int MAX_ENTRIES = 100;
    static final int MAX_LIST = 10;
    static final int MAX_TEXT = 200;

    /** One failing sample; fields as the API names them. */
    static final class Entry {
        private final int regressionTestId;
        private final Integer sampleId;
        private final String sampleName;
        private final String status;
        private final Integer exitCode;
        private final Integer expectedRc;
        private final List<String> categories;
        private final List<Integer> outputIds;
        private final List<String> outputFilenames;

        Entry(SampleFailure failure) {
            this.regressionTestId = failure.regressionTestId();
            this.sampleId = failure.sampleId();
            this.sampleName = cut(failure.sampleName());
            this.status = failure.status().wireValue();
            this.exitCode = failure.exitCode();
            this.expectedRc = failure.expectedRc();
            this.categories = new ArrayList<>();
            for (String category : failure.categories()
                    .subList(0, Math.min(MAX_LIST, failure.categories().size()))) {
                categories.add(cut(category));
            }
            this.outputIds = new ArrayList<>();
            this.outputFilenames = new ArrayList<>();
            for (FailedOutput output : failure.outputs()
                    .subList(0, Math.min(MAX_LIST, failure.outputs().size()))) {
                outputIds.add(output.outputId());
                outputFilenames.add(cut(output.filename()));
            }
        }

        SampleFailure toFailure() {
            List<FailedOutput> outputs = new ArrayList<>();
            for (int i = 0; i < Math.min(outputIds.size(), outputFilenames.size()); i++) {
                outputs.add(new FailedOutput(outputIds.get(i), outputFilenames.get(i)));
            }
            return new SampleFailure(
                    regressionTestId,
                    sampleId,
                    sampleName,
                    SampleStatus.fromWire(status),
                    exitCode,
                    expectedRc,
                    categories == null ? List.of() : categories,
                    outputs);
        }
    }

    private final List<Entry> entries;
    private final int missingOutputTotal;
    private final int failTotal;
    private final String site;
    private final String unavailable;

    private StoredFailures(FailureReport report) {
        this.site = report.site() == null ? null : report.site().toASCIIString();
        if (report.list() == null) {
            this.entries = null;
            this.missingOutputTotal = 0;
            this.failTotal = 0;
            this.unavailable = cut(report.unavailable());
            return;
        }
        FailureList list = report.list();
        this.entries = new ArrayList<>();
        for (SampleFailure failure :
                list.entries().subList(0, Math.min(MAX_ENTRIES, list.entries().size()))) {
            entries.add(new Entry(failure));
        }
        this.missingOutputTotal = list.missingOutputTotal();
        this.failTotal = list.failTotal();
        this.unavailable = null;
    }

    /** What to keep of {@code report}, or {@code null} when there is none (failures not asked for). */
    static @CheckForNull StoredFailures of(@CheckForNull FailureReport report) {
        return report == null ? null : new StoredFailures(report);
    }

    /**
     * The report again, validated anew; {@code null} when the stored values are not a valid report (a
     * build.xml edited by hand), so that the panel still shows the summary.
     */
    @CheckForNull
    FailureReport toReport() {
        try {
            URI siteUri = site == null ? null : URI.create(site);
            if (entries == null) {
                return FailureReport.unavailable(unavailable == null ? "" : unavailable, siteUri);
            }
            List<SampleFailure> failures = new ArrayList<>();
            for (Entry entry : entries) {
                failures.add(entry.toFailure());
            }
            return FailureReport.listed(new FailureList(failures, missingOutputTotal, failTotal), siteUri);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String cut(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return text.substring(0, end) + "\u2026";
    }
}
