package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlEscapeTest {

    @Test
    void escapesTheFiveMarkupCharacters() {
        assertThat(HtmlEscape.escape("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void escapesEntitiesAgainSoTheyShowAsWritten() {
        assertThat(HtmlEscape.escape("&lt;b&gt;")).isEqualTo("&amp;lt;b&amp;gt;");
    }

    @Test
    void keepsOrdinaryTextAndValidPairs() {
        assertThat(HtmlEscape.escape("Jürgen \uD83D\uDE00 tab\tnew\nline"))
                .isEqualTo("Jürgen \uD83D\uDE00 tab\tnew\nline");
        assertThat(HtmlEscape.escape(null)).isEmpty();
    }

    @Test
    void replacesCharactersXmlForbids() {
        assertThat(HtmlEscape.escape("a\u0000b\u001bc\uFFFEd\uD800e\uDC00"))
                .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFD");
    }

    @RepeatedTest(5)
    void anyStringStaysTextInContentAndAttributes() {
        long seed = new SecureRandom().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            String input = Hostile.random(random, 60);
            String escaped = HtmlEscape.escape(input);
            assertThat(escaped).as("seed %d, input %s", seed, input).doesNotContain("<", ">", "\"", "'");
            assertThat(escaped.replaceAll("&(amp|lt|gt|quot|#39);", ""))
                    .as("seed %d", seed)
                    .doesNotContain("&");

            Document doc = XmlFragments.parse("<p title=\"" + escaped + "\">" + escaped + "</p>");
            Element p = XmlFragments.elements(doc, "p").get(0);
            String expected = xmlSafe(input);
            assertThat(p.getTextContent()).as("seed %d", seed).isEqualTo(expected);
            // Attribute values are normalized by XML (tab, CR, LF become spaces), which is fine for us.
            assertThat(p.getAttribute("title")).as("seed %d", seed).isEqualTo(expected.replaceAll("[\t\r\n]", " "));
        }
    }

    /** What the escaper promises to keep: the input with XML-forbidden characters as U+FFFD. */
    private static String xmlSafe(String input) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < input.length()
                    && Character.isLowSurrogate(input.charAt(i + 1))) {
                out.append(c).append(input.charAt(++i));
            } else if (c == '\t'
                    || c == '\n'
                    || c == '\r'
                    || (c >= 0x20 && c < 0xD800)
                    || (c >= 0xE000 && c <= 0xFFFD)) {
                out.append(c);
            } else {
                out.append('\uFFFD');
            }
        }
        // XML parsers normalize CR and CRLF in content to LF.
        return out.toString().replace("\r\n", "\n").replace('\r', '\n');
    }
}
