package io.jenkins.plugins.sampleplatform.viewcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker itself, on small plugin trees it must accept or reject. */
class ViewCheckerTest {

    private static final String HEADER = "<?jelly escape-by-default='true'?>\n";

    @TempDir
    Path tree;

    private Path java;
    private Path resources;

    @BeforeEach
    void goodPlugin() throws IOException {
        java = tree.resolve("java");
        resources = tree.resolve("resources");
        write(java.resolve("p/Panel.java"), """
                package p;
                public class Panel extends Base {
                    private String name;
                    public String getName() { return name; }
                    public Child getChild() { return null; }
                    public boolean isShown() { return true; }
                    public static class DescriptorImpl { public String getDisplayName() { return "x"; } }
                }
                """);
        write(
                java.resolve("p/Base.java"),
                "package p;\npublic class Base { public String getInherited() { return null; } }\n");
        write(java.resolve("p/Child.java"), "package p;\npublic class Child { public int getValue() { return 1; } }\n");
        write(
                resources.resolve("p/Panel/summary.jelly"),
                HEADER
                        + "<j:jelly xmlns:j=\"jelly:core\"><p>${it.name} ${it.child.value} ${it.shown} ${it.inherited}</p></j:jelly>\n");
        write(
                resources.resolve("p/Panel/config.jelly"),
                HEADER
                        + "<j:jelly xmlns:j=\"jelly:core\" xmlns:f=\"/lib/form\"><f:entry field=\"name\"><f:textbox/></f:entry></j:jelly>\n");
        write(resources.resolve("p/Panel/help-name.html"), "<div>The name.</div>\n");
        write(resources.resolve("p/Panel/DescriptorImpl/extra.jelly"), HEADER + "<div>${it.displayName}</div>\n");
        write(resources.resolve("index.jelly"), HEADER + "<div>plugin</div>\n");
    }

    @Test
    void acceptsAConsistentPlugin() {
        assertThat(ViewChecker.check(resources, java)).isEmpty();
    }

    @Test
    void rejectsAViewWithoutEscapeByDefault() throws IOException {
        write(resources.resolve("p/Panel/summary.jelly"), "<div>${it.name}</div>\n");
        assertThat(ViewChecker.check(resources, java))
                .singleElement()
                .asString()
                .contains("summary.jelly")
                .contains("escape-by-default");
    }

    @Test
    void rejectsMalformedXml() throws IOException {
        write(resources.resolve("p/Panel/summary.jelly"), HEADER + "<div><p>${it.name}</div>\n");
        assertThat(ViewChecker.check(resources, java))
                .singleElement()
                .asString()
                .contains("not well-formed XML");
    }

    @Test
    void rejectsAnUnknownProperty() throws IOException {
        write(resources.resolve("p/Panel/summary.jelly"), HEADER + "<div>${it.nmae}</div>\n");
        assertThat(ViewChecker.check(resources, java))
                .singleElement()
                .asString()
                .contains("${it.nmae}")
                .contains("p.Panel has no getter, field or method 'nmae'");
    }

    @Test
    void followsGettersIntoClassesOfTheTree() throws IOException {
        write(resources.resolve("p/Panel/summary.jelly"), HEADER + "<div>${instance.child.valeu}</div>\n");
        assertThat(ViewChecker.check(resources, java))
                .singleElement()
                .asString()
                .contains("p.Child has no getter, field or method 'valeu'");
    }

    @Test
    void rejectsAFieldWithoutPropertyOrHelp() throws IOException {
        write(
                resources.resolve("p/Panel/config.jelly"),
                HEADER
                        + "<j:jelly xmlns:j=\"jelly:core\" xmlns:f=\"/lib/form\"><f:entry field=\"title\"><f:textbox/></f:entry></j:jelly>\n");
        List<String> problems = ViewChecker.check(resources, java);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("field=\"title\" is not a property of p.Panel"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("field=\"title\" has no help-title.html"));
    }

    @Test
    void rejectsHelpForNoPropertyAndViewsOfNoClass() throws IOException {
        write(resources.resolve("p/Panel/help-colour.html"), "<div>?</div>\n");
        write(resources.resolve("p/Pannel/summary.jelly"), HEADER + "<div/>\n");
        List<String> problems = ViewChecker.check(resources, java);
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).contains("help-colour.html").contains("no property 'colour'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("no class p.Pannel for this view"));
    }

    @Test
    void checksDescriptorExpressionsOnTheNestedDescriptor() throws IOException {
        write(
                resources.resolve("p/Panel/config.jelly"),
                HEADER
                        + "<j:jelly xmlns:j=\"jelly:core\"><p>${descriptor.displayName} ${descriptor.name}</p></j:jelly>\n");
        assertThat(ViewChecker.check(resources, java))
                .singleElement()
                .asString()
                .contains("${descriptor.name}")
                .contains("p.Panel.DescriptorImpl has no getter, field or method 'name'");
    }

    @Test
    void acceptsAFloatingBoxThatStartsFromTheAction() throws IOException {
        write(
                resources.resolve("p/Panel/floatingBox.jelly"),
                HEADER + "<div>${action.name} ${action.child.value}</div>\n");
        assertThat(ViewChecker.check(resources, java)).isEmpty();
    }

    @Test
    void rejectsAFloatingBoxThatTakesItForTheAction() throws IOException {
        // Jenkins includes floating boxes with "it" = the job: ${it.child} would be null on a real page.
        write(resources.resolve("p/Panel/floatingBox.jelly"), HEADER + "<div>${it.child.value}</div>\n");
        assertThat(ViewChecker.check(resources, java))
                .singleElement()
                .asString()
                .contains("floatingBox.jelly")
                .contains("'it' is the job")
                .contains("${action.child}");
    }

    @Test
    void followsActionExpressionsInAFloatingBox() throws IOException {
        write(resources.resolve("p/Panel/floatingBox.jelly"), HEADER + "<div>${action.child.valeu}</div>\n");
        assertThat(ViewChecker.check(resources, java))
                .singleElement()
                .asString()
                .contains("p.Child has no getter, field or method 'valeu'");
    }

    @Test
    void rejectsAPluginWithoutIndexJelly() throws IOException {
        Files.delete(resources.resolve("index.jelly"));
        assertThat(ViewChecker.check(resources, java))
                .singleElement()
                .asString()
                .startsWith("index.jelly: missing");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
