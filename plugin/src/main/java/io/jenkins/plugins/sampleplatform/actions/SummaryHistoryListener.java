package io.jenkins.plugins.sampleplatform.actions;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.listeners.RunListener;

/** Keeps {@link SummaryHistory} right when builds are deleted (by hand or by the job's build discarder). */
@Extension
public class SummaryHistoryListener extends RunListener<Run<?, ?>> {

    @Override
    public void onDeleted(Run<?, ?> run) {
        SummaryHistory.forget(run);
    }
}
