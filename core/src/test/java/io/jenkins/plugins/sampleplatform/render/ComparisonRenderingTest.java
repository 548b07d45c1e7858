package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.compare.ComparisonReport;
import io.jenkins.plugins.sampleplatform.compare.Reference;
import io.jenkins.plugins.sampleplatform.compare.RunState;
import io.jenkins.plugins.sampleplatform.compare.Signature;
import io.jenkins.plugins.sampleplatform.compare.TestState;
import io.jenkins.plugins.sampleplatform.fixtures.Summaries;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.verdict.VerdictPolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.commonmark.node.Link;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The comparison renderers: log lines, panel sections, Markdown comment and JSON fields. */
class ComparisonRenderingTest {

    private static final PlatformLinks SITE = new PlatformLinks(URI.create("https://sampleplatform.ccextractor.org/"));

    private static ComparisonView view(ComparisonReport report) {
        return new ComparisonView(report, SITE);
    }

    @Test
    void theLogGivesCountsPerReferenceAndTheBrokenAndChangedTests() {
        String log = ConsoleComparisons.render(view(Comparisons.everyVerdict("two.ts")));
        assertThat(log.lines())
                .containsExactly(
                        "Compared with the tip of master: run 40, commit aaaaaaa",
                        "  1 broken here, 1 fixed here, 1 failing differently, 1 failing identically, 1 unchanged pass,"
                                + " 1 no reference",
                        "  - Broken here: #2 two.ts [general]",
                        "  - Failing differently: #5 five.ts [general]",
                        "Compared with commit aaaaaaa: the same run as the tip of master (run 40), so the comparison"
                                + " above already covers it.",
                        "Compared with run 99: no reference found: run 99 does not exist, so nothing can be said about"
                                + " this reference. This is not the same as agreement.",
                        "This change moves the behaviour of 2 test(s) relative to the tip of master. Those are the ones"
                                + " worth looking at; anything else fails the same way on both sides.");
        assertThat(ConsoleComparisons.render(null)).isEmpty();
    }

    @Test
    void theLogShowsTheFirstTenAndCountsTheRest() {
        String log = ConsoleComparisons.render(view(Comparisons.manyBroken(25)));
        assertThat(log.lines().filter(l -> l.startsWith("  - Broken here: #"))).hasSize(10);
        assertThat(log).contains("  - Broken here: and 15 more");
    }

    @Test
    void hostileNamesStayOnTheirLineAndEscaped() {
        for (String hostile : Hostile.STRINGS) {
            ComparisonView view = view(Comparisons.everyVerdict(hostile));
            String log = ConsoleComparisons.render(view);
            assertThat(log.lines().filter(l -> l.startsWith("  - Broken here:")))
                    .hasSize(1);
            assertThat(log).doesNotContain("\u001b").doesNotContain("\u202e");
            Document html = XmlFragments.parse(renderPanel(view));
            assertThat(XmlFragments.elements(html, "script")).isEmpty();
            assertThat(XmlFragments.elements(html, "img")).isEmpty();
            String markdown = MarkdownComparisons.render(view);
            assertThat(MarkdownTrees.nodes(MarkdownTrees.parse(markdown), Link.class))
                    .allSatisfy(link -> assertThat(link.getDestination()).startsWith("https://sampleplatform"));
        }
    }

    private static String renderPanel(ComparisonView view) {
        SummaryReport report = new SummaryReport(
                Summaries.cleanPass()
                        .status(RunStatus.FAIL)
                        .counts(6, 2, 4, 0, 0)
                        .build(),
                VerdictPolicy.defaults()
                        .evaluate(Summaries.cleanPass()
                                .status(RunStatus.FAIL)
                                .counts(6, 2, 4, 0, 0)
                                .build()),
                null);
        return HtmlPanel.render(report, null, view);
    }

