package io.jenkins.plugins.sampleplatform.actions;

import hudson.XmlFile;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.sampleplatform.render.SummaryReport;
import io.jenkins.plugins.sampleplatform.render.TrendChart;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which recent builds of a job have a Sample Platform summary, with their counts: the job page's panel
 * and trend come from here without loading any build. Kept in the job's folder ({@value #FILE_NAME}),
 * so it survives restarts and moves with a renamed job; a build adds its entry when its summary is
 * attached, and {@link SummaryHistoryListener} removes it when the build is deleted. A job that never
 * used the plugin has no file, and costs one look for it per job and controller start.
 *
 * <p>Entries hold plain numbers and names only, never a credential; newest first, at most
 * {@link #MAX_ENTRIES}.
 */
public final class SummaryHistory {

    static final String FILE_NAME = "sampleplatform-summaries.xml";

    static final int MAX_ENTRIES = TrendChart.MAX_POINTS;

    private static final Logger LOGGER = Logger.getLogger(SummaryHistory.class.getName());

    /** Loaded histories, by job object; a job reloaded from disk is a new object and reads its file again. */
    private static final Map<Job<?, ?>, SummaryHistory> LOADED = new WeakHashMap<>();

    /** One build's summary, as saved in the file. */
    static final class Entry {
        final int build;
        final int passed;
        final int failed;
        final int missingOutput;
        final int skipped;
        final String result;

        Entry(int build, SummaryReport report) {
            RunSummary s = report.summary();
            this.build = build;
            this.passed = s.passCount();
            this.failed = s.failCount();
            this.missingOutput = s.missingOutputCount() == null ? 0 : s.missingOutputCount();
            this.skipped = s.skippedCount() == null ? 0 : s.skippedCount();
            this.result = report.verdict().result().name();
        }
    }

    private List<Entry> entries = new ArrayList<>();

    /** The history of {@code job}, read from its file the first time. */
    static SummaryHistory of(Job<?, ?> job) {
        synchronized (LOADED) {
            return LOADED.computeIfAbsent(job, SummaryHistory::load);
        }
    }

    /** Records the summary just attached to {@code run}, replacing an earlier one of the same build. */
    public static void record(Run<?, ?> run, SummaryReport report) throws IOException {
        Job<?, ?> job = run.getParent();
        SummaryHistory history = of(job);
        synchronized (history) {
            history.entries.removeIf(e -> e.build == run.getNumber());
            int at = 0;
            while (at < history.entries.size() && history.entries.get(at).build > run.getNumber()) {
                at++;
            }
            history.entries.add(at, new Entry(run.getNumber(), report));
            while (history.entries.size() > MAX_ENTRIES) {
                history.entries.remove(history.entries.size() - 1);
            }
            history.save(job);
        }
    }

    /** Forgets a deleted build. */
    static void forget(Run<?, ?> run) {
        Job<?, ?> job = run.getParent();
        SummaryHistory history = of(job);
        synchronized (history) {
            if (history.entries.removeIf(e -> e.build == run.getNumber())) {
                try {
                    history.save(job);
                } catch (IOException e) {
                    LOGGER.log(Level.WARNING, "Could not update " + FILE_NAME + " of " + job.getFullName(), e);
                }
            }
        }
    }

    /** The entries, newest first (a copy). */
    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    private void save(Job<?, ?> job) throws IOException {
        file(job).write(this);
    }

    private static XmlFile file(Job<?, ?> job) {
        return new XmlFile(new File(job.getRootDir(), FILE_NAME));
    }

    private static SummaryHistory load(Job<?, ?> job) {
        XmlFile file = file(job);
        SummaryHistory history = new SummaryHistory();
        // Filled under the lock every other access takes, so its entries are published like theirs.
        synchronized (history) {
            if (file.exists()) {
                try {
                    file.unmarshal(history);
                } catch (IOException e) {
                    LOGGER.log(
                            Level.WARNING,
                            "Could not read " + file + "; the job page shows no summary until the next build",
                            e);
                }
            }
            List<Entry> read = history.entries == null ? new ArrayList<>() : new ArrayList<>(history.entries);
            read.removeIf(e -> e == null);
            read.sort((a, b) -> Integer.compare(b.build, a.build));
            history.entries = read;
        }
        return history;
    }
}
