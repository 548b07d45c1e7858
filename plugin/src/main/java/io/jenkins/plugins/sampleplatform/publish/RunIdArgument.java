package io.jenkins.plugins.sampleplatform.publish;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;

/**
 * Lets a Pipeline pass the run id as a number. The {@code runId} parameter is text, so that
 * {@code "${env.RUN_ID}"} and freestyle's {@code ${SAMPLE_PLATFORM_RUN_ID}} fit in it; but the structs
 * plugin does not turn an {@code Integer} into a {@code String} on its own, so
 * {@code sampleplatformSummary(runId: 42)} would fail with a ClassCastException without this.
 * The text is validated later, like any other run id.
 */
public final class RunIdArgument {

    static final String NAME = "runId";

    private RunIdArgument() {}

    /** The arguments with a numeric run id (named, or the sole unnamed argument) written as text. */
    public static Map<String, Object> numberAsText(Map<String, Object> arguments) {
        Map<String, Object> result = new LinkedHashMap<>(arguments);
        for (String key : new String[] {NAME, UninstantiatedDescribable.ANONYMOUS_KEY}) {
            if (result.get(key) instanceof Number number) {
                result.put(key, number.toString());
            }
        }
        return result;
    }
}
