package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.compare.RunComparer;
import io.jenkins.plugins.sampleplatform.db.DatabaseComparisonSource;

/** The comparison source that goes with the summary source: the same database, or the same API client. */
final class ComparisonSources {

    private ComparisonSources() {}

    /** A comparer over the opened source. */
    static RunComparer open(Sources.Opened opened) throws UsageException {
        if (opened.database() != null) {
            DatabaseComparisonSource source = new DatabaseComparisonSource(opened.database());
            return new RunComparer(source, source);
        }
        // API mode's state source is the other half of issue 17 (branch i17-api); until it lands, say so.
        throw new UsageException("--compare-with is not available in API mode yet: use --jdbc or --demo.");
    }
}
