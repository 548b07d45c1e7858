package io.jenkins.plugins.sampleplatform.api;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How the blocking client sleeps a back-off; tests substitute one that moves a simulated clock. */
@FunctionalInterface
interface RetrySleeper {

    /** Sleeps on the calling thread; an interrupt ends it with {@link InterruptedException}. */
    RetrySleeper SYSTEM = wait -> TimeUnit.MILLISECONDS.sleep(wait.toMillis());

    void sleep(Duration wait) throws InterruptedException;
}
