package io.jenkins.plugins.sampleplatform.render;

import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.results.RunResults;
import io.jenkins.plugins.sampleplatform.results.SampleResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A run's sample results as a JUnit XML report, the format Jenkins' junit plugin, GitLab
 * ({@code artifacts:reports:junit}) and GitHub's JUnit reporter actions read:
 *
 * <ul>
 *   <li>a {@code testsuites} root; one {@code testsuite} per category, named after it (a sample in two
 *       categories is in both, as on the platform), samples without a category in {@value #NO_CATEGORY};</li>
 *   <li>one {@code testcase} per regression test: {@code classname} {@code sampleplatform.<platform>.<category>}
 *       (dots in either part become {@code _}, so the junit plugin's package/class split stays where it belongs),
 *       {@code name} {@code <sample name> #<regression test id>}, {@code time} from {@code runtime_ms} in
 *       seconds;</li>
 *   <li>a failed sample is a {@code failure} whose message gives the exit code and the differing outputs, a
 *       sample without output an {@code error}, a selected sample that never ran {@code skipped}; the body links
 *       the platform's regression test, sample and run pages and each differing output's diff.</li>
 * </ul>
 *
 * Every server value is escaped ({@link HtmlEscape}: markup characters as entities, characters XML 1.0
 * forbids replaced; no CDATA section, so {@code ]]>} is just text) and made one line where it stands in an
 * attribute or a line of the body ({@link PlainText}), so any text the server sends gives a well-formed
 * document that validates against the JUnit schema. Written into one pre-sized buffer, with no DOM.
 */
public final class JUnitXml {

    /** The suite of samples without a category. */
    public static final String NO_CATEGORY = "(no category)";

    /** Differing outputs named in a failure's message; the body lists them all. */
    static final int OUTPUTS_IN_MESSAGE = 5;

    private JUnitXml() {}

    /**
     * What a comparison with another run says about one sample, put first in its failure's message, e.g.
     * {@code broken here} or {@code failing identically on master (run 41)}; {@code null} when nothing.
     */
    @FunctionalInterface
    public interface SampleNote {
        SampleNote NONE = sample -> null;

        String about(SampleResult sample);
    }

    /**
     * How to write the report.
     *
     * @param platform the run's platform ({@code linux}, {@code windows}), or {@code null}: {@code unknown}
     * @param links    where the platform's pages are, for the links in the details
     * @param note     the comparison's word on each failing sample ({@link SampleNote#NONE} without one)
     */
    public record Options(String platform, PlatformLinks links, SampleNote note) {
        public Options {
            platform = platform == null || platform.isBlank() ? "unknown" : platform;
            links = links == null ? PlatformLinks.NONE : links;
            note = note == null ? SampleNote.NONE : note;
        }
    }

    /** The report as a string. */
    public static String render(RunResults results, Options options) {
        StringBuilder out = new StringBuilder(256 + 256 * results.samples().size());
        write(results, options, out);
        return out.toString();
    }

    /** Appends the report to {@code out}. */
    public static void write(RunResults results, Options options, StringBuilder out) {
        Objects.requireNonNull(options, "options");
        Map<String, List<SampleResult>> suites = suites(results.samples());
        long totalMillis = 0;
        for (SampleResult sample : results.samples()) {
            totalMillis += millis(sample);
        }
        int tests = 0;
        int failures = 0;
        int errors = 0;
        for (List<SampleResult> suite : suites.values()) {
            tests += suite.size();
            failures += count(suite, SampleStatus.FAIL);
            errors += count(suite, SampleStatus.MISSING_OUTPUT);
        }
        String platform = PlainText.oneLine(options.platform());
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites");
        attribute(out, "name", "Sample Platform run " + results.runId() + " (" + platform + ")");
        attribute(out, "tests", tests);
        attribute(out, "failures", failures);
        attribute(out, "errors", errors);
        attribute(out, "time", seconds(totalMillis));
        out.append(">\n");
        String packageName = "sampleplatform." + classPart(platform);
        for (Map.Entry<String, List<SampleResult>> suite : suites.entrySet()) {
            writeSuite(out, results.runId(), packageName, suite.getKey(), suite.getValue(), options);
        }
        out.append("</testsuites>\n");
    }

    /** Category name to its samples (in id order), by name, {@link #NO_CATEGORY} last. */
    private static Map<String, List<SampleResult>> suites(List<SampleResult> samples) {
        Map<String, List<SampleResult>> named = new TreeMap<>();
        List<SampleResult> uncategorized = new ArrayList<>();
        for (SampleResult sample : samples) {
            if (sample.categories().isEmpty()) {
                uncategorized.add(sample);
            }
            for (int i = 0; i < sample.categories().size(); i++) {
                String category = sample.categories().get(i);
                if (sample.categories().indexOf(category) == i) { // a category named twice is one suite
                    named.computeIfAbsent(category, c -> new ArrayList<>()).add(sample);
                }
            }
        }
        Map<String, List<SampleResult>> suites = new java.util.LinkedHashMap<>(named);
        if (!uncategorized.isEmpty()) {
            suites.merge(NO_CATEGORY, uncategorized, (a, b) -> {
                List<SampleResult> both = new ArrayList<>(a);
                both.addAll(b);
                both.sort(java.util.Comparator.comparingInt(SampleResult::regressionTestId));
                return both;
            });
        }
        return suites;
    }

    private static void writeSuite(
            StringBuilder out,
            int runId,
            String packageName,
            String category,
            List<SampleResult> samples,
            Options options) {
        long millis = 0;
        int skipped = 0;
        for (SampleResult sample : samples) {
            millis += millis(sample);
            if (!sample.ran()) {
                skipped++;
            }
        }
        String name = PlainText.oneLine(category);
        out.append("  <testsuite");
        attribute(out, "name", name);
        attribute(out, "tests", samples.size());
        attribute(out, "failures", count(samples, SampleStatus.FAIL));
        attribute(out, "errors", count(samples, SampleStatus.MISSING_OUTPUT));
        attribute(out, "skipped", skipped);
        attribute(out, "time", seconds(millis));
        out.append(">\n");
        String classname = packageName + "." + classPart(name);
        for (SampleResult sample : samples) {
            writeCase(out, runId, classname, sample, options);
        }
        out.append("  </testsuite>\n");
    }

    private static void writeCase(
            StringBuilder out, int runId, String classname, SampleResult sample, Options options) {
        out.append("    <testcase");
        attribute(out, "classname", classname);
        attribute(out, "name", caseName(sample));
        if (sample.runtimeMs() != null) {
            attribute(out, "time", seconds(millis(sample)));
        }
        if (sample.status() == SampleStatus.PASS) {
            out.append("/>\n");
            return;
        }
        out.append(">\n");
        if (!sample.ran()) {
            out.append("      <skipped");
            attribute(out, "message", "never ran in run " + runId);
            out.append("/>\n");
        } else {
            String element = sample.status() == SampleStatus.FAIL ? "failure" : "error";
            out.append("      <").append(element);
            attribute(out, "type", sample.status().wireValue());
            attribute(out, "message", message(sample, options.note().about(sample)));
            out.append('>');
            details(out, runId, sample, options.links());
            out.append("</").append(element).append(">\n");
        }
        out.append("    </testcase>\n");
    }

    /** {@code <sample name> #<regression test id>}; without a name, the sample id or the words "regression test". */
    static String caseName(SampleResult sample) {
        String name = sample.sampleName() != null
                ? PlainText.oneLine(sample.sampleName())
                : sample.sampleId() != null ? "sample " + sample.sampleId() : "regression test";
        return name + " #" + sample.regressionTestId();
    }

    /** One line: the comparison's note, what happened, the exit code and the differing outputs. */
    static String message(SampleResult sample, String note) {
        StringBuilder message = new StringBuilder(96);
        if (note != null && !note.isBlank()) {
            message.append(PlainText.oneLine(note)).append(": ");
        }
        message.append(sample.status() == SampleStatus.MISSING_OUTPUT ? "no output" : "failed");
        message.append("; ").append(FailureWording.exitCode(sample.exitCode(), sample.expectedRc()));
        List<FailedOutput> outputs = sample.differingOutputs();
        if (!outputs.isEmpty()) {
            message.append("; ")
                    .append(outputs.size())
                    .append(outputs.size() == 1 ? " output differs: " : " outputs differ: ");
            for (int i = 0; i < Math.min(OUTPUTS_IN_MESSAGE, outputs.size()); i++) {
                message.append(i == 0 ? "" : ", ")
                        .append(PlainText.oneLine(
                                FailureWording.clip(outputs.get(i).filename())));
            }
            if (outputs.size() > OUTPUTS_IN_MESSAGE) {
                message.append(" and ")
                        .append(outputs.size() - OUTPUTS_IN_MESSAGE)
                        .append(" more");
            }
        }
        return message.toString();
    }

    /** The body of a failure or error: the links, one per line. */
    private static void details(StringBuilder out, int runId, SampleResult sample, PlatformLinks links) {
        line(
                out,
                "Regression test " + sample.regressionTestId() + ": "
                        + text(links.regressionTestPage(sample.regressionTestId())));
        if (sample.sampleId() != null) {
            line(out, "Sample " + sample.sampleId() + ": " + text(links.samplePage(sample.sampleId())));
        }
        if (!sample.categories().isEmpty()) {
            line(out, "Categories: " + PlainText.oneLine(String.join(", ", sample.categories())));
        }
        for (FailedOutput output : sample.differingOutputs()) {
            line(
                    out,
                    "Differs: " + PlainText.oneLine(FailureWording.clip(output.filename())) + " (output "
                            + output.outputId() + "), diff: "
                            + text(links.diffPage(runId, sample.regressionTestId(), output.outputId())));
        }
        line(out, "Run " + runId + ": " + text(links.runPage(runId)));
    }

    private static String text(URI link) {
        return link == null ? "(no link: the platform's address is not known)" : link.toASCIIString();
    }

    private static void line(StringBuilder out, String text) {
        out.append('\n');
        HtmlEscape.escapeInto(out, text);
    }

    private static int count(List<SampleResult> samples, SampleStatus status) {
        int n = 0;
        for (SampleResult sample : samples) {
            if (sample.status() == status) {
                n++;
            }
        }
        return n;
    }

    /** A run time in ms; none or negative counts 0. */
    private static long millis(SampleResult sample) {
        return sample.runtimeMs() == null ? 0 : Math.max(0, sample.runtimeMs());
    }

    /** Seconds with three decimals and no grouping, e.g. {@code 1.234}: the schema's time pattern. */
    static String seconds(long millis) {
        long fraction = millis % 1000;
        return (millis / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    /** A part of a class name: one line, no dot (which would move the junit plugin's package/class split). */
    private static String classPart(String text) {
        return text.replace('.', '_');
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("=\"");
        HtmlEscape.escapeInto(out, PlainText.oneLine(value));
        out.append('"');
    }

    private static void attribute(StringBuilder out, String name, long value) {
        out.append(' ').append(name).append("=\"").append(value).append('"');
    }
}
