package io.jenkins.plugins.sampleplatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code --format junit} and {@code --junit FILE} through the real jar: against a platform on loopback (run 42,
 * 250 results of which every 10th fails and every 50th has no output, and 3 selected samples that never ran), and
 * on the demo database.
 */
class JUnitCommandIT {

    private static final String TOKEN = "spci_cli_junit_77aa";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RESULTS = 250;

    @TempDir
    Path directory;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean samplesForbidden;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/runs/42", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String status(int id) {
        return id % 50 == 0 ? "missing_output" : id % 10 == 0 ? "fail" : "pass";
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = String.valueOf(exchange.getRequestURI().getRawQuery());
        requests.add(path.substring("/api/v1/runs/42".length()) + "?" + query);
        int code = 200;
        String body;
        if (path.endsWith("/summary")) {
            body = "{\"run_id\":42,\"status\":\"fail\",\"total_samples\":253,\"pass_count\":225,\"fail_count\":20,"
                    + "\"skipped_count\":3,\"missing_output_count\":5,\"error_count\":25,\"duration_ms\":250000}";
        } else if (path.endsWith("/config")) {
            body = "{\"run_id\":42,\"platform\":\"linux\",\"regression_test_ids\":[251,252,253,1,2]}";
        } else if (path.endsWith("/samples") && samplesForbidden) {
            code = 403;
            body = "{\"code\":\"forbidden\",\"message\":\"Token lacks the required scopes for this operation.\","
                    + "\"details\":{\"missing_scopes\":[\"runs:read\"]}}";
        } else if (path.endsWith("/samples")) {
            body = page(query);
        } else {
            body = "{\"run_id\":42,\"status\":\"fail\",\"platform\":\"linux\",\"test_type\":\"commit\","
                    + "\"repository\":\"CCExtractor/ccextractor\",\"commit_sha\":\"" + "a".repeat(40) + "\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A page of the unfiltered listing, newest results first (the platform does not sort). */
    private static String page(String query) throws IOException {
        int limit = intParam(query, "limit", 50);
        int offset = intParam(query, "offset", 0);
        ObjectNode envelope = JSON.createObjectNode();
        ArrayNode data = envelope.putArray("data");
        for (int i = offset; i < Math.min(RESULTS, offset + limit); i++) {
            int id = RESULTS - i;
            ObjectNode item = data.addObject()
                    .put("regression_test_id", id)
                    .put("sample_id", 1000 + id)
                    .put("sample_name", "s" + id + (id == 10 ? "]]><x>\u0001.ts" : ".ts"))
                    .put("status", status(id))
                    .put("exit_code", id % 50 == 0 ? 139 : 0)
                    .put("expected_rc", 0)
                    .put("runtime_ms", 1000 + id)
                    .put("command", "-autoprogram");
            ArrayNode categories = item.putArray("categories");
            if (id % 3 != 0) {
                categories.add(id % 2 == 0 ? "DVB" : "Teletext");
            }
            ArrayNode outputs = item.putArray("outputs");
            outputs.addObject()
                    .put("output_id", 5000 + id)
                    .put("filename", "h" + id + ".srt")
                    .put("status", status(id).equals("fail") ? "fail" : "pass");
        }
        envelope.putObject("pagination")
                .put("limit", limit)
                .put("offset", offset)
                .put("total", RESULTS)
                .put("next_offset", offset + limit < RESULTS ? offset + limit : null);
        return JSON.writeValueAsString(envelope);
    }

    private static int intParam(String query, String name, int fallback) {
        Matcher m = Pattern.compile("(?:^|&)" + name + "=(\\d+)").matcher(query);
        return m.find() ? Integer.parseInt(m.group(1)) : fallback;
    }

    private String site() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private CliProcess.Outcome summary(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("summary", "--url", site() + "/api/v1", "--run", "42"));
        args.addAll(List.of(more));
        return CliProcess.run(Map.of("SAMPLEPLATFORM_TOKEN", TOKEN), args.toArray(String[]::new));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    @Test
    void formatJunitPrintsEverySampleAndExitsWithTheVerdict() throws Exception {
        CliProcess.Outcome outcome = summary("--format", "junit", "--verbose");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.FAILURE);
        Document document = parse(outcome.stdout());
        Element root = document.getDocumentElement();
        assertThat(root.getAttribute("name")).isEqualTo("Sample Platform run 42 (linux)");
        assertThat(elements(document, "testsuite"))
                .extracting(s -> s.getAttribute("name"))
                .containsExactly("DVB", "Teletext", "(no category)");
        List<Element> cases = elements(document, "testcase");
        assertThat(cases).hasSize(RESULTS + 3);
        assertThat(elements(document, "failure")).hasSize(20);
        assertThat(elements(document, "error")).hasSize(5);
        assertThat(elements(document, "skipped"))
                .as("251 to 253 never ran; 1 and 2 did")
                .hasSize(3);
        Element ten = cases.stream()
                .filter(c -> c.getAttribute("name").endsWith(" #10"))
                .findFirst()
                .orElseThrow();
        assertThat(ten.getAttribute("name")).isEqualTo("s10]]><x>?.ts #10");
        assertThat(ten.getAttribute("classname")).isEqualTo("sampleplatform.linux.DVB");
        assertThat(ten.getAttribute("time")).isEqualTo("1.010");
        Element failure = (Element) ten.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("failed; exit code 0 as expected; 1 output differs: h10.srt");
        assertThat(failure.getTextContent())
                .contains(
                        site() + "/regression/test/10/view",
                        site() + "/sample/1010",
                        site() + "/test/diff/42/10/5010/0");
        assertThat(requests)
                .containsExactly(
                        "/summary?null",
                        "/samples?limit=100",
                        "/samples?limit=100&offset=100",
                        "/samples?limit=100&offset=200",
                        "/config?null",
                        "?null");
        assertThat(outcome.stderr())
                .contains("JUnit report of run 42: 253 samples, listed in 4 API requests (3 pages of GET"
                        + " /runs/42/samples, 1 GET /runs/42/config).")
                .doesNotContain(TOKEN);
    }

