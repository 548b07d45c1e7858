package io.jenkins.plugins.sampleplatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docs say what the real jar does, and their links lead somewhere. */
class DocsCheckIT {

    private static final Path ROOT = CliProcess.repositoryRoot();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @TempDir
    Path home;

    private CliProcess.Outcome demo(String... args) throws Exception {
        return CliProcess.summary(Map.of("XDG_DATA_HOME", home.toString()), args);
    }

    /** The fenced block of {@code language} that follows the first line containing {@code marker}. */
    private static String blockAfter(Path file, String marker, String language) throws Exception {
        List<String> lines = Files.readAllLines(file);
        int at = 0;
        while (at < lines.size() && !lines.get(at).contains(marker)) {
            at++;
        }
        assertThat(at).as("'%s' in %s", marker, file).isLessThan(lines.size());
        while (!lines.get(at).equals("```" + language)) {
            at++;
        }
        StringBuilder block = new StringBuilder();
        for (at++; !lines.get(at).equals("```"); at++) {
            block.append(lines.get(at)).append('\n');
        }
        return block.toString();
    }

    @Test
    void theCommandLineDocsJsonExampleIsTodaysOutput() throws Exception {
        String documented = blockAfter(
                ROOT.resolve("docs/command-line.md"),
                "`./sampleplatform summary --demo --run 2 --format json --failures 1`",
                "json");
        CliProcess.Outcome outcome = demo("--demo", "--run", "2", "--format", "json", "--failures", "1");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(documented)).isEqualTo(json.readTree(outcome.stdout()));
    }

    @Test
    void theReadmesQuickStartOutputIsTodaysOutput() throws Exception {
        String documented = blockAfter(ROOT.resolve("README.md"), "so it exits with 3 (FAILURE)", "");
        CliProcess.Outcome outcome = demo("--demo", "--run", "3");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(outcome.stdout().strip()).isEqualTo(documented.strip());
    }

    /** GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static List<String> anchors(Path page) throws Exception {
        return Files.readAllLines(page).stream()
                .filter(line -> line.matches("#{1,6} .*"))
                .map(line -> line.replaceFirst("#{1,6} ", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'))
                .toList();
    }

    @Test
    void everyRelativeLinkOfTheDocsLeadsToAFile() throws Exception {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("DEVELOPERS.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("<?[a-z]+:.*") || target.startsWith("#")) {
                    continue; // web links and anchors in the same page
                }
                String file = target.replaceFirst("#.*$", "");
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = page.getParent().resolve(file).normalize();
                checked++;
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(page) + ": " + target);
                } else if (anchor != null
                        && file.endsWith(".md")
                        && !anchors(resolved).contains(anchor)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
        assertThat(checked).as("relative links checked").isGreaterThan(20);
    }
}
