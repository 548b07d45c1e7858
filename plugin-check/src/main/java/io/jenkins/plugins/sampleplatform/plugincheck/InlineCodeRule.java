package io.jenkins.plugins.sampleplatform.plugincheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The views and help files run no inline script or style: Jenkins' Content-Security-Policy allows
 * {@code 'unsafe-inline'} only for now, so CSS and JavaScript ship as files of the plugin (an adjunct or
 * a {@code ${resURL}} link). Reports {@code <script>} without {@code src} or with a body, {@code <style>},
 * {@code style="..."} and {@code on...="..."} handlers on HTML elements (Jelly tags are left alone).
 */
final class InlineCodeRule {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final Pattern EVENT_HANDLER = Pattern.compile("on[a-z]+");
    /** Help files are HTML fragments, not always XML: read as text. */
    private static final Pattern HELP_FILE = Pattern.compile("help(-[A-Za-z0-9_]+)?\\.html");

    private static final Pattern HTML_INLINE = Pattern.compile(
            "<script(?![^>]*\\ssrc=)[^>]*>|<style[\\s>]|\\sstyle\\s*=|\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private final Path resources;

    InlineCodeRule(Path resources) {
        this.resources = resources;
    }

    List<Finding> check() {
        List<Finding> findings = new ArrayList<>();
        if (!Files.isDirectory(resources)) {
            return findings;
        }
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".jelly")) {
                    checkView(file, findings);
                } else if (HELP_FILE.matcher(name).matches()) {
                    checkHelp(file, findings);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    private void checkView(Path view, List<Finding> findings) throws IOException {
        String where = resources.relativize(view).toString();
        org.w3c.dom.Document document;
        try (InputStream in = Files.newInputStream(view)) {
            document = parser().parse(in);
        } catch (SAXException e) {
            findings.add(new Finding(where, 1, "view-xml", "not well-formed XML: " + e.getMessage()));
            return;
        }
        NodeList elements = document.getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            String namespace = element.getNamespaceURI();
            if (namespace != null && !namespace.equals(XHTML)) {
                continue; // a Jelly tag (j:, l:, f:, st:, ...), not an HTML element
            }
            String tag = element.getLocalName();
            if (tag.equals("script")
                    && (element.getAttribute("src").isEmpty()
                            || !element.getTextContent().isBlank())) {
                findings.add(inline(where, "an inline <script>"));
            } else if (tag.equals("style")) {
                findings.add(inline(where, "an inline <style>"));
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Attr attribute = (Attr) attributes.item(a);
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                if (attribute.getNamespaceURI() != null) {
                    continue;
                }
                if (name.equals("style")) {
                    findings.add(inline(where, "a style=\"...\" attribute on <" + tag + ">"));
                } else if (EVENT_HANDLER.matcher(name).matches()) {
                    findings.add(inline(where, "an " + name + "=\"...\" handler on <" + tag + ">"));
                }
            }
        }
    }

    private void checkHelp(Path help, List<Finding> findings) throws IOException {
        String where = resources.relativize(help).toString();
        String text = Files.readString(help, StandardCharsets.UTF_8);
        Matcher matcher = HTML_INLINE.matcher(text);
        while (matcher.find()) {
            int line = 1
                    + (int) text.substring(0, matcher.start())
                            .chars()
                            .filter(c -> c == '\n')
                            .count();
            findings.add(new Finding(
                    where,
                    line,
                    "inline-code",
                    "inline script or style (" + matcher.group().strip() + ")"));
        }
    }

    private static Finding inline(String where, String what) {
        return new Finding(
                where,
                1,
                "inline-code",
                what + ": Jenkins' Content-Security-Policy will block it; ship it as a file of the plugin");
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