    @Test
    void thePanelHasASectionPerReferenceBrokenFirstWithLinks() {
        Document html = XmlFragments.parse(renderPanel(view(Comparisons.everyVerdict("two.ts"))));
        List<Element> sections = XmlFragments.withClass(html, "sp-compare");
        assertThat(sections).hasSize(3);
        assertThat(sections.get(0).getTextContent())
                .contains("Compared with the tip of master")
                .contains("run 40, commit aaaaaaa");
        List<String> verdictRows = XmlFragments.elements(html, "tr").stream()
                .filter(tr -> tr.getAttribute("class").startsWith("sp-failure "))
                .map(tr -> tr.getAttribute("data-verdict"))
                .toList();
        assertThat(verdictRows).containsExactly("broken_here", "failing_differently", "fixed_here");
        List<String> hrefs = XmlFragments.elements(html, "a").stream()
                .map(a -> a.getAttribute("href"))
                .toList();
        assertThat(hrefs)
                .contains(
                        "https://sampleplatform.ccextractor.org/test/40",
                        "https://sampleplatform.ccextractor.org/test/diff/42/2/20/0",
                        "https://sampleplatform.ccextractor.org/test/diff/42/5/50/0");
        assertThat(XmlFragments.elements(html, "details")).hasSize(1);
        assertThat(XmlFragments.elements(html, "pre").get(0).getTextContent())
                .isEqualTo("--- a\n+++ b\n-old two.ts\n+new\n...\n");
        assertThat(sections.get(1).getTextContent()).contains("the same run as the tip of master (run 40)");
        assertThat(sections.get(2).getTextContent()).contains("no reference found: run 99 does not exist");
        assertThat(XmlFragments.withClass(html, "sp-compare__closing").get(0).getTextContent())
                .startsWith("This change moves the behaviour of 2 test(s)");
    }

    @Test
    void theMarkdownHasThePlatformCommentsParts() {
        String md = MarkdownComparisons.render(view(Comparisons.everyVerdict("two.ts")));
        assertThat(md)
                .startsWith("#### What this run changed\n\n**2/6 tests matched the approved output** in run 42.\n\n"
                        + "| Category | Tests passed |\n|---|---|\n| general | **2/6** |\n")
                .contains("<summary>4 tests do not match the approved output.")
                .contains(
                        "**Compared with the tip of master**: [run 40](<https://sampleplatform.ccextractor.org/test/40>),"
                                + " commit aaaaaaa\n\n- **1** pass there, fail here\n- **1** fail there, pass here\n"
                                + "- **1** fail on both, with different output\n- **1** fail on both, byte for byte the same\n"
                                + "- **1** have no result in that run\n")
                .contains(
                        "Pass there, fail here:\n\n- [\\#2](<https://sampleplatform.ccextractor.org/regression/test/2/view>)"
                                + " two.ts (general): [output 20 diff](<https://sampleplatform.ccextractor.org/test/diff/42/2/20/0>)\n")
                .contains("<details><summary>first lines of the diff of output 50</summary>")
                .contains("```diff\n  --- a\n")
                .contains("**Compared with commit aaaaaaa**: the same run as the tip of master (run 40)")
                .contains("**Compared with run 99**: no reference found: run 99 does not exist")
                .endsWith("This change moves the behaviour of 2 test(s) relative to the tip of master. Those are the"
                        + " ones worth looking at; anything else fails the same way on both sides.\n");
        String many = MarkdownComparisons.render(view(Comparisons.manyBroken(60)));
        assertThat(many).contains("- and 10 more\n").endsWith("DB mode: the diffs are on the platform.\n");
    }

