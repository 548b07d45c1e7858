package io.jenkins.plugins.sampleplatform.actions;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.sampleplatform.PlatformStub;
import io.jenkins.plugins.sampleplatform.PluginTestSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The build and job pages under Jenkins' own Content-Security-Policy (enforced in tests by core's
 * DevelopmentHeaderDecider): our markup has no inline style, script or event handler, and the style sheet
 * is a linked static resource that Jenkins serves.
 */
@WithJenkins
class ContentSecurityPolicyTest {

    private PlatformStub platform;
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        platform = new PlatformStub();
        PluginTestSupport.configure(platform);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void theBuildAndJobPagesNeedNoInlineStyleOrScript() throws Exception {
        platform.summary(PluginTestSupport.FAILING_RUN);
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "csp");
        job.setDefinition(new CpsFlowDefinition("sampleplatformSummary(runId: 42)", true));
        WorkflowRun build = r.buildAndAssertStatus(Result.UNSTABLE, job);

        try (JenkinsRule.WebClient web = r.createWebClient()) {
            for (Page page : new Page[] {web.getPage(build), web.getPage(job)}) {
                WebResponse response = page.getWebResponse();
                String policy = response.getResponseHeaderValue("Content-Security-Policy");
                assertThat(policy).as("an enforced policy").isNotBlank();
                assertThat(directive(policy, "script-src")).doesNotContain("'unsafe-inline'");

                String html = response.getContentAsString();
                String ours = ours(html);
                assertThat(ours)
                        .doesNotContainIgnoringCase("<style")
                        .doesNotContainIgnoringCase("<script")
                        .doesNotContain(" style=");
                assertThat(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE)
                                .matcher(ours)
                                .find())
                        .as("event handler attributes in our markup")
                        .isFalse();

                Matcher link = Pattern.compile(
                                "<link rel='stylesheet' href='([^']+/io/jenkins/plugins/sampleplatform/render/panel\\.css)'")
                        .matcher(html);
                assertThat(link.find()).as("the panel's style sheet is linked").isTrue();
                WebResponse css = web.goTo(link.group(1).substring("/jenkins/".length()), "text/css")
                        .getWebResponse();
                assertThat(css.getStatusCode()).isEqualTo(200);
                assertThat(css.getContentAsString()).contains(".sp-panel {").contains(".sp-trend {");
            }
        }
    }

    /** Our panels and trend charts on the page (neither nests another element of its own kind). */
    private static String ours(String html) {
        StringBuilder found = new StringBuilder();
        Matcher element = Pattern.compile(
                        "<section class=\"sp-panel\".*?</section>|<svg class=\"sp-trend\".*?</svg>", Pattern.DOTALL)
                .matcher(html);
        while (element.find()) {
            found.append(element.group()).append('\n');
        }
        assertThat(found).as("our markup on the page").isNotEmpty();
        return found.toString();
    }

    private static String directive(String policy, String name) {
        for (String part : policy.split(";")) {
            String trimmed = part.trim();
            if (trimmed.startsWith(name + " ")) {
                return trimmed;
            }
        }
        return "";
    }
}
