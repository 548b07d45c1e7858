package io.jenkins.plugins.sampleplatform.compare;

import io.jenkins.plugins.sampleplatform.runs.RunInfo;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Hand-made and random states for the comparison's tests. */
final class States {

    private States() {}

    static RunInfo run(int runId) {
        return new RunInfo(runId, RunStatus.FAIL, "linux", "commit", "CCExtractor/ccextractor", sha(runId));
    }

    static String sha(int runId) {
        return String.format("%040x", runId);
    }

    static TestState passed(int id) {
        return TestState.of(id, true, Signature.empty());
    }

    static TestState failed(int id, ProducedOutput... produced) {
        return TestState.of(id, false, Signature.of(List.of(produced)));
    }

    static TestState failedUnknown(int id) {
        return TestState.of(id, false, Signature.unknown());
    }

    static ProducedOutput out(int outputId, String got) {
        return new ProducedOutput(outputId, got);
    }

    static RunState state(int runId, TestState... tests) {
        return RunState.of(run(runId), List.of(tests));
    }

    /**
     * A random run over test ids 1..maxTest: some tests absent, passed or failed, signatures drawn from a
     * small alphabet so that equal signatures happen often; {@code unknownChance} in 0..1 makes failing
     * signatures unknown.
     */
    static RunState random(Random random, int runId, int maxTest, double unknownChance) {
        List<TestState> tests = new ArrayList<>();
        for (int id = 1; id <= maxTest; id++) {
            if (random.nextInt(6) == 0) {
                continue;
            }
            boolean passed = random.nextBoolean();
            Signature signature;
            if (!passed && random.nextDouble() < unknownChance) {
                signature = Signature.unknown();
            } else {
                List<ProducedOutput> produced = new ArrayList<>();
                int n = random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    produced.add(
                            random.nextInt(5) == 0
                                    ? ProducedOutput.dummy()
                                    : out(1 + random.nextInt(3), "h" + random.nextInt(3)));
                }
                signature = Signature.of(produced);
            }
            tests.add(TestState.of(id, passed, signature));
        }
        return RunState.of(run(runId), tests);
    }
}
