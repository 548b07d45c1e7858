package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.verdict.BuildResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class TrendChartTest {

    private static final TrendChart.Point FAILING =
            new TrendChart.Point("#1000", "1000/", 7, 2, 1, 0, BuildResult.FAILURE);
    private static final TrendChart.Point PASSING =
            new TrendChart.Point("#1001", "/jenkins/job/ccx/1001/", 10, 0, 0, 0, BuildResult.SUCCESS);

    @Test
    void oneLinkedColumnPerBuildStackedByOutcome() {
        Document doc = XmlFragments.parse(TrendChart.render(List.of(FAILING, PASSING), "sp-trend"));
        Element svg = XmlFragments.elements(doc, "svg").get(0);
        assertThat(svg.getAttribute("class")).isEqualTo("sp-trend");
        assertThat(svg.getAttribute("role")).isEqualTo("group");
        assertThat(XmlFragments.elements(doc, "title").get(0).getTextContent())
                .isEqualTo("Sample Platform trend of the last 2 builds with a summary");
        assertThat(svg.getAttribute("aria-labelledby")).isEqualTo("sp-trend-title");
        assertThat(svg.getAttribute("aria-describedby")).isEqualTo("sp-trend-desc");

        List<Element> links = XmlFragments.elements(doc, "a");
        assertThat(links).extracting(a -> a.getAttribute("href")).containsExactly("1000/", "/jenkins/job/ccx/1001/");
        assertThat(links.get(0).getAttribute("aria-label"))
                .isEqualTo("Build #1000 (FAILURE): 7 passed, 2 failed, 1 without output, 0 skipped");
        List<Element> columns = XmlFragments.withClass(doc, "sp-trend__build");
        assertThat(columns).extracting(c -> c.getAttribute("data-result")).containsExactly("failure", "success");
        assertThat(segments(columns.get(0))).containsExactly("passed=7", "failed=2", "no-output=1");
        assertThat(segments(columns.get(1))).containsExactly("passed=10");
        assertThat(XmlFragments.withClass(doc, "sp-trend__label"))
                .extracting(Element::getTextContent)
                .contains("0", "10", "#1000", "#1001");
    }

    @Test
    void heightsFollowTheCountsOnOneScale() {
        Document doc = XmlFragments.parse(TrendChart.render(List.of(FAILING, PASSING), "sp-trend"));
        List<Element> columns = XmlFragments.withClass(doc, "sp-trend__build");
        double passed7 = height(columns.get(0), "passed");
        double failed2 = height(columns.get(0), "failed");
        double passed10 = height(columns.get(1), "passed");
        assertThat(passed10 / passed7).isCloseTo(10 / 7.0, org.assertj.core.api.Assertions.within(0.02));
        assertThat(passed7 / failed2).isCloseTo(3.5, org.assertj.core.api.Assertions.within(0.05));
    }

    @Test
    void notByColourAloneAndThemeAware() {
        String svg = TrendChart.render(List.of(FAILING, new TrendChart.Point("#3", null, 1, 1, 1, 1, null)), "sp-t");
        Document doc = XmlFragments.parse(svg);
        List<String> patterns = XmlFragments.elements(doc, "pattern").stream()
                .map(p -> p.getAttribute("id"))
                .toList();
        assertThat(patterns).containsExactly("sp-t-failed", "sp-t-no-output", "sp-t-skipped");
        for (Element pattern : XmlFragments.elements(doc, "pattern")) {
            assertThat(XmlFragments.withClass(doc, "sp-ink").stream().anyMatch(ink -> ink.getParentNode() == pattern))
                    .as("pattern %s has its own ink", pattern.getAttribute("id"))
                    .isTrue();
        }
        // Every fill has a class that the style sheet colours from Jenkins' theme variables.
        String css = HtmlPanel.stylesheet();
        for (String cssClass : List.of("sp-fill-passed", "sp-fill-failed", "sp-fill-no-output", "sp-fill-skipped")) {
            assertThat(svg).contains(cssClass);
            assertThat(css).containsPattern("\\." + cssClass + " \\{\\s*fill: var\\(--");
        }
        assertThat(svg)
                .doesNotContain("style=")
                .doesNotContainIgnoringCase("<script")
                .doesNotContain("<style");
    }

    @Test
    void onlyHttpOrRelativeLinks() {
        assertThat(TrendChart.safeLink("12/")).isEqualTo("12/");
        assertThat(TrendChart.safeLink("/jenkins/job/a%20b/12/")).isEqualTo("/jenkins/job/a%20b/12/");
        assertThat(TrendChart.safeLink("https://ci.example/job/x/12/")).isEqualTo("https://ci.example/job/x/12/");
        assertThat(TrendChart.safeLink("HTTP://ci.example/12/")).isEqualTo("HTTP://ci.example/12/");
        for (String bad : List.of(
                "javascript:alert(1)",
                "JavaScript:alert(1)",
                "data:text/html,<script>",
                "//evil.example/12/",
                "vbscript:x",
                "file:///etc/passwd",
                "https:///nohost",
                "\\\\evil\\share",
                "12/ with space",
                " ")) {
            assertThat(TrendChart.safeLink(bad)).as(bad).isNull();
        }
        Document doc = XmlFragments.parse(TrendChart.render(
                List.of(new TrendChart.Point("#5", "javascript:alert(1)", 1, 0, 0, 0, BuildResult.SUCCESS)),
                "sp-trend"));
        assertThat(XmlFragments.elements(doc, "a")).isEmpty();
        Element column = XmlFragments.withClass(doc, "sp-trend__build").get(0);
        assertThat(column.getAttribute("role")).isEqualTo("img");
        assertThat(column.getAttribute("aria-label")).startsWith("Build #5 (SUCCESS)");
    }

    @Test
    void hostileLabelsStayText() {
        for (String hostile : Hostile.STRINGS) {
            String label = "START" + hostile + "END";
            String svg = TrendChart.render(
                    List.of(new TrendChart.Point(label, "1/\"onmouseover=\"x", 1, 0, 0, 0, null)), "sp-trend");
            Document doc = XmlFragments.parse(svg);
            assertThat(XmlFragments.elements(doc, "script")).isEmpty();
            assertThat(XmlFragments.elements(doc, "*")).allSatisfy(e -> {
                for (int i = 0; i < e.getAttributes().getLength(); i++) {
                    assertThat(e.getAttributes().item(i).getNodeName()).doesNotStartWithIgnoringCase("on");
                }
            });
            Matcher between = Pattern.compile("START(.*?)END", Pattern.DOTALL).matcher(svg);
            while (between.find()) {
                assertThat(between.group(1)).doesNotContain("<", ">", "\"");
            }
        }
    }

    @Test
    void boundedAndEmpty() {
        List<TrendChart.Point> many = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            many.add(new TrendChart.Point("#" + i, i + "/", i, 0, 0, 0, BuildResult.SUCCESS));
        }
        Document doc = XmlFragments.parse(TrendChart.render(many, "sp-trend"));
        List<Element> links = XmlFragments.elements(doc, "a");
        assertThat(links).hasSize(TrendChart.MAX_POINTS);
        assertThat(links.get(0).getAttribute("href")).isEqualTo("31/");
        assertThat(links.get(links.size() - 1).getAttribute("href")).isEqualTo("80/");
        List<String> labels = XmlFragments.withClass(doc, "sp-trend__label").stream()
                .map(Element::getTextContent)
                .toList();
        assertThat(labels).contains("#80").doesNotContain("#79");

        assertThat(TrendChart.render(List.of(), "sp-trend")).contains("No builds with a Sample Platform summary yet.");
        assertThatThrownBy(() -> TrendChart.render(List.of(FAILING), "x\"y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrendChart.Point("#1", null, -1, 0, 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> segments(Element column) {
        List<String> out = new ArrayList<>();
        org.w3c.dom.NodeList rects = column.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            Matcher m = Pattern.compile("sp-seg--([a-z-]+)").matcher(rect.getAttribute("class"));
            assertThat(m.find()).isTrue();
            out.add(m.group(1) + "=" + rect.getAttribute("data-count"));
        }
        return out;
    }

    private static double height(Element column, String outcome) {
        org.w3c.dom.NodeList rects = column.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getAttribute("class").contains("sp-seg--" + outcome)) {
                return Double.parseDouble(rect.getAttribute("height"));
            }
        }
        throw new AssertionError("no " + outcome + " segment");
    }
}
