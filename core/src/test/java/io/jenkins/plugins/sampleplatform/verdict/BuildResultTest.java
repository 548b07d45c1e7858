package io.jenkins.plugins.sampleplatform.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildResultTest {

    @Test
    void worstFollowsJenkinsOrder() {
        assertThat(BuildResult.SUCCESS.worst(BuildResult.UNSTABLE)).isEqualTo(BuildResult.UNSTABLE);
        assertThat(BuildResult.FAILURE.worst(BuildResult.UNSTABLE)).isEqualTo(BuildResult.FAILURE);
        assertThat(BuildResult.ABORTED.worst(BuildResult.FAILURE)).isEqualTo(BuildResult.ABORTED);
        assertThat(BuildResult.UNSTABLE.worst(null)).isEqualTo(BuildResult.UNSTABLE);
        assertThat(BuildResult.NOT_BUILT.isWorseThan(BuildResult.FAILURE)).isTrue();
    }

    @Test
    void verdictNeverImprovesABuild() {
        Verdict unstable = new Verdict(BuildResult.UNSTABLE, List.of("1 sample failed (threshold 0)"));
        assertThat(unstable.applyTo(BuildResult.FAILURE)).isEqualTo(BuildResult.FAILURE);
        assertThat(unstable.applyTo(BuildResult.SUCCESS)).isEqualTo(BuildResult.UNSTABLE);
        assertThat(unstable.applyTo(null)).isEqualTo(BuildResult.UNSTABLE);
    }
}
