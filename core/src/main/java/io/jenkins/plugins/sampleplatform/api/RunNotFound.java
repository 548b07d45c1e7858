package io.jenkins.plugins.sampleplatform.api;

import io.jenkins.plugins.sampleplatform.summary.RunNotFoundException;
import java.util.Optional;

/** 404 from the API: the platform has no such run. A {@link RunNotFoundException}, as in DB mode. */
public class RunNotFound extends RunNotFoundException {

    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    public RunNotFound(int runId, String message, ApiError error) {
        super(runId, message);
        this.error = error;
    }

    /** What the server said. */
    public Optional<ApiError> error() {
        return Optional.ofNullable(error);
    }
}
