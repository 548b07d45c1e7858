package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The structural rules of the JUnit schema Jenkins' xunit plugin ships for the junit plugin's format
 * ({@code junit-10.xsd}; see {@code JUnitXmlSchemaTest}), stated here in our own words so that every build checks
 * them, with or without a copy of the schema: which element may hold which, which attributes each may carry and
 * which are required, and the pattern of a suite's {@code time}. Beyond the schema, the counts of each suite must
 * agree with its test cases.
 */
final class JUnitSchemaRules {

    /** The schema's SUREFIRE_TIME: digits (optionally grouped by commas), at most three decimals. */
    private static final Pattern TIME = Pattern.compile("(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\\.[0-9]{0,3})?");

    private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "testsuites", Set.of("name", "time", "tests", "failures", "errors"),
            "testsuite",
                    Set.of(
                            "name",
                            "tests",
                            "failures",
                            "errors",
                            "group",
                            "time",
                            "skipped",
                            "timestamp",
                            "hostname",
                            "id",
                            "package",
                            "file",
                            "log",
                            "url",
                            "version"),
            "testcase", Set.of("name", "time", "classname", "group"),
            "failure", Set.of("type", "message"),
            "error", Set.of("type", "message"),
            "skipped", Set.of("type", "message"));

    private static final Map<String, Set<String>> REQUIRED = Map.of(
            "testsuite", Set.of("name", "tests", "failures", "errors"),
            "testcase", Set.of("name"));

    private static final Map<String, Set<String>> CHILDREN = Map.of(
            "testsuites", Set.of("testsuite"),
            "testsuite", Set.of("testsuite", "properties", "testcase", "system-out", "system-err"),
            "testcase",
                    Set.of(
                            "skipped",
                            "error",
                            "failure",
                            "rerunFailure",
                            "rerunError",
                            "flakyFailure",
                            "flakyError",
                            "system-out",
                            "system-err"),
            "failure", Set.of(),
            "error", Set.of(),
            "skipped", Set.of());

    private JUnitSchemaRules() {}

    /** Parses {@code xml} (it must be well-formed, with no DTD) and checks every rule; returns the document. */
    static Document check(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        Element root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        checkElement(root);
        for (Element suite : children(root)) {
            checkCounts(suite);
        }
        return document;
    }

    private static void checkElement(Element element) {
        String name = element.getTagName();
        assertThat(ATTRIBUTES).as("an element the schema knows").containsKey(name);
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            assertThat(ATTRIBUTES.get(name)).as("attributes of %s", name).contains(attribute.getName());
        }
        for (String required : REQUIRED.getOrDefault(name, Set.of())) {
            assertThat(element.hasAttribute(required))
                    .as("%s has %s", name, required)
                    .isTrue();
        }
        if ((name.equals("testsuite") || name.equals("testsuites")) && element.hasAttribute("time")) {
            assertThat(element.getAttribute("time"))
                    .as("the time of a %s", name)
                    .matches(TIME);
        }
        for (Element child : children(element)) {
            assertThat(CHILDREN.get(name)).as("children of %s", name).contains(child.getTagName());
            checkElement(child);
        }
    }

    private static void checkCounts(Element suite) {
        List<Element> cases = children(suite).stream()
                .filter(e -> e.getTagName().equals("testcase"))
                .toList();
        assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(cases.size()));
        assertThat(suite.getAttribute("failures")).isEqualTo(String.valueOf(withChild(cases, "failure")));
        assertThat(suite.getAttribute("errors")).isEqualTo(String.valueOf(withChild(cases, "error")));
        assertThat(suite.getAttribute("skipped")).isEqualTo(String.valueOf(withChild(cases, "skipped")));
    }

    private static long withChild(List<Element> cases, String tag) {
        return cases.stream()
                .filter(c -> children(c).stream().anyMatch(e -> e.getTagName().equals(tag)))
                .count();
    }

    static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }
}
