package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.sampleplatform.fixtures.Summaries;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.verdict.BuildResult;
import io.jenkins.plugins.sampleplatform.verdict.VerdictPolicy;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the panel in a real headless Chromium, in a light and a dark theme side by side, behind a
 * Content-Security-Policy that allows nothing external and no script but the page's own probe. The
 * probe reads the counts and the bar's drawn widths from the DOM and writes them, and the verdict,
 * into the page; the test reads the dumped DOM, the browser's console log and the screenshot.
 *
 * <p>Skipped with a message when Chromium is not installed, except under {@code CI=true}, where it
 * fails. {@code -Dsampleplatform.panelScreenshot=FILE} keeps the screenshot (for docs/panel.png).
 */
class HtmlPanelBrowserTest {

    private static final String NONCE = "sp-probe-3f9c2a";
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 720;
    private static final int TALL = 1100;

    private static HeadlessChromium chromium;

    @BeforeAll
    static void findChromium() {
        chromium = HeadlessChromium.find().orElse(null);
    }

    @BeforeEach
    void requireChromium() {
        chromium = HeadlessChromium.requireOrSkip();
    }

    @Test
    void rendersInLightAndDarkWithoutConsoleErrorsOrExternalLoads(@TempDir Path work) throws Exception {
        RunSummary light = Summaries.cleanPass()
                .status(RunStatus.FAIL)
                .counts(10, 7, 2, 1, 0)
                .errors(3)
                .durationMs(62_000L)
                .triggeredBy("ci-bot")
                .build();
        RunSummary dark = Summaries.cleanPass()
                .runId(43)
                .status(RunStatus.FAIL)
                .counts(40, 31, 4, 1, 4)
                .errors(6)
                .durationMs(754_000L)
                .triggeredBy("nightly")
                .build();
        String page = page(report(light), report(dark), trend("sp-trend-light"), trend("sp-trend-dark"));
        HeadlessChromium.Result result = load(page, work);

        Map<String, String> probe = probe(result.dom());
        assertThat(probe)
                .containsEntry("scripts", "1")
                .containsEntry("handlers", "0")
                .containsEntry("embedded", "0")
                .containsEntry("panels", "2");
        assertThat(probe.get("sp-run-42.verdict")).isEqualTo("\u2716 FAILURE");
        assertThat(probe.get("sp-run-42.counts"))
                .isEqualTo("passed=7,failed=2,no-output=1,skipped=0,total=10,errors=3");
        assertThat(probe.get("sp-run-43.counts"))
                .isEqualTo("passed=31,failed=4,no-output=1,skipped=4,total=40,errors=6");
        assertThat(probe)
                .as("the linked style sheet applies under a policy without 'unsafe-inline'")
                .containsEntry("sp-run-42.styled", "solid,inline-block")
                .containsEntry("sp-run-43.styled", "solid,inline-block")
                .containsEntry("styles", "0");
        for (String trend : List.of("trend0", "trend1")) {
            assertThat(probe)
                    .containsEntry(trend + ".columns", "3")
                    .containsEntry(trend + ".links", "3")
                    .containsEntry(trend + ".passedFill", "rgb(30, 166, 75)");
            assertThat(Integer.parseInt(probe.get(trend + ".width"))).isGreaterThan(300);
        }
        assertBarFollowsCounts(probe, "sp-run-42", Map.of("passed", 0.7, "failed", 0.2, "no-output", 0.1));
        assertBarFollowsCounts(
                probe, "sp-run-43", Map.of("passed", 31 / 40.0, "failed", 0.1, "no-output", 1 / 40.0, "skipped", 0.1));
        assertThat(result.consoleLines())
                .as("console messages (errors, CSP violations)")
                .isEmpty();

        BufferedImage image = screenshot(result);
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(containsColour(image, 0, WIDTH / 2, 0x1ea64b))
                .as("passed segment drawn in the light half")
                .isTrue();
        assertThat(containsColour(image, WIDTH / 2, WIDTH, 0x1ea64b))
                .as("passed segment drawn in the dark half")
                .isTrue();
        assertThat(luminance(image.getRGB(WIDTH - 5, HEIGHT - 5)))
                .as("dark half's background")
                .isLessThan(60);
        assertThat(luminance(image.getRGB(5, HEIGHT - 5)))
                .as("light half's background")
                .isGreaterThan(200);
        keepIfAsked(result.screenshot());
    }

