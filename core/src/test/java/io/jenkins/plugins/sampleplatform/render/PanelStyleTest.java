package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PanelStyleTest {

    @Test
    void theStyleSheetIsAClassPathResourceThatCoversEveryClassThePanelAndTrendUse() {
        assertThat(getClass().getClassLoader().getResource(HtmlPanel.STYLESHEET_RESOURCE))
                .as("the resource the plugin serves")
                .isNotNull();
        String css = HtmlPanel.stylesheet();
        // Inlined in an XML fragment by the command line: no markup characters.
        assertThat(css).doesNotContain("<", "&").doesNotContain("@import").doesNotContain("url(");
        Set<String> styled = new TreeSet<>();
        Matcher selector = Pattern.compile("\\.(sp-[a-z0-9_-]+)").matcher(css);
        while (selector.find()) {
            styled.add(selector.group(1));
        }
        assertThat(styled)
                .contains(
                        "sp-panel",
                        "sp-panel__title",
                        "sp-badge",
                        "sp-badge--failure",
                        "sp-bar",
                        "sp-fill-passed",
                        "sp-ink",
                        "sp-panel__counts",
                        "sp-trend",
                        "sp-trend__link");
        String panel = HtmlPanel.render(Reports.failing());
        for (String used : List.of("sp-panel", "sp-panel__title", "sp-badge", "sp-bar", "sp-panel__counts")) {
            assertThat(panel).contains(used);
        }
    }

    @Test
    void thePanelCarriesNoInlineStyleButTheStandalonePageInlinesTheSheet() {
        String panel = HtmlPanel.render(Reports.failing());
        assertThat(panel).doesNotContain("<style").doesNotContain(" style=");
        String standalone = HtmlPanel.standalone(Reports.failing());
        assertThat(standalone)
                .startsWith("<style>" + HtmlPanel.stylesheet() + "</style>")
                .endsWith(panel);
        XmlFragments.parse(standalone);
    }
}
