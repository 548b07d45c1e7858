package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.results.ListingCost;
import io.jenkins.plugins.sampleplatform.results.RunResults;
import io.jenkins.plugins.sampleplatform.results.SampleResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitXmlTest {

    static final JUnitXml.Options LINUX = new JUnitXml.Options(
            "linux", new PlatformLinks(URI.create("https://sampleplatform.example/")), JUnitXml.SampleNote.NONE);

    /**
     * Run 42: 1 passes (DVB), 2 fails in DVB and Teletext with two differing outputs, 3 has no output and no
     * category, 4 never ran (Teletext), 5 passes without a category or a runtime.
     */
    static RunResults mixedRun() {
        return new RunResults(
                42,
                List.of(
                        new SampleResult(1, 101, "one.ts", SampleStatus.PASS, 0, 0, 1234, List.of("DVB"), List.of()),
                        new SampleResult(
                                2,
                                102,
                                "two.mpg",
                                SampleStatus.FAIL,
                                1,
                                0,
                                5,
                                List.of("DVB", "Teletext"),
                                List.of(new FailedOutput(21, "aa.srt"), new FailedOutput(22, "bb.xml"))),
                        new SampleResult(
                                3, 103, "three.ts", SampleStatus.MISSING_OUTPUT, 139, 0, 60_000, List.of(), List.of()),
                        SampleResult.notRun(4, 104, "four.ts", List.of("Teletext")),
                        new SampleResult(5, null, null, SampleStatus.PASS, 0, 0, null, List.of(), List.of())),
                new ListingCost(1, "API requests"));
    }

    private static Document parse(String xml) throws Exception {
        return JUnitSchemaRules.check(xml);
    }

    private static List<Element> suites(Document document) {
        return JUnitSchemaRules.children(document.getDocumentElement());
    }

    private static Element testcase(Document document, String suite, String name) {
        return suites(document).stream()
                .filter(s -> s.getAttribute("name").equals(suite))
                .flatMap(s -> JUnitSchemaRules.children(s).stream())
                .filter(c -> c.getAttribute("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no test case " + name + " in " + suite));
    }

    private static Element only(Element testcase) {
        List<Element> children = JUnitSchemaRules.children(testcase);
        assertThat(children).hasSize(1);
        return children.get(0);
    }

    @Test
    void oneSuitePerCategoryASampleInTwoCategoriesInBothAndTheUncategorisedLast() throws Exception {
        Document document = parse(JUnitXml.render(mixedRun(), LINUX));

        Element root = document.getDocumentElement();
        assertThat(root.getAttribute("name")).isEqualTo("Sample Platform run 42 (linux)");
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        assertThat(root.getAttribute("time")).as("each sample once").isEqualTo("61.239");
        assertThat(suites(document))
                .extracting(s -> s.getAttribute("name"))
                .containsExactly("DVB", "Teletext", "(no category)");
        assertThat(suites(document))
                .extracting(s -> JUnitSchemaRules.children(s).stream()
                        .map(c -> c.getAttribute("name"))
                        .toList())
                .containsExactly(
                        List.of("one.ts #1", "two.mpg #2"),
                        List.of("two.mpg #2", "four.ts #4"),
                        List.of("three.ts #3", "regression test #5"));
        Element teletext = suites(document).get(1);
        assertThat(teletext.getAttribute("tests")).isEqualTo("2");
        assertThat(teletext.getAttribute("failures")).isEqualTo("1");
        assertThat(teletext.getAttribute("skipped")).isEqualTo("1");
        assertThat(teletext.getAttribute("time")).isEqualTo("0.005");
    }

    @Test
    void aTestCaseHasTheClassnameNameAndTimeTheIssueAsksFor() throws Exception {
        Document document = parse(JUnitXml.render(mixedRun(), LINUX));

        Element one = testcase(document, "DVB", "one.ts #1");
        assertThat(one.getAttribute("classname")).isEqualTo("sampleplatform.linux.DVB");
        assertThat(one.getAttribute("time")).isEqualTo("1.234");
        assertThat(JUnitSchemaRules.children(one)).as("a pass has no child").isEmpty();
        assertThat(testcase(document, "(no category)", "three.ts #3").getAttribute("classname"))
                .isEqualTo("sampleplatform.linux.(no category)");
        assertThat(testcase(document, "(no category)", "regression test #5").hasAttribute("time"))
                .as("no runtime, no time")
                .isFalse();
    }

    @Test
    void aFailureGivesTheExitCodeAndTheDifferingOutputsAndLinksEveryPage() throws Exception {
        Document document = parse(JUnitXml.render(mixedRun(), LINUX));

        Element failure = only(testcase(document, "Teletext", "two.mpg #2"));
        assertThat(failure.getTagName()).isEqualTo("failure");
        assertThat(failure.getAttribute("type")).isEqualTo("fail");
        assertThat(failure.getAttribute("message"))
                .isEqualTo("failed; exit code 1, expected 0; 2 outputs differ: aa.srt, bb.xml");
        assertThat(failure.getTextContent()).isEqualTo("""

                        Regression test 2: https://sampleplatform.example/regression/test/2/view
                        Sample 102: https://sampleplatform.example/sample/102
                        Categories: DVB, Teletext
                        Differs: aa.srt (output 21), diff: https://sampleplatform.example/test/diff/42/2/21/0
                        Differs: bb.xml (output 22), diff: https://sampleplatform.example/test/diff/42/2/22/0
                        Run 42: https://sampleplatform.example/test/42""");
    }

    @Test
    void noOutputIsAnErrorAndNeverRanIsSkipped() throws Exception {
        Document document = parse(JUnitXml.render(mixedRun(), LINUX));

        Element error = only(testcase(document, "(no category)", "three.ts #3"));
        assertThat(error.getTagName()).isEqualTo("error");
        assertThat(error.getAttribute("type")).isEqualTo("missing_output");
        assertThat(error.getAttribute("message")).isEqualTo("no output; exit code 139, expected 0");
        Element skipped = only(testcase(document, "Teletext", "four.ts #4"));
        assertThat(skipped.getTagName()).isEqualTo("skipped");
        assertThat(skipped.getAttribute("message")).isEqualTo("never ran in run 42");
    }

    @Test
    void withoutTheSitesAddressTheDetailsSaySoAndAnUnknownPlatformIsNamed() throws Exception {
        Document document = parse(JUnitXml.render(mixedRun(), new JUnitXml.Options(null, null, null)));

        assertThat(document.getDocumentElement().getAttribute("name")).isEqualTo("Sample Platform run 42 (unknown)");
        Element error = only(testcase(document, "(no category)", "three.ts #3"));
        assertThat(error.getTextContent())
                .contains("Regression test 3: (no link: the platform's address is not known)")
                .doesNotContain("http");
        assertThat(testcase(document, "DVB", "one.ts #1").getAttribute("classname"))
                .isEqualTo("sampleplatform.unknown.DVB");
    }

    @Test
    void theComparisonsNoteComesFirstInTheMessage() throws Exception {
        JUnitXml.Options compared = new JUnitXml.Options(
                "windows",
                LINUX.links(),
                sample -> sample.regressionTestId() == 2 ? "failing identically on master (run 41)" : "broken here");
        Document document = parse(JUnitXml.render(mixedRun(), compared));

        assertThat(only(testcase(document, "DVB", "two.mpg #2")).getAttribute("message"))
                .startsWith("failing identically on master (run 41): failed; exit code 1");
        assertThat(only(testcase(document, "(no category)", "three.ts #3")).getAttribute("message"))
                .isEqualTo("broken here: no output; exit code 139, expected 0");
    }

    @Test
    void dotsInThePlatformOrCategoryDoNotMoveTheClassSplit() throws Exception {
        RunResults run = new RunResults(
                1,
                List.of(new SampleResult(1, 1, "a.ts", SampleStatus.PASS, 0, 0, 1, List.of("H.264"), List.of())),
                new ListingCost(1, "API requests"));
        Document document = parse(JUnitXml.render(run, new JUnitXml.Options("linux.arm", null, null)));

        assertThat(testcase(document, "H.264", "a.ts #1").getAttribute("classname"))
                .isEqualTo("sampleplatform.linux_arm.H_264");
    }

    @Test
    void anyServerTextStaysTextOnOneLineAndTheDocumentWellFormed() throws Exception {
        Random random = new Random(1919);
        List<String> texts = new ArrayList<>(Hostile.STRINGS);
        for (int i = 0; i < 500; i++) {
            texts.add(Hostile.random(random, 60));
        }
        for (String text : texts) {
            RunResults run = new RunResults(
                    7,
                    List.of(new SampleResult(
                            3,
                            9,
                            text,
                            SampleStatus.FAIL,
                            2,
                            0,
                            10,
                            List.of(text, "x"),
                            List.of(new FailedOutput(4, text)))),
                    new ListingCost(1, "API requests"));
            String xml = JUnitXml.render(run, new JUnitXml.Options(text, LINUX.links(), s -> text));
            assertThat(xml).doesNotContain("]]>").doesNotContain("<![CDATA[").doesNotContain("<script");
            Document document = parse(xml);
            Element testcase =
                    JUnitSchemaRules.children(suites(document).get(0)).get(0);
            String oneLine = PlainText.oneLine(text).replace('\uFFFE', '\uFFFD').replace('\uFFFF', '\uFFFD');
            assertThat(testcase.getAttribute("name")).isEqualTo(oneLine + " #3");
            Element failure = only(testcase);
            assertThat(failure.getAttribute("message")).doesNotContain("\n", "\r", "\u001b");
            assertThat(failure.getTextContent().lines())
                    .as("the details: one line per entry, none forged")
                    .hasSize(6);
        }
    }

    @Test
    void cdataEndAndControlCharactersAreEscapedNotPassedThrough() {
        RunResults run = new RunResults(
                7,
                List.of(new SampleResult(
                        3,
                        9,
                        "a]]>b\u0000c\u001bd",
                        SampleStatus.FAIL,
                        2,
                        0,
                        10,
                        List.of(),
                        List.of(new FailedOutput(4, "x]]>y")))),
                new ListingCost(1, "API requests"));
        String xml = JUnitXml.render(run, LINUX);

        assertThat(xml).contains("name=\"a]]&gt;b?c?d #3\"").contains("Differs: x]]&gt;y (output 4)");
        assertThat(xml.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
    }

    @Test
    void anEmptyRunIsAnEmptyReport() throws Exception {
        Document document =
                parse(JUnitXml.render(new RunResults(9, List.of(), new ListingCost(1, "API requests")), LINUX));

        assertThat(document.getDocumentElement().getAttribute("tests")).isEqualTo("0");
        assertThat(suites(document)).isEmpty();
    }

    @Test
    void theSchemaRulesRefuseWhatTheSchemaRefuses() {
        assertThatThrownBy(() -> JUnitSchemaRules.check(
                        "<testsuites><testsuite name=\"a\" tests=\"0\" failures=\"0\"/></testsuites>"))
                .hasMessageContaining("testsuite has errors");
        assertThatThrownBy(() -> JUnitSchemaRules.check("<testsuites><testsuite name=\"a\" tests=\"0\" failures=\"0\""
                        + " errors=\"0\" skipped=\"0\" time=\"1.2345\"/></testsuites>"))
                .hasMessageContaining("1.2345");
        assertThatThrownBy(() -> JUnitSchemaRules.check("<testsuites><testsuite name=\"a\" tests=\"1\" failures=\"0\""
                        + " errors=\"0\" skipped=\"0\"><testcase name=\"b\"><failure><b/></failure></testcase>"
                        + "</testsuite></testsuites>"))
                .hasMessageContaining("children of failure");
    }

    @Test
    void secondsHaveThreeDecimals() {
        assertThat(JUnitXml.seconds(0)).isEqualTo("0.000");
        assertThat(JUnitXml.seconds(7)).isEqualTo("0.007");
        assertThat(JUnitXml.seconds(70)).isEqualTo("0.070");
        assertThat(JUnitXml.seconds(1234)).isEqualTo("1.234");
        assertThat(JUnitXml.seconds(3_600_000)).isEqualTo("3600.000");
    }
}
