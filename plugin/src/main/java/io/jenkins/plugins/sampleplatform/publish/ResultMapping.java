package io.jenkins.plugins.sampleplatform.publish;

import hudson.model.Result;
import io.jenkins.plugins.sampleplatform.verdict.BuildResult;

/** Translates core's {@link BuildResult} into Jenkins' {@link Result}; both share the same names and order. */
public final class ResultMapping {

    private ResultMapping() {}

    public static Result toJenkins(BuildResult result) {
        return switch (result) {
            case SUCCESS -> Result.SUCCESS;
            case UNSTABLE -> Result.UNSTABLE;
            case FAILURE -> Result.FAILURE;
            case NOT_BUILT -> Result.NOT_BUILT;
            case ABORTED -> Result.ABORTED;
        };
    }
}