    @Test
    void junitFileBesideJsonOnStandardOutput() throws Exception {
        Path file = directory.resolve("reports/sampleplatform.xml");
        Files.createDirectories(file.getParent());

        CliProcess.Outcome outcome = summary("--format", "json", "--junit", file.toString());

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.FAILURE);
        assertThat(JSON.readTree(outcome.stdout()).get("run_id").asInt()).isEqualTo(42);
        assertThat(elements(parse(Files.readString(file)), "testcase")).hasSize(RESULTS + 3);
        assertThat(file.resolveSibling("sampleplatform.xml.partial")).doesNotExist();
        assertThat(outcome.stderr()).as("no verbose, no cost line").doesNotContain("API requests");
    }

    @Test
    void aJunitFileInADirectoryThatDoesNotExistIsBadUsageBeforeAnyRequest() throws Exception {
        CliProcess.Outcome outcome =
                summary("--junit", directory.resolve("missing/report.xml").toString());

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.stderr()).contains("--junit", "missing", "does not exist");
        assertThat(requests).isEmpty();
    }

    @Test
    void aListingTheTokenMayNotReadIsNoReportAndSaysWhy() throws Exception {
        samplesForbidden = true;
        Path file = directory.resolve("report.xml");

        CliProcess.Outcome outcome = summary("--junit", file.toString());

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.NO_SUMMARY);
        assertThat(outcome.stderr())
                .contains("could not list the samples of run 42 for the JUnit report")
                .contains("runs:read");
        assertThat(file).doesNotExist();
    }

    @Test
    void theDemoDatabaseGivesTheSameReportFromTheDatabase() throws Exception {
        Path file = directory.resolve("demo.xml");

        CliProcess.Outcome outcome = CliProcess.summary(
                Map.of("XDG_DATA_HOME", directory.toString()),
                "--demo",
                "--run",
                "3",
                "--junit",
                file.toString(),
                "--verbose");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.FAILURE);
        Document document = parse(Files.readString(file));
        assertThat(elements(document, "error")).as("2 samples without output").hasSize(2);
        assertThat(elements(document, "skipped")).as("1 skipped").hasSize(1);
        assertThat(elements(document, "testcase").get(0).getAttribute("classname"))
                .startsWith("sampleplatform.linux.");
        assertThat(outcome.stderr()).contains("listed in 5 SQL statements");
        assertThat(outcome.stdout()).contains("Sample Platform run 3");
    }
}
