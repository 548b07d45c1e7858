package io.jenkins.plugins.sampleplatform.plugincheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The repository stays releasable by the Jenkins project's infrastructure (DEVELOPERS.md, "Releasing"),
 * which the default build cannot try: one {@code ${changelist}} version everywhere, the plugin on the core
 * of the same reactor, the {@code jenkins} profile on for {@code -Dset.changelist}, JEP-229's {@code .mvn/}.
 */
class ReleaseLayoutTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void everyModuleSharesTheChangelistVersion() throws Exception {
        Document root = read(ROOT.resolve("pom.xml"));
        assertThat(text(root.getDocumentElement(), "version")).isEqualTo("${changelist}");
        assertThat(text(child(root.getDocumentElement(), "properties"), "changelist"))
                .isEqualTo("999999-SNAPSHOT");
        List<String> modules = texts(child(root.getDocumentElement(), "modules"), "module");
        assertThat(modules).contains("core", "plugin-check").doesNotContain("plugin");
        for (String module : modules) {
            Element parent = child(read(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement(), "parent");
            assertThat(text(parent, "version")).as(module + "'s parent version").isEqualTo("${changelist}");
        }
    }

    @Test
    void theJenkinsProfileIsOnForTheJenkinsProjectsBuilds() throws Exception {
        Element profiles = child(read(ROOT.resolve("pom.xml")).getDocumentElement(), "profiles");
        Element jenkins = null;
        for (Element profile : children(profiles, "profile")) {
            if (text(profile, "id").equals("jenkins")) {
                jenkins = profile;
            }
        }
        assertThat(jenkins).as("the jenkins profile").isNotNull();
        assertThat(texts(child(jenkins, "modules"), "module")).containsExactly("plugin");
        assertThat(text(child(child(jenkins, "activation"), "property"), "name"))
                .isEqualTo("set.changelist");
    }

    @Test
    void thePluginBundlesTheCoreOfTheSameReactorAndNoSnapshot() throws Exception {
        Element plugin = read(ROOT.resolve("plugin/pom.xml")).getDocumentElement();
        assertThat(text(plugin, "version")).isEqualTo("${changelist}");
        assertThat(text(child(plugin, "scm"), "connection")).startsWith("scm:git:https://github.com/");
        Element core = null;
        for (Element dependency : children(child(plugin, "dependencies"), "dependency")) {
            assertThat(text(dependency, "version")).doesNotEndWith("-SNAPSHOT");
            if (text(dependency, "artifactId").equals("sampleplatform-core")) {
                core = dependency;
            }
        }
        assertThat(core).as("the core dependency").isNotNull();
        assertThat(text(core, "version")).isEqualTo("${project.version}");
        List<String> excluded = new ArrayList<>();
        for (Element exclusion : children(child(core, "exclusions"), "exclusion")) {
            excluded.add(text(exclusion, "artifactId"));
        }
        assertThat(excluded).as("not bundled in the .hpi").contains("sqlite-jdbc");
    }

    /**
     * Core is compiled against the Jackson that jackson2-api ships in Jenkins (issue 20): the root POM says which
     * BOM it read that from, and a BOM update in plugin/pom.xml fails here until the Jackson version is checked
     * again (the default build cannot read the BOM: it is in the Jenkins repository).
     */
    @Test
    void coresJacksonWasReadFromThePluginsBom() throws Exception {
        Element properties = child(read(ROOT.resolve("pom.xml")).getDocumentElement(), "properties");
        Element plugin = read(ROOT.resolve("plugin/pom.xml")).getDocumentElement();
        String bom = null;
        for (Element dependency :
                children(child(child(plugin, "dependencyManagement"), "dependencies"), "dependency")) {
            if (text(dependency, "groupId").equals("io.jenkins.tools.bom")) {
                bom = text(dependency, "version");
            }
        }
        assertThat(bom).as("the plugin's BOM").isNotNull();
        assertThat(text(properties, "jackson.bom"))
                .as("the BOM that jackson.version was read from (jackson2-api's version starts with it)")
                .isEqualTo(bom);
        assertThat(text(properties, "jackson.version")).matches("2\\.\\d+\\.\\d+");
    }

    @Test
    void continuousDeliveryIsSetUp() throws IOException {
        assertThat(Files.readString(ROOT.resolve(".mvn/extensions.xml")))
                .contains("<artifactId>git-changelist-maven-extension</artifactId>");
        assertThat(Files.readAllLines(ROOT.resolve(".mvn/maven.config")))
                .contains("-Pconsume-incrementals", "-Pmight-produce-incrementals", "-Dchangelist.format=%d.v%s");
        assertThat(Files.readString(ROOT.resolve("Jenkinsfile"))).contains("buildPlugin(");
        assertThat(Files.readString(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties")))
                .containsPattern("apache-maven/3\\.9\\.\\d+/");
    }

    private static Document read(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().strip();
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream()
                .map(e -> e.getTextContent().strip())
                .toList();
    }
}
