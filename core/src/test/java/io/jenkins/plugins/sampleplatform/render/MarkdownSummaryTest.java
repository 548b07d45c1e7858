package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.junit.jupiter.api.Test;

class MarkdownSummaryTest {

    @Test
    void showsTheSameContentAsTheConsole() {
        assertThat(MarkdownSummary.render(Reports.failing())).isEqualTo("""
                ### \u274c Sample Platform run 42: FAILURE

                Status **fail** \u00b7 10 samples \u00b7 duration 1 min 2 s \u00b7 triggered by `ci-bot`

                | Passed | Failed | No output | Skipped | Errors |
                |---:|---:|---:|---:|---:|
                | 7 (70%) | 2 (20%) | 1 (10%) | 0 (0%) | 3 |

                - 1 sample produced no output
                - 2 samples failed (threshold 0)

                [Open run 42 on the Sample Platform](<https://sampleplatform.ccextractor.org/test/42>)
                """);
    }

    @Test
    void aCleanPassAndASparseSummary() {
        assertThat(MarkdownSummary.render(Reports.passing()))
                .startsWith("### \u2705 Sample Platform run 42: SUCCESS\n")
                .contains("\nNo problems found.\n");
        assertThat(MarkdownSummary.render(Reports.sparse()))
                .startsWith(
                        "### \u26a0\ufe0f Sample Platform run 7: UNSTABLE\n\nStatus not reported \u00b7 10 samples \u00b7 duration not reported\n")
                .contains("| Passed | Failed | No output | Skipped | Unaccounted for | Errors |\n")
                .contains("| 5 (50%) | 0 (0%) | not reported | not reported | 5 (50%) | not reported |\n")
                .doesNotContain("[Open run");
    }

    @Test
    void serverTextNeverBecomesMarkupHtmlOrLinks() {
        List<String> reasons = new ArrayList<>();
        for (String hostile : Hostile.STRINGS) {
            reasons.add("quoted: " + hostile);
        }
        for (String hostile : Hostile.STRINGS) {
            String triggeredBy = hostile.length() > 100 ? hostile.substring(0, 100) : hostile;
            String markdown = MarkdownSummary.render(Reports.hostile(triggeredBy, reasons));
            Node doc = MarkdownTrees.parse(markdown);
            String label = markdown;

            assertThat(MarkdownTrees.nodes(doc, HtmlInline.class)).as(label).isEmpty();
            assertThat(MarkdownTrees.nodes(doc, HtmlBlock.class)).as(label).isEmpty();
            assertThat(MarkdownTrees.nodes(doc, Image.class)).as(label).isEmpty();
            assertThat(MarkdownTrees.nodes(doc, Heading.class)).as(label).hasSize(1);
            List<Link> links = MarkdownTrees.nodes(doc, Link.class);
            assertThat(links).as(label).hasSize(1);
            assertThat(links.get(0).getDestination())
                    .isEqualTo(Reports.hostileLink().toASCIIString());

            List<Code> code = MarkdownTrees.nodes(doc, Code.class);
            assertThat(code).as(label).hasSize(1);
            assertThat(code.get(0).getLiteral())
                    .as(label)
                    .isEqualTo(triggeredBy.replaceAll("[\\p{Cntrl}\u2028\u2029]", " "));

            List<BulletList> lists = MarkdownTrees.nodes(doc, BulletList.class);
            assertThat(lists).as(label).hasSize(1);
            List<String> items = new ArrayList<>();
            for (Node item = lists.get(0).getFirstChild(); item != null; item = item.getNext()) {
                assertThat(item).isInstanceOf(ListItem.class);
                items.add(MarkdownTrees.nodes(item, Text.class).stream()
                        .map(Text::getLiteral)
                        .collect(Collectors.joining()));
            }
            assertThat(items)
                    .as(label)
                    .containsExactlyElementsOf(reasons.stream()
                            .map(r -> r.replaceAll("[\\p{Cntrl}\u2028\u2029]", " ")
                                    .strip())
                            .toList());
        }
    }
}
