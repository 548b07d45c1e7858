package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.failures.FailureList;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class FailureRenderingTest {

    @Test
    void theLogListsEachFailureWithItsPageThenHowManyMore() {
        String text = ConsoleFailures.render(Failures.someOfTwelve(), 42, 10);

        assertThat(text)
                .isEqualTo("  Failing samples: 12 failing samples (2 without output, 10 failed)\n"
                        + "    - No output: regression test 3, sample 1003 \"clip.ts\"; exit code 1, expected 0;"
                        + " categories: DVB, Teletext\n"
                        + "      https://sampleplatform.ccextractor.org/regression/test/3/view\n"
                        + "    - Failed: regression test 9, sample 1009 \"b.mpg\"; exit code 0 as expected;"
                        + " differing outputs: 5d4c.srt, 77aa.txt; categories: Broken\n"
                        + "      https://sampleplatform.ccextractor.org/regression/test/9/view\n"
                        + "    ... and 10 more on the platform: https://sampleplatform.ccextractor.org/test/42\n");
    }

    @Test
    void theLogStopsAtItsLimitAndSaysNothingWithoutFailures() {
        String text = ConsoleFailures.render(Failures.many(25, 5), 42, ConsoleFailures.LOG_DEFAULT);

        assertThat(text.lines().filter(l -> l.startsWith("    - "))).hasSize(10);
        assertThat(text).contains("    ... and 15 more on the platform");
        assertThat(ConsoleFailures.render(FailureReport.listed(FailureList.NONE, Failures.SITE), 42, 10))
                .isEmpty();
        assertThat(ConsoleFailures.render(null, 42, 10)).isEmpty();
        assertThat(ConsoleFailures.render(Failures.many(3, 1), 42, 0))
                .isEqualTo("  Failing samples: 3 failing samples (1 without output, 2 failed)\n"
                        + "    ... and 3 more on the platform: https://sampleplatform.ccextractor.org/test/42\n");
        assertThat(ConsoleFailures.render(FailureReport.unavailable("HTTP 403\nforged", null), 42, 10))
                .isEqualTo("  Failing samples: not listed: HTTP 403?forged\n");
    }

    @Test
    void withoutASiteThereAreNoLinks() {
        FailureReport report = FailureReport.listed(Failures.someOfTwelve().list(), null);

        assertThat(ConsoleFailures.render(report, 42, 10))
                .doesNotContain("http")
                .contains("... and 10 more\n");
        assertThat(HtmlPanel.render(Reports.failing(), report)).doesNotContain("/regression/");
        assertThat(MarkdownFailures.render(report, 42, 10)).doesNotContain("](");
    }

    @Test
    void hostileTextStaysOnOneLogLine() {
        for (String hostile : Hostile.STRINGS) {
            String text = ConsoleFailures.render(Failures.hostile(hostile), 42, 10);
            assertThat(text.lines()).as("lines for %s", hostile).hasSize(3);
            assertThat(text).doesNotContain("\u001b").doesNotContain("\u202E");
        }
    }

    @Test
    void thePanelShowsATableOfFiftyMissingOutputFirstWithLinksAndHowManyMore() {
        String html = HtmlPanel.render(Reports.failing(), Failures.many(60, 4));
        Document dom = XmlFragments.parse(html);

        List<Element> rows = XmlFragments.withClass(dom, "sp-failure");
        assertThat(rows).hasSize(50);
        assertThat(rows.subList(0, 4))
                .allMatch(r -> r.getAttribute("data-sample-status").equals("missing_output"));
        assertThat(rows.subList(4, 50))
                .allMatch(r -> r.getAttribute("data-sample-status").equals("fail"));
        assertThat(rows.get(0).getTextContent())
                .contains("No output")
                .contains("#1")
                .contains("sample-1.ts");
        assertThat(rows.get(4).getTextContent()).contains("Failed").contains("2 (expected 0)");
        List<String> hrefs = XmlFragments.elements(dom, "a").stream()
                .map(a -> a.getAttribute("href"))
                .toList();
        assertThat(hrefs)
                .contains(
                        "https://sampleplatform.ccextractor.org/regression/test/1/view",
                        "https://sampleplatform.ccextractor.org/test/diff/42/5/50/0",
                        "https://sampleplatform.ccextractor.org/test/42");
        assertThat(XmlFragments.withClass(dom, "sp-failures__more").get(0).getTextContent())
                .isEqualTo("and 10 more on the platform");
        assertThat(XmlFragments.withClass(dom, "sp-failures__title").get(0).getTextContent())
                .isEqualTo("Failing samples (60 failing samples (4 without output, 56 failed), 50 shown)");
        assertThat(html.indexOf("sp-panel__reasons")).isLessThan(html.indexOf("sp-failures"));
        assertThat(html.indexOf("sp-failures")).isLessThan(html.indexOf("sp-panel__link"));
    }

    @Test
    void thePanelWithoutFailuresIsThePanelAsBefore() {
        assertThat(HtmlPanel.render(Reports.failing(), null)).isEqualTo(HtmlPanel.render(Reports.failing()));
        assertThat(HtmlPanel.render(Reports.failing(), FailureReport.listed(FailureList.NONE, Failures.SITE)))
                .isEqualTo(HtmlPanel.render(Reports.failing()));
        String unavailable =
                HtmlPanel.render(Reports.failing(), FailureReport.unavailable("<b>HTTP 403</b>", Failures.SITE));
        assertThat(XmlFragments.withClass(XmlFragments.parse(unavailable), "sp-failures__unavailable")
                        .get(0)
                        .getTextContent())
                .isEqualTo("Not listed: <b>HTTP 403</b>");
    }

    @Test
    void hostileTextInThePanelIsOnlyText() {
        for (String hostile : Hostile.STRINGS) {
            String html = HtmlPanel.render(Reports.failing(), Failures.hostile(hostile));
            Document dom = XmlFragments.parse(html);
            assertThat(XmlFragments.elements(dom, "script")).isEmpty();
            assertThat(XmlFragments.elements(dom, "img")).isEmpty();
            assertThat(XmlFragments.elements(dom, "*"))
                    .allSatisfy(e -> assertThat(e.getAttributes().getLength() == 0
                                    || e.getAttribute("onerror").isEmpty()
                                            && e.getAttribute("onload").isEmpty())
                            .isTrue());
            assertThat(XmlFragments.elements(dom, "a"))
                    .allMatch(a -> a.getAttribute("href").startsWith("https://sampleplatform.ccextractor.org/"));
            assertThat(XmlFragments.elements(dom, "style")).isEmpty();
        }
    }

    @Test
    void markdownIsATableWithLinksOnlyToThePlatform() {
        String markdown = MarkdownFailures.render(Failures.someOfTwelve(), 42, 50);

        assertThat(markdown)
                .contains("| Status | Regression test | Sample | Exit code | Categories | Differing outputs |")
                .contains("| No output | [\\#3](<https://sampleplatform.ccextractor.org/regression/test/3/view>)"
                        + " | clip.ts (sample 1003) | exit code 1, expected 0 | DVB, Teletext |  |")
                .contains("[5d4c.srt](<https://sampleplatform.ccextractor.org/test/diff/42/9/32/0>)")
                .endsWith("\nand 10 more [on the platform](<https://sampleplatform.ccextractor.org/test/42>)\n");
        for (String hostile : Hostile.STRINGS) {
            Node tree = MarkdownTrees.parse(MarkdownFailures.render(Failures.hostile(hostile), 42, 50));
            assertThat(MarkdownTrees.nodes(tree, HtmlInline.class))
                    .as("inline HTML for %s", hostile)
                    .isEmpty();
            assertThat(MarkdownTrees.nodes(tree, HtmlBlock.class)).isEmpty();
            assertThat(MarkdownTrees.nodes(tree, Image.class)).isEmpty();
            assertThat(MarkdownTrees.nodes(tree, Link.class))
                    .allMatch(l -> l.getDestination().startsWith("https://sampleplatform.ccextractor.org/"));
        }
    }

    @Test
    void fieldsArePlainMapsWithTheApiNamesAndLinks() {
        Map<String, Object> map = new LinkedHashMap<>();
        FailureFields.addTo(map, Failures.someOfTwelve(), 42, 100);

        assertThat(map).containsEntry("failures_total", 12).doesNotContainKey("failures_error");
        assertThat(map.get("failures")).isInstanceOf(java.util.ArrayList.class);
        List<?> entries = (List<?>) map.get("failures");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1))
                .isInstanceOf(LinkedHashMap.class)
                .hasToString("{regression_test_id=9, sample_id=1009, sample_name=b.mpg, status=fail, exit_code=0,"
                        + " expected_rc=0, categories=[Broken], outputs=[{output_id=32, filename=5d4c.srt,"
                        + " diff_url=https://sampleplatform.ccextractor.org/test/diff/42/9/32/0}, {output_id=33,"
                        + " filename=77aa.txt, diff_url=https://sampleplatform.ccextractor.org/test/diff/42/9/33/0}],"
                        + " regression_test_url=https://sampleplatform.ccextractor.org/regression/test/9/view,"
                        + " run_url=https://sampleplatform.ccextractor.org/test/42}");

        Map<String, Object> limited = new LinkedHashMap<>();
        FailureFields.addTo(limited, Failures.many(150, 0), 42, FailureFields.PIPELINE_LIMIT);
        assertThat((List<?>) limited.get("failures")).hasSize(100);
        assertThat(limited).containsEntry("failures_total", 150);

        Map<String, Object> none = new LinkedHashMap<>();
        FailureFields.addTo(none, null, 42, 100);
        assertThat(none).isEmpty();
        FailureFields.addTo(none, FailureReport.unavailable("no DB mode yet", null), 42, 100);
        assertThat(none)
                .containsEntry("failures", null)
                .containsEntry("failures_total", null)
                .containsEntry("failures_error", "no DB mode yet");
    }

    @Test
    void aReportHasAListOrAReasonAndOnlyAnHttpSite() {
        assertThatThrownBy(() -> new FailureReport(null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FailureReport.listed(FailureList.NONE, URI.create("javascript:alert(1)")))
                .hasMessageContaining("http(s)");
        assertThat(FailureReport.listed(FailureList.NONE, URI.create("http://127.0.0.1:8080/"))
                        .regressionTestPage(4))
                .hasToString("http://127.0.0.1:8080/regression/test/4/view");
        assertThat(FailureWording.clip("x".repeat(500))).hasSize(FailureWording.TEXT_LIMIT + 1);
    }
}
