package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.RunState;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.results.SampleResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonNotesTest {

    private static SampleResult sample(int regressionTestId) {
        return new SampleResult(regressionTestId, null, null, SampleStatus.FAIL, 1, 0, null, List.of(), List.of());
    }

    @Test
    void eachFailingSampleIsNamedByItsVerdictAgainstTheFirstReferenceRun() {
        JUnitXml.SampleNote note = ComparisonNotes.of(Comparisons.everyVerdict("two.ts"));

        assertThat(note.about(sample(2))).isEqualTo("broken here (passes on master, run 40)");
        assertThat(note.about(sample(4))).isEqualTo("failing identically on master (run 40)");
        assertThat(note.about(sample(5))).isEqualTo("failing differently on master (run 40)");
        assertThat(note.about(sample(6))).isEqualTo("no result on master (run 40)");
        // Passing here (unchanged, fixed) needs no word, nor does a test the run does not have.
        assertThat(note.about(sample(1))).isNull();
        assertThat(note.about(sample(3))).isNull();
        assertThat(note.about(sample(77))).isNull();
    }

    @Test
    void withoutAComparisonOrAReferenceRunThereIsNoNote() {
        assertThat(ComparisonNotes.of(null)).isSameAs(JUnitXml.SampleNote.NONE);
        ComparisonReport noRun = Comparisons.everyVerdict("two.ts");
        RunState here = noRun.current();
        ComparisonReport nothingFound = new ComparisonReport(
                here,
                List.of(io.jenkins.plugins.sampleplatform.compare.Comparison.of(new Reference.Run(99), here, null)),
                List.of(),
                null);
        assertThat(ComparisonNotes.of(nothingFound)).isSameAs(JUnitXml.SampleNote.NONE);
    }
}