    @Test
    void failingSamplesShowAsATableInBothThemesWithEdgesBesidesColour(@TempDir Path work) throws Exception {
        RunSummary summary = Summaries.cleanPass()
                .status(RunStatus.FAIL)
                .counts(120, 60, 56, 4, 0)
                .errors(9)
                .durationMs(62_000L)
                .triggeredBy("ci-bot")
                .build();
        String light = HtmlPanel.render(summaryReport(summary), Failures.many(60, 4));
        String dark = HtmlPanel.render(
                summaryReport(Summaries.cleanPass()
                        .runId(43)
                        .status(RunStatus.FAIL)
                        .counts(10, 7, 2, 1, 0)
                        .build()),
                Failures.someOfTwelve());
        HeadlessChromium.Result result = load(page(light, dark, "", ""), work, TALL);

        Map<String, String> probe = probe(result.dom());
        assertOnlyTheProbeRuns(probe);
        assertThat(probe.get("sp-run-42.failures").split(",")).hasSize(50);
        assertThat(probe.get("sp-run-42.failures"))
                .startsWith("missing_output,missing_output,missing_output,missing_output,fail,");
        assertThat(probe.get("sp-run-42.failuresMore")).isEqualTo("and 10 more on the platform");
        assertThat(probe.get("sp-run-43.failures")).isEqualTo("missing_output,fail");
        // The status is drawn with a solid or a dashed edge as well as its colour and word.
        assertThat(probe.get("sp-run-42.failureEdges"))
                .isEqualTo("fail=dashed rgb(254, 130, 10);missing_output=solid rgb(230, 0, 31)");
        assertThat(probe.get("sp-run-43.failureEdges"))
                .isEqualTo("fail=dashed rgb(254, 130, 10);missing_output=solid rgb(255, 77, 94)");
        for (String panel : List.of("sp-run-42", "sp-run-43")) {
            Matcher box = Pattern.compile("(\\d+)x(\\d+) in (\\d+)").matcher(probe.get(panel + ".failureBox"));
            assertThat(box.matches())
                    .as("failure table of %s: %s", panel, probe.get(panel + ".failureBox"))
                    .isTrue();
            assertThat(Integer.parseInt(box.group(1)))
                    .as("table width within the panel")
                    .isLessThanOrEqualTo(Integer.parseInt(box.group(3)));
            assertThat(Integer.parseInt(box.group(2))).as("table height").isGreaterThan(40);
        }
        assertThat(result.consoleLines()).as("console messages").isEmpty();
        BufferedImage image = screenshot(result);
        assertThat(containsColour(image, 0, WIDTH / 2, 0xe6001f))
                .as("the no-output edge drawn in the light half")
                .isTrue();
        keepIfAsked(result.screenshot(), "sampleplatform.failuresScreenshot");
    }

    @Test
    void comparisonsShowBrokenFirstWithEdgesBesidesColourAndCollapsedDiffs(@TempDir Path work) throws Exception {
        RunSummary summary = Summaries.cleanPass()
                .status(RunStatus.FAIL)
                .counts(6, 2, 4, 0, 0)
                .build();
        ComparisonView view = new ComparisonView(
                Comparisons.everyVerdict("two.ts"),
                new PlatformLinks(URI.create("https://sampleplatform.ccextractor.org")));
        String panel = HtmlPanel.render(summaryReport(summary), null, view);
        HeadlessChromium.Result result = load(page(panel, "", "", ""), work, TALL);

        Map<String, String> probe = probe(result.dom());
        assertOnlyTheProbeRuns(probe);
        assertThat(probe.get("sp-run-42.compareTitles"))
                .isEqualTo("Compared with the tip of master|Compared with commit aaaaaaa|Compared with run 99");
        // Broken here solid, failing differently dashed, fixed here double: never colour alone.
        assertThat(probe.get("sp-run-42.verdictEdges"))
                .isEqualTo("broken_here=solid;failing_differently=dashed;fixed_here=double");
        // The diff excerpt is collapsed: a closed <details>, one line high.
        assertThat(probe.get("sp-run-42.diffOpen")).startsWith("false,");
        assertThat(Integer.parseInt(probe.get("sp-run-42.diffOpen").split(",")[1]))
                .isLessThan(40);
        assertThat(result.consoleLines()).as("console messages").isEmpty();
        keepIfAsked(result.screenshot(), "sampleplatform.compareScreenshot");
    }