    @Test
    void withoutLinksTheMarkdownAndPanelShowPlainText() {
        ComparisonView plain = new ComparisonView(Comparisons.everyVerdict("two.ts"), PlatformLinks.NONE);
        assertThat(MarkdownTrees.nodes(MarkdownTrees.parse(MarkdownComparisons.render(plain)), Link.class))
                .isEmpty();
        assertThat(XmlFragments.elements(XmlFragments.parse(renderPanel(plain)), "a"))
                .isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonFieldsFollowTheIssue() {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        ComparisonFields.addTo(map, view(Comparisons.everyVerdict("two.ts")), 100);
        List<Map<String, Object>> comparisons = (List<Map<String, Object>>) map.get("comparisons");
        assertThat(comparisons).hasSize(3);
        Map<String, Object> master = comparisons.get(0);
        assertThat(master)
                .containsEntry("reference", "master")
                .containsEntry("run_id", 40)
                .containsEntry("commit", "a".repeat(40))
                .containsEntry("same_as", null);
        assertThat((Map<String, Object>) master.get("counts"))
                .containsExactly(
                        Map.entry("broken_here", 1),
                        Map.entry("fixed_here", 1),
                        Map.entry("failing_differently", 1),
                        Map.entry("failing_identically", 1),
                        Map.entry("unchanged_pass", 1),
                        Map.entry("no_reference", 1));
        Map<String, Object> tests = (Map<String, Object>) master.get("tests");
        Map<String, Object> broken = ((List<Map<String, Object>>) tests.get("broken_here")).get(0);
        assertThat(broken)
                .containsEntry("regression_test_id", 2)
                .containsEntry("sample_name", "two.ts")
                .containsEntry("categories", List.of("general"));
        assertThat((List<Map<String, Object>>) broken.get("outputs"))
                .containsExactly(Map.of(
                        "output_id",
                        20,
                        "got",
                        "broken",
                        "diff_url",
                        "https://sampleplatform.ccextractor.org/test/diff/42/2/20/0"));
        assertThat(comparisons.get(1))
                .containsEntry("reference", "commit:" + "a".repeat(40))
                .containsEntry("same_as", "master");
        assertThat(comparisons.get(2)).containsEntry("run_id", null).containsEntry("commit", null);
        assertThat((Map<String, Object>) comparisons.get(2).get("counts")).containsEntry("no_reference", 6);

        Map<String, Object> bounded = new java.util.LinkedHashMap<>();
        ComparisonFields.addTo(bounded, view(Comparisons.manyBroken(30)), 5);
        Map<String, Object> first = ((List<Map<String, Object>>) bounded.get("comparisons")).get(0);
        assertThat((List<Object>) ((Map<String, Object>) first.get("tests")).get("broken_here"))
                .hasSize(5);
        assertThat((Map<String, Object>) first.get("counts")).containsEntry("broken_here", 30);
    }

    @Test
    @SuppressWarnings("unchecked")
    void unknownSignaturesAreOneLineEverywhere() {
        RunState here =
                RunState.of(Comparisons.run(42, "c".repeat(40)), List.of(TestState.of(1, false, Signature.unknown())));
        RunState there =
                RunState.of(Comparisons.run(40, "a".repeat(40)), List.of(TestState.of(1, false, Signature.unknown())));
        ComparisonReport report = new ComparisonReport(
                here,
                List.of(io.jenkins.plugins.sampleplatform.compare.Comparison.of(new Reference.Master(), here, there)),
                List.of(),
                null);
        assertThat(ConsoleComparisons.render(view(report)))
                .contains("0 broken here, 0 fixed here, 1 fails in both (token cannot read output hashes), 0 unchanged"
                        + " pass, 0 no reference")
                .contains("No test broke relative to the tip of master; 1 fail on both sides, and whether their output"
                        + " changed could not be checked (token cannot read output hashes).");
        assertThat(MarkdownComparisons.render(view(report)))
                .contains("- **1** fail on both (token cannot read output hashes)\n")
                .doesNotContain("byte for byte");
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        ComparisonFields.addTo(map, view(report), 10);
        Map<String, Object> c = ((List<Map<String, Object>>) map.get("comparisons")).get(0);
        assertThat((Map<String, Object>) c.get("counts"))
                .containsEntry("failing_identically", null)
                .containsEntry("failing_differently", null)
                .containsEntry("failing_in_both", 1);
        assertThat(c).containsEntry("signatures_known", false);
    }
}
