package io.jenkins.plugins.sampleplatform.api;

/**
 * Told about every wait before a retry, so a caller can say "rate limited, retrying in 30 s
 * (attempt 2)". Called on the requesting thread, before the wait starts. Never receives a secret.
 */
@FunctionalInterface
public interface RetryListener {

    /** A listener that ignores every event. */
    RetryListener NONE = event -> {};

    /** Called once before each wait. */
    void onRetry(RetryEvent event);
}
