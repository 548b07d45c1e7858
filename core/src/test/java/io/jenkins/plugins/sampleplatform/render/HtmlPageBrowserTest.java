package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.fixtures.Summaries;
import io.jenkins.plugins.sampleplatform.summary.RunStatus;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.verdict.VerdictPolicy;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format html-page}: a complete document that opens well in a real headless Chromium from a file, as
 * an archived CI artifact is opened: its title, its declared charset (server text in UTF-8 reads right), the
 * inlined style sheet applied, no console error. Skipped without Chromium, except under {@code CI=true}.
 */
class HtmlPageBrowserTest {

    @Test
    void theDocumentOpensWithItsTitleCharsetAndStyle(@TempDir Path work) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.requireOrSkip();
        RunSummary summary = Summaries.cleanPass()
                .status(RunStatus.FAIL)
                .counts(10, 7, 2, 1, 0)
                .errors(3)
                .durationMs(62_000L)
                .triggeredBy("Zoë ✓ 字幕")
                .build();
        SummaryReport report =
                new SummaryReport(summary, VerdictPolicy.defaults().evaluate(summary), Reports.RUN_PAGE);
        String html = HtmlPage.render(report, Failures.someOfTwelve());

        assertThat(html)
                .startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
                .contains("<title>Sample Platform run 42: FAILURE</title>")
                .doesNotContain("<script", "<link", "src=\"http");
        Path page = Files.writeString(work.resolve("summary.html"), html, StandardCharsets.UTF_8);
        HeadlessChromium.Result result = chromium.load(page, work, 1200, 900);

        assertThat(result.dom()).contains("<title>Sample Platform run 42: FAILURE</title>", "Zoë ✓ 字幕");
        assertThat(result.consoleLines()).as("console messages").isEmpty();
        BufferedImage image = ImageIO.read(result.screenshot().toFile());
        assertThat(containsColour(image, 0x1ea64b))
                .as("the passed segment, in the style sheet's colour")
                .isTrue();
    }

    private static boolean containsColour(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y) & 0xffffff;
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 12
                        && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 12
                        && Math.abs((p & 0xff) - (rgb & 0xff)) < 12) {
                    return true;
                }
            }
        }
        return false;
    }
}
