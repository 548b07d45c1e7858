package io.jenkins.plugins.sampleplatform.render;

import static io.jenkins.plugins.sampleplatform.fixtures.Summaries.cleanPass;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.verdict.VerdictPolicy;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

class HtmlPanelTest {

    @Test
    void titleVerdictCountsDurationReasonsAndLink() {
        Document doc = XmlFragments.parse(HtmlPanel.render(Reports.failing()));
        Element section = XmlFragments.elements(doc, "section").get(0);
        assertThat(section.getAttribute("class")).isEqualTo("sp-panel");
        assertThat(section.getAttribute("data-result")).isEqualTo("failure");
        assertThat(XmlFragments.elements(doc, "h3").get(0).getTextContent())
                .isEqualTo("Sample Platform run 42 (status fail)");
        assertThat(text(doc, "sp-panel__verdict")).isEqualTo("Verdict: \u2716 FAILURE");
        assertThat(cells(doc))
                .containsExactly(
                        "passed|Passed|7|70%",
                        "failed|Failed|2|20%",
                        "no-output|No output|1|10%",
                        "skipped|Skipped|0|0%",
                        "total|Total|10|",
                        "errors|Errors (items; a sample can have several)|3|");
        assertThat(text(doc, "sp-panel__meta")).isEqualTo("Duration: 1 min 2 s \u00b7 Triggered by: ci-bot");
        assertThat(XmlFragments.elements(doc, "li").stream().map(Element::getTextContent))
                .containsExactly("1 sample produced no output", "2 samples failed (threshold 0)");
        Element link = XmlFragments.elements(doc, "a").get(0);
        assertThat(link.getAttribute("href")).isEqualTo("https://sampleplatform.ccextractor.org/test/42");
        assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat(link.getTextContent()).isEqualTo("Open run 42 on the Sample Platform");
    }

    @Test
    void theBarIsAnAccessibleImageWhoseSegmentsFollowTheCounts() {
        Document doc = XmlFragments.parse(HtmlPanel.render(Reports.failing()));
        Element bar = XmlFragments.withClass(doc, "sp-bar").get(0);
        assertThat(bar.getAttribute("role")).isEqualTo("img");
        assertThat(bar.getAttribute("aria-label"))
                .isEqualTo("10 samples: 7 passed, 2 failed, 1 without output, 0 skipped");
        List<String> segments = XmlFragments.withClass(doc, "sp-seg").stream()
                .map(e -> e.getAttribute("class").replace("sp-seg sp-seg--", "").replace(" sp-fill-passed", "")
                        + "@" + e.getAttribute("x") + "+" + e.getAttribute("width") + "=" + e.getAttribute("fill")
                        + ":" + e.getTextContent())
                .toList();
        assertThat(segments)
                .containsExactly(
                        "passed@0.00%+70.00%=#1ea64b:7 passed (70%)",
                        "failed@70.00%+20.00%=url(#sp-run-42-failed):2 failed (20%)",
                        "no-output@90.00%+10.00%=url(#sp-run-42-no-output):1 without output (10%)");
        // Not by colour alone: every patterned fill is defined, with its own ink.
        for (Element pattern : XmlFragments.elements(doc, "pattern")) {
            assertThat(pattern.getAttribute("id")).startsWith("sp-run-42-");
            assertThat(XmlFragments.withClass(doc, "sp-ink").stream().anyMatch(ink -> ink.getParentNode() == pattern))
                    .isTrue();
        }
    }

    @Test
    void unreportedCountsAndNoLink() {
        String html = HtmlPanel.render(Reports.sparse());
        Document doc = XmlFragments.parse(html);
        assertThat(XmlFragments.elements(doc, "h3").get(0).getTextContent())
                .isEqualTo("Sample Platform run 7 (status not reported)");
        assertThat(cells(doc))
                .contains(
                        "no-output|No output|not reported|",
                        "skipped|Skipped|not reported|",
                        "unaccounted|Unaccounted for|5|50%",
                        "errors|Errors (items; a sample can have several)|not reported|");
        assertThat(text(doc, "sp-panel__meta")).isEqualTo("Duration: not reported");
        assertThat(XmlFragments.elements(doc, "a")).isEmpty();
    }

    @Test
    void aCleanPassSaysSoAndAnEmptyRunDrawsAnEmptyBar() {
        Document pass = XmlFragments.parse(HtmlPanel.render(Reports.passing()));
        assertThat(text(pass, "sp-panel__reasons-none")).isEqualTo("No problems found.");
        assertThat(XmlFragments.elements(pass, "ul")).isEmpty();

        RunSummary empty =
                cleanPass().status(RunStatus.ERROR).counts(0, 0, 0, 0, 0).build();
        Document doc = XmlFragments.parse(HtmlPanel.render(
                new SummaryReport(empty, VerdictPolicy.defaults().evaluate(empty), null)));
        assertThat(XmlFragments.withClass(doc, "sp-seg")).isEmpty();
        assertThat(XmlFragments.withClass(doc, "sp-bar").get(0).getAttribute("aria-label"))
                .isEqualTo("0 samples: 0 passed, 0 failed, 0 without output, 0 skipped");
    }

