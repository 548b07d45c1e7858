package io.jenkins.plugins.sampleplatform.compare;

import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import java.util.Optional;

/**
 * Finds the run a {@link Reference} names, relative to the run being judged. DB mode and API mode each
 * implement it; the plugin wraps one to answer {@link Reference.PreviousBuild}.
 *
 * <ul>
 *   <li>{@link Reference.Master}: the newest completed {@code commit}-type run on branch {@code master},
 *       same platform as {@code judged}, other than {@code judged}. DB mode orders by the {@code completed}
 *       progress row's id, as the platform does; API mode by {@code completed_at}, then run id.</li>
 *   <li>{@link Reference.Commit}: the newest completed run of that commit on the same platform (any run id,
 *       {@code judged} excluded), ordered as above.</li>
 *   <li>{@link Reference.Run}: that run, whatever its state; empty when it does not exist.</li>
 * </ul>
 */
public interface ReferenceResolver {

    /**
     * @param reference the reference
     * @param judged    the run being judged (its id, platform)
     * @return the reference run, or empty when none is found ("no reference found", never "no changes")
     * @throws SummaryException     when the source cannot answer, or cannot resolve this kind of reference
     *                              (e.g. {@code previousBuild} outside Jenkins); the message says why
     * @throws InterruptedException when the caller is interrupted
     */
    Optional<RunInfo> resolve(Reference reference, RunInfo judged) throws SummaryException, InterruptedException;
}