    @Test
    void aHostileServerCannotRunScriptOrLoadAnything(@TempDir Path work) throws Exception {
        List<String> reasons = new ArrayList<>();
        for (String hostile : Hostile.STRINGS) {
            reasons.add("quoted: " + hostile);
        }
        List<TrendChart.Point> hostilePoints = new ArrayList<>();
        for (String hostile : Hostile.STRINGS) {
            hostilePoints.add(new TrendChart.Point(hostile, "javascript:alert(5)", 3, 1, 1, 1, null));
        }
        String page = page(
                HtmlPanel.render(
                        Reports.hostile("<img src=x onerror=alert(1)><script>alert(2)</script>", reasons),
                        Failures.hostile("<img src=x onerror=alert(7)><script>alert(8)</script>")),
                HtmlPanel.render(
                        Reports.hostile("\"><svg onload=alert(3)>", List.of("</style><script>alert(4)</script>")),
                        Failures.hostile("</style><svg onload=alert(9)>\"'")),
                TrendChart.render(hostilePoints, "sp-trend-a"),
                TrendChart.render(
                        List.of(new TrendChart.Point("#1", "\"><script>alert(6)</script>", 1, 0, 0, 0, null)),
                        "sp-trend-b"));
        HeadlessChromium.Result result = load(page, work);

        Map<String, String> probe = probe(result.dom());
        assertThat(probe)
                .containsEntry("scripts", "1")
                .containsEntry("handlers", "0")
                .containsEntry("embedded", "0")
                .containsEntry("panels", "2")
                .containsEntry("styles", "0")
                .containsEntry("trend0.links", "0")
                .containsEntry("trend0.columns", String.valueOf(Hostile.STRINGS.size()));
        assertThat(probe.get("reasons"))
                .as("every reason shown as one list item")
                .isEqualTo(String.valueOf(reasons.size() + 1));
        assertThat(result.consoleLines())
                .as("console messages (errors, CSP violations)")
                .isEmpty();
        assertThat(screenshot(result).getWidth()).isEqualTo(WIDTH);
    }

    private static String report(RunSummary summary) {
        return HtmlPanel.render(summaryReport(summary));
    }

    private static SummaryReport summaryReport(RunSummary summary) {
        return new SummaryReport(
                summary,
                VerdictPolicy.defaults().evaluate(summary),
                URI.create("https://sampleplatform.ccextractor.org/test/" + summary.runId()));
    }

    /** Three builds' points, linked relative to the page, as the job page's trend. */
    private static String trend(String idPrefix) {
        return TrendChart.render(
                List.of(
                        new TrendChart.Point("#1041", "1041/", 8, 2, 0, 0, BuildResult.UNSTABLE),
                        new TrendChart.Point("#1042", "1042/", 7, 2, 1, 0, BuildResult.FAILURE),
                        new TrendChart.Point("#1043", "1043/", 31, 4, 1, 4, BuildResult.FAILURE)),
                idPrefix);
    }

    /** The page, with the panel's style sheet (core's resource, as the plugin serves it) and the theme's beside it. */
    private static HeadlessChromium.Result load(String page, Path work) throws IOException, InterruptedException {
        return load(page, work, HEIGHT);
    }

