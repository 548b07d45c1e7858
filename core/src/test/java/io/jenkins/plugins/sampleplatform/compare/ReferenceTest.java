package io.jenkins.plugins.sampleplatform.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceTest {

    private static final String SHA = "0123456789abcdef0123456789ABCDEF01234567";

    @Test
    void readsTheFourForms() {
        assertThat(Reference.parse(" master ")).isEqualTo(new Reference.Master());
        assertThat(Reference.parse("MASTER").text()).isEqualTo("master");
        assertThat(Reference.parse("commit:" + SHA)).isEqualTo(new Reference.Commit(SHA.toLowerCase()));
        assertThat(Reference.parse("commit:" + SHA).text()).isEqualTo("commit:" + SHA.toLowerCase());
        assertThat(Reference.parse("commit:" + SHA).label()).isEqualTo("commit 0123456");
        assertThat(Reference.parse("run:42")).isEqualTo(new Reference.Run(42));
        assertThat(Reference.parse("Run: 42").text()).isEqualTo("run:42");
        assertThat(Reference.parse("previousBuild")).isEqualTo(new Reference.PreviousBuild());
    }

    @Test
    void refusesWhatItDoesNotUnderstandAndSaysWhy() {
        assertThatThrownBy(() -> Reference.parse(""))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessage("The reference is empty: give master, commit:SHA (40 hexadecimal digits), run:ID or"
                        + " previousBuild.");
        assertThatThrownBy(() -> Reference.parse("main"))
                .hasMessage("Reference 'main' is not understood: give master, commit:SHA (40 hexadecimal digits),"
                        + " run:ID or previousBuild.");
        assertThatThrownBy(() -> Reference.parse("commit:abc123"))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageStartingWith("Reference 'commit:abc123': The commit 'abc123' is not a full commit id");
        assertThatThrownBy(() -> Reference.parse("run:0"))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageStartingWith("Reference 'run:0': Run id 0 is out of range");
        assertThatThrownBy(() -> Reference.parse("run:x")).hasMessageContaining("is not a whole number");
        assertThatThrownBy(() -> Reference.parse("commit:")).hasMessageContaining("The commit is empty");
        assertThatThrownBy(() -> Reference.parse("x".repeat(500)))
                .hasMessageContaining("…' is not understood")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
    }

    @Test
    void readsAListFromOneString() {
        assertThat(Reference.parseList("master, run:3;commit:" + SHA + "\nrun:4"))
                .containsExactly(
                        new Reference.Master(), new Reference.Run(3), new Reference.Commit(SHA), new Reference.Run(4));
        assertThat(Reference.parseList("  ")).isEmpty();
        assertThat(Reference.parseList(null)).isEmpty();
        assertThat(List.of(Reference.parseList("master,master"))).hasSize(1);
        assertThatThrownBy(() -> Reference.parseList("master, tip")).hasMessageContaining("'tip'");
    }
}