    @Test
    void loadsNothingAndRunsNothing() {
        String html = HtmlPanel.render(Reports.failing());
        assertThat(html)
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("@import")
                .doesNotContainIgnoringCase("src=")
                .doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("@font-face");
        assertThat(html.replace("url(#sp-run-42-", "")).doesNotContain("url(");
        Matcher urls = Pattern.compile("https?://[^\"<) ]+").matcher(html);
        List<String> found = new ArrayList<>();
        while (urls.find()) {
            found.add(urls.group());
        }
        assertThat(found)
                .allMatch(u -> u.equals("http://www.w3.org/2000/svg") || u.equals(Reports.RUN_PAGE.toString()));
        assertThat(allAttributes(XmlFragments.parse(html)))
                .noneMatch(a -> a.getName().toLowerCase().startsWith("on"));
    }

    @Test
    void aHostileServerCannotInjectMarkup() {
        List<String> reasons = new ArrayList<>();
        for (String hostile : Hostile.STRINGS) {
            reasons.add("START" + hostile + "END");
        }
        for (String hostile : Hostile.STRINGS) {
            String triggeredBy = "START" + hostile + "END";
            triggeredBy = triggeredBy.length() > 100 ? triggeredBy.substring(0, 97) + "END" : triggeredBy;
            String html = HtmlPanel.render(Reports.hostile(triggeredBy, reasons));
            assertSafe(html, List.of(triggeredBy), reasons);
        }
    }

    @RepeatedTest(5)
    void anyServerStringStaysText() {
        long seed = new SecureRandom().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 100; i++) {
            String triggeredBy = "START" + Hostile.random(random, 90) + "END";
            List<String> reasons = List.of(
                    "START" + Hostile.random(random, 200) + "END", "START" + Hostile.random(random, 20) + "END");
            String html = HtmlPanel.render(Reports.hostile(triggeredBy, reasons));
            try {
                assertSafe(html, List.of(triggeredBy), reasons);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Between each START/END marker no raw markup character may appear (only our entities), the
     * fragment is well-formed, holds no element or attribute that could run code, and gives back
     * every server string as text.
     */
    private static void assertSafe(String html, List<String> triggeredBy, List<String> reasons) {
        Matcher marked = Pattern.compile("START(.*?)END", Pattern.DOTALL).matcher(html);
        int regions = 0;
        while (marked.find()) {
            regions++;
            String region = marked.group(1);
            assertThat(region).as(html).doesNotContain("<", ">", "\"", "'");
            assertThat(region.replaceAll("&(amp|lt|gt|quot|#39);", "")).as(html).doesNotContain("&");
        }
        assertThat(regions).as(html).isEqualTo(triggeredBy.size() + reasons.size());

        Document doc = XmlFragments.parse(html);
        for (String tag : List.of(
                "script", "img", "iframe", "object", "embed", "link", "meta", "form", "input", "foreignObject")) {
            assertThat(XmlFragments.elements(doc, tag)).as(tag + " in " + html).isEmpty();
        }
        assertThat(XmlFragments.elements(doc, "style"))
                .as("no inline style sheet")
                .isEmpty();
        assertThat(XmlFragments.elements(doc, "a")).hasSize(1);
        assertThat(allAttributes(doc)).noneMatch(a -> a.getName().toLowerCase().startsWith("on"));
        assertThat(XmlFragments.elements(doc, "a").get(0).getAttribute("href"))
                .isEqualTo(Reports.hostileLink().toASCIIString());

        assertThat(XmlFragments.withClass(doc, "sp-panel__who").get(0).getTextContent())
                .isEqualTo(xmlText(triggeredBy.get(0)));
        assertThat(XmlFragments.elements(doc, "li").stream()
                        .map(Element::getTextContent)
                        .toList())
                .isEqualTo(reasons.stream().map(HtmlPanelTest::xmlText).toList());
    }

    /** The text a reader gets back: XML-forbidden characters as U+FFFD, line ends normalized. */
    private static String xmlText(String s) {
        return XmlFragments.parse("<x>" + HtmlEscape.escape(s) + "</x>")
                .getDocumentElement()
                .getTextContent();
    }

    private static List<Attr> allAttributes(Document doc) {
        List<Attr> all = new ArrayList<>();
        for (Element e : XmlFragments.elements(doc, "*")) {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                all.add((Attr) attributes.item(i));
            }
        }
        return all;
    }

    private static String text(Document doc, String cssClass) {
        return XmlFragments.withClass(doc, cssClass).get(0).getTextContent();
    }

    /** Each counts row as "outcome|label|samples|share". */
    private static List<String> cells(Document doc) {
        List<String> rows = new ArrayList<>();
        for (Element row : XmlFragments.elements(doc, "tr")) {
            if (row.hasAttribute("data-outcome")) {
                List<String> cells = new ArrayList<>();
                cells.add(row.getAttribute("data-outcome"));
                for (Element cell : XmlFragments.elements(doc, "*")) {
                    if (cell.getParentNode() == row) {
                        cells.add(cell.getTextContent());
                    }
                }
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }
}