    private static HeadlessChromium.Result load(String page, Path work, int height)
            throws IOException, InterruptedException {
        Path file = work.resolve("panel.html");
        Files.writeString(file, page, StandardCharsets.UTF_8);
        Files.writeString(work.resolve("panel.css"), HtmlPanel.stylesheet(), StandardCharsets.UTF_8);
        try (var in = HtmlPanelBrowserTest.class.getResourceAsStream("theme.css")) {
            Files.write(work.resolve("theme.css"), in.readAllBytes());
        }
        return chromium.load(file, work, WIDTH, height);
    }

    /** A page like a Jenkins build page: the panel in a light and a dark theme, then the probe. */
    private static String page(String lightPanel, String darkPanel, String lightTrend, String darkTrend)
            throws IOException {
        try (var in = HtmlPanelBrowserTest.class.getResourceAsStream("panel-page.html")) {
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return template.replace("{{NONCE}}", NONCE)
                    .replace("{{LIGHT}}", lightPanel)
                    .replace("{{DARK}}", darkPanel)
                    .replace("{{LIGHT_TREND}}", lightTrend)
                    .replace("{{DARK_TREND}}", darkTrend);
        }
    }

    /** The probe is the page's one script; the panels add no handler, embedded object or style. */
    private static void assertOnlyTheProbeRuns(Map<String, String> probe) {
        assertThat(probe)
                .containsEntry("scripts", "1")
                .containsEntry("handlers", "0")
                .containsEntry("embedded", "0")
                .containsEntry("styles", "0");
    }

    /** The probe's "key: value" lines, from the dumped DOM. */
    private static Map<String, String> probe(String dom) {
        Matcher pre = Pattern.compile("<pre id=\"probe\"[^>]*>(.*?)</pre>", Pattern.DOTALL)
                .matcher(dom);
        assertThat(pre.find())
                .as("the probe ran and wrote its findings; DOM:\n%s", dom)
                .isTrue();
        Map<String, String> values = new HashMap<>();
        for (String line : pre.group(1).split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                values.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return values;
    }

    /** Each drawn segment is as wide as its share of the bar, within two pixels. */
    private static void assertBarFollowsCounts(Map<String, String> probe, String panel, Map<String, Double> shares) {
        double bar = Double.parseDouble(probe.get(panel + ".bar"));
        assertThat(bar).as("bar width of %s", panel).isGreaterThan(200);
        Map<String, Double> drawn = new HashMap<>();
        for (String segment : probe.get(panel + ".segments").split(",")) {
            String[] kv = segment.split("=");
            drawn.put(kv[0], Double.parseDouble(kv[1]));
        }
        assertThat(drawn.keySet()).as("segments of %s", panel).isEqualTo(shares.keySet());
        shares.forEach((outcome, share) -> assertThat(drawn.get(outcome))
                .as("%s width of %s", outcome, panel)
                .isCloseTo(share * bar, within(2.0)));
    }

    private static BufferedImage screenshot(HeadlessChromium.Result result) throws IOException {
        Path png = result.screenshot();
        assertThat(png).as("screenshot").exists();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).as("screenshot size").isGreaterThan(1000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII))
                .as("PNG signature")
                .isEqualTo("PNG");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a readable PNG").isNotNull();
        return image;
    }

    private static boolean containsColour(BufferedImage image, int fromX, int toX, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = fromX; x < toX; x++) {
                if (distance(image.getRGB(x, y), rgb) < 12) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int distance(int a, int b) {
        return Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff))
                + Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff))
                + Math.abs((a & 0xff) - (b & 0xff));
    }

    private static int luminance(int rgb) {
        return (int) (0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff));
    }

    private static void keepIfAsked(Path screenshot) throws IOException {
        keepIfAsked(screenshot, "sampleplatform.panelScreenshot");
    }

    private static void keepIfAsked(Path screenshot, String property) throws IOException {
        String target = System.getProperty(property);
        if (target != null && !target.isBlank()) {
            Path copy = Path.of(target).toAbsolutePath();
            Files.createDirectories(copy.getParent());
            Files.copy(screenshot, copy, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
