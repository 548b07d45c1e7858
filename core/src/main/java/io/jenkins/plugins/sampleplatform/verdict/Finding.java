package io.jenkins.plugins.sampleplatform.verdict;

/**
 * One condition the policy found: the reason a person reads and the result it calls for.
 *
 * @param result the result this condition gives on its own
 * @param reason one line a person understands
 */
record Finding(BuildResult result, String reason) {}
