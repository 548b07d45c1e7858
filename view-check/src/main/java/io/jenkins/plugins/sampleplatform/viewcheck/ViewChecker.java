package io.jenkins.plugins.sampleplatform.viewcheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks a plugin's Jelly views and help files against its Java sources:
 * <ul>
 *   <li>every {@code .jelly} file is well-formed XML and starts with {@code <?jelly escape-by-default='true'?>};</li>
 *   <li>every {@code ${it.x}} / {@code ${instance.x}} names a getter, field or method of the class the view
 *       belongs to (its folder), following getters whose type is in the same tree ({@code ${it.a.b}});
 *       {@code ${descriptor.x}} is checked on the class's nested {@code DescriptorImpl} (or the class itself,
 *       which is its own descriptor for a {@code GlobalConfiguration});</li>
 *   <li>in a {@code floatingBox.jelly}, which Jenkins includes with {@code it} still bound to the <em>job</em>,
 *       expressions must start from {@code ${action.x}}; {@code ${it.x}} there is reported;</li>
 *   <li>every {@code field="x"} names a property of that class and has a {@code help-x.html};</li>
 *   <li>every {@code help-x.html} belongs to a property of that class;</li>
 *   <li>the plugin has an {@code index.jelly} (its description; maven-hpi-plugin refuses to package without one).</li>
 * </ul>
 */
public final class ViewChecker {

    private static final String ESCAPE_HEADER = "<?jelly escape-by-default='true'?>";
    private static final Pattern EXPRESSION =
            Pattern.compile("\\$\\{\\s*(it|instance|descriptor|action)((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");
    /** Views that Jenkins includes from a job's page with {@code it} = the job and {@code action} = this class. */
    private static final String FLOATING_BOX = "floatingBox.jelly";

    private static final Pattern HELP_FILE = Pattern.compile("help-([A-Za-z0-9_]+)\\.html");

    private final Path resources;
    private final SourceIndex sources;

    private ViewChecker(Path resources, SourceIndex sources) {
        this.resources = resources;
        this.sources = sources;
    }

    /**
     * Checks every view below {@code resources} against the sources below {@code javaRoot}.
     *
     * @return one line per problem, {@code path: what is wrong}; empty when all is well
     */
    public static List<String> check(Path resources, Path javaRoot) {
        ViewChecker checker = new ViewChecker(resources, SourceIndex.of(javaRoot));
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(resources.resolve("index.jelly"))) {
            problems.add(
                    "index.jelly: missing; the plugin's description (maven-hpi-plugin will not package without it)");
        }
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".jelly")) {
                    checker.checkView(file, problems);
                } else if (HELP_FILE.matcher(name).matches()) {
                    checker.checkHelp(file, problems);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private void checkView(Path view, List<String> problems) throws IOException {
        String where = resources.relativize(view).toString();
        String text = Files.readString(view, StandardCharsets.UTF_8);
        if (!text.startsWith(ESCAPE_HEADER)) {
            problems.add(where + ": does not start with " + ESCAPE_HEADER);
        }
        Document document;
        try (InputStream in = Files.newInputStream(view)) {
            document = parser().parse(in);
        } catch (SAXException e) {
            problems.add(where + ": not well-formed XML: " + e.getMessage());
            return;
        }
        Optional<SourceIndex.ClassInfo> bound = boundClass(view);
        if (bound.isEmpty()) {
            if (!view.getParent().equals(resources)) {
                problems.add(where + ": no class " + classNameOf(view.getParent()) + " for this view");
            }
            return;
        }
        boolean floatingBox = view.getFileName().toString().equals(FLOATING_BOX);
        Matcher matcher = EXPRESSION.matcher(text);
        while (matcher.find()) {
            String variable = matcher.group(1);
            String[] chain = matcher.group(2).substring(1).split("\\.");
            if (floatingBox && variable.equals("it")) {
                problems.add(where + ": " + matcher.group(0) + "}: in a floating box 'it' is the job, not "
                        + bound.get().name() + "; start from ${action." + chain[0] + "}");
            } else if (variable.equals("descriptor")) {
                checkChain(where, descriptorOf(bound.get()), matcher.group(0), chain, problems);
            } else if (variable.equals("action") && !floatingBox) {
                continue; // not a variable Jenkins binds in other views; nothing to check against
            } else {
                checkChain(where, bound.get(), matcher.group(0), chain, problems);
            }
        }
        NodeList elements = document.getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            String field = ((Element) elements.item(i)).getAttribute("field");
            if (field.isEmpty()) {
                continue;
            }
            if (!sources.has(bound.get(), field)) {
                problems.add(where + ": field=\"" + field + "\" is not a property of "
                        + bound.get().name());
            }
            if (!Files.exists(view.resolveSibling("help-" + field + ".html"))) {
                problems.add(where + ": field=\"" + field + "\" has no help-" + field + ".html");
            }
        }
    }

    private void checkChain(
            String where, SourceIndex.ClassInfo start, String expression, String[] chain, List<String> problems) {
        SourceIndex.ClassInfo current = start;
        for (String member : chain) {
            if (!sources.has(current, member)) {
                problems.add(where + ": " + expression + "}: " + current.name() + " has no getter, field or method '"
                        + member + "'");
                return;
            }
            Optional<SourceIndex.ClassInfo> next = sources.typeOf(current, member);
            if (next.isEmpty()) {
                return; // a type outside this tree (a Jenkins class): not checked further
            }
            current = next.get();
        }
    }

    /** The nested {@code DescriptorImpl} of {@code cls}, or {@code cls} itself (a GlobalConfiguration is its own descriptor). */
    private SourceIndex.ClassInfo descriptorOf(SourceIndex.ClassInfo cls) {
        return sources.find(cls.name() + ".DescriptorImpl").orElse(cls);
    }

    private void checkHelp(Path help, List<String> problems) {
        Matcher matcher = HELP_FILE.matcher(help.getFileName().toString());
        if (!matcher.matches()) {
            return;
        }
        Optional<SourceIndex.ClassInfo> bound = boundClass(help);
        String where = resources.relativize(help).toString();
        if (bound.isEmpty()) {
            problems.add(where + ": no class " + classNameOf(help.getParent()) + " for this help file");
        } else if (!sources.has(bound.get(), matcher.group(1))) {
            problems.add(where + ": " + bound.get().name() + " has no property '" + matcher.group(1) + "'");
        }
    }

    /** The class a view belongs to: its folder, read as a class name ({@code a/b/Outer/Inner} is {@code a.b.Outer.Inner}). */
    private Optional<SourceIndex.ClassInfo> boundClass(Path file) {
        Path folder = file.getParent();
        if (folder == null || folder.equals(resources)) {
            return Optional.empty();
        }
        return sources.find(classNameOf(folder));
    }

    private String classNameOf(Path folder) {
        return resources
                .relativize(folder)
                .toString()
                .replace(folder.getFileSystem().getSeparator(), ".");
    }

    private static javax.xml.parsers.DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // Views are our own files, but a parser that fetches nothing is the only kind worth having.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // fail on errors, print nothing
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
