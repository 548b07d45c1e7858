package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void keepsServerTextOnOneLineWithoutEscapeSequences() {
        assertThat(PlainText.oneLine("a\nVerdict: SUCCESS\r\n")).isEqualTo("a?Verdict: SUCCESS??");
        assertThat(PlainText.oneLine("\u001b[31mred\u001b[0m")).isEqualTo("?[31mred?[0m");
        assertThat(PlainText.oneLine("\u202Eevil\u202C\u2028\u2029\u0085")).isEqualTo("?evil????");
        assertThat(PlainText.oneLine("lone \uD800 half")).isEqualTo("lone ? half");
    }

    @Test
    void keepsOrdinaryText() {
        assertThat(PlainText.oneLine("Jürgen <ci-bot> \uD83D\uDE00")).isEqualTo("Jürgen <ci-bot> \uD83D\uDE00");
        assertThat(PlainText.oneLine(null)).isEmpty();
    }
}
