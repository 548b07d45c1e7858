package io.jenkins.plugins.sampleplatform.failures;

import java.io.Serializable;
import java.util.Objects;

/**
 * An expected output of a failing sample whose file differed from the baseline ({@code outputs[]} entries
 * with {@code status: fail} in the API).
 *
 * @param outputId the expected output's id ({@code regression_test_output.id})
 * @param filename the baseline the run compared against: expected hash plus extension, as the API gives it
 */
public record FailedOutput(int outputId, String filename) implements Serializable {

    private static final long serialVersionUID = 1L;

    public FailedOutput {
        Objects.requireNonNull(filename, "filename");
    }
}
