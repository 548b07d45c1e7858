package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class MarkdownEscapeTest {

    @Test
    void escapesInlineMarkupAndLeavesOrdinaryPunctuationReadable() {
        assertThat(MarkdownEscape.text("2 samples failed (threshold 0), see: a.b"))
                .isEqualTo("2 samples failed (threshold 0), see: a.b");
        assertThat(MarkdownEscape.text("*a* _b_ `c` [d](e) <f> &g; |h| ~i~ \\"))
                .isEqualTo("\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\&g; \\|h\\| \\~i\\~ \\\\");
    }

    @Test
    void escapesWhatWouldOpenABlock() {
        assertThat(MarkdownEscape.text("# title")).isEqualTo("\\# title");
        assertThat(MarkdownEscape.text("- item")).isEqualTo("\\- item");
        assertThat(MarkdownEscape.text("> quote")).isEqualTo("\\> quote");
        assertThat(MarkdownEscape.text("12. item")).isEqualTo("12\\. item");
        assertThat(MarkdownEscape.text("3) item")).isEqualTo("3\\) item");
        assertThat(MarkdownEscape.text("   # indented")).isEqualTo("\\# indented");
        assertThat(MarkdownEscape.text("line\n# two")).isEqualTo("line # two");
    }

    @Test
    void codeSpansGrowTheirFenceAroundBackticks() {
        assertThat(MarkdownEscape.code("ci-bot")).isEqualTo("`ci-bot`");
        assertThat(MarkdownEscape.code("a`b``c")).isEqualTo("```a`b``c```");
        assertThat(MarkdownEscape.code("`x`")).isEqualTo("`` `x` ``");
        assertThat(MarkdownEscape.code(null)).isEqualTo("` `");
    }

    @RepeatedTest(5)
    void escapedTextParsesBackToItselfAsPlainText() {
        long seed = new SecureRandom().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            String input = i < Hostile.STRINGS.size() ? Hostile.STRINGS.get(i) : Hostile.random(random, 80);
            Node doc = MarkdownTrees.parse("- " + MarkdownEscape.text(input) + "\n");
            String label = "seed " + seed + ", input " + visible(input);
            String expected = oneLine(input).strip();
            if (expected.isEmpty()) {
                continue;
            }
            assertThat(doc.getFirstChild()).as(label).isInstanceOf(BulletList.class);
            assertThat(doc.getFirstChild().getNext()).as(label).isNull();
            Node item = doc.getFirstChild().getFirstChild();
            assertThat(item).as(label).isInstanceOf(ListItem.class);
            assertThat(item.getNext()).as(label).isNull();
            Node paragraph = item.getFirstChild();
            assertThat(paragraph).as(label).isInstanceOf(Paragraph.class);
            List<Node> inline = children(paragraph);
            assertThat(inline).as(label).allMatch(Text.class::isInstance);
            assertThat(inline.stream().map(n -> ((Text) n).getLiteral()).collect(Collectors.joining()))
                    .as(label)
                    .isEqualTo(expected);
        }
    }

    @RepeatedTest(5)
    void codeSpansParseBackToTheirText() {
        long seed = new SecureRandom().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            String input = i < Hostile.STRINGS.size() ? Hostile.STRINGS.get(i) : Hostile.random(random, 80);
            String line = oneLine(input);
            if (line.isEmpty()) {
                continue;
            }
            Node doc = MarkdownTrees.parse("by " + MarkdownEscape.code(input) + " end\n");
            String label = "seed " + seed + ", input " + visible(input);
            assertThat(doc).isInstanceOf(Document.class);
            List<Node> inline = children(doc.getFirstChild());
            assertThat(inline).as(label).hasSize(3);
            assertThat(inline.get(1)).as(label).isInstanceOf(Code.class);
            assertThat(((Code) inline.get(1)).getLiteral()).as(label).isEqualTo(line);
        }
    }

    private static List<Node> children(Node parent) {
        List<Node> list = new java.util.ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            list.add(child);
        }
        return list;
    }

    private static String visible(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints()
                .forEach(cp -> out.append(
                        cp < 0x20 || cp == 0x7f || cp > 0x7e
                                ? String.format("\\u%04x", cp)
                                : String.valueOf((char) cp)));
        return out.toString();
    }

    /** Controls and line breaks become spaces, as the escaper promises. */
    private static String oneLine(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints()
                .forEach(cp -> out.appendCodePoint(
                        Character.isISOControl(cp)
                                        || Character.getType(cp) == Character.LINE_SEPARATOR
                                        || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR
                                ? ' '
                                : cp));
        return out.toString();
    }
}
