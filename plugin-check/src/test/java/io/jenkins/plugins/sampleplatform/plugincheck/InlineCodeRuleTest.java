package io.jenkins.plugins.sampleplatform.plugincheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InlineCodeRuleTest {

    @TempDir
    Path folder;

    private static final String HEADER = """
            <?jelly escape-by-default='true'?>
            <j:jelly xmlns:j="jelly:core" xmlns:l="/lib/layout" xmlns:st="jelly:stapler">
            """;

    private PluginCheck.Report view(String body) {
        return new PluginSources(folder)
                .java("X", "package demo; class X {}")
                .resource("demo/X/index.jelly", HEADER + body + "\n</j:jelly>\n")
                .check();
    }

    @Test
    void aViewWithStylesheetsAndAdjunctsPasses() {
        PluginCheck.Report report = view("""
                <st:adjunct includes="io.jenkins.plugins.sampleplatform.panel"/>
                <link rel="stylesheet" href="${resURL}/plugin/sampleplatform/panel.css"/>
                <script src="${resURL}/plugin/sampleplatform/panel.js"/>
                <div class="sp-panel"><l:icon src="symbol-x" class="icon-sm"/>${it.displayName}</div>
                """);

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void inlineScriptStyleAndHandlersAreRejected() {
        PluginCheck.Report report = view("""
                <script>alert(1)</script>
                <style>.sp { color: red }</style>
                <div style="color: red" onclick="go()">x</div>
                """);

        assertThat(report.findings())
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("an inline <script>"))
                .anySatisfy(m -> assertThat(m).startsWith("an inline <style>"))
                .anySatisfy(m -> assertThat(m).startsWith("a style=\"...\" attribute on <div>"))
                .anySatisfy(m -> assertThat(m).startsWith("an onclick=\"...\" handler on <div>"))
                .hasSize(4);
    }

    @Test
    void aHelpFileWithInlineCodeIsRejected() {
        PluginCheck.Report report = new PluginSources(folder)
                .java("X", "package demo; class X {}")
                .resource("demo/X/help-runId.html", "<div>\n  The run, e.g. <code>42</code>.\n</div>\n")
                .resource("demo/X/help-baseUrl.html", "<div>\n  <p style=\"color:red\">Careful</p>\n</div>\n")
                .check();

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("demo/X/help-baseUrl.html");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.rule()).isEqualTo("inline-code");
        });
    }
}
