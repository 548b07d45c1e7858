package io.jenkins.plugins.sampleplatform.plugincheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The static security check of a Jenkins plugin's sources, for a build that cannot compile the plugin:
 * <ul>
 *   <li>every web method (what Stapler routes a URL to, as Jenkins decides it) is {@code @POST} or
 *       {@code @RequirePOST} ({@code @GET} only on an {@code Action}) and checks a permission;</li>
 *   <li>no secret ({@code Secret}, or a token/password text field) in an {@code Action} or in the
 *       plugin's types an action keeps, which XStream writes into {@code build.xml};</li>
 *   <li>no thread pool, thread or sleep of its own: work runs on the one bounded executor and waits are timer
 *       reschedules, so waiting builds hold no thread ({@link ThreadsRule});</li>
 *   <li>no inline script or style in the views and help files (Content-Security-Policy);</li>
 *   <li>no JUnit 4 import in the tests, which the plugin POM's enforcer refuses ({@link #checkTests}).</li>
 * </ul>
 * Escape-by-default and the names views use are the view check's ({@code view-check/}).
 */
public final class PluginCheck {

    /** What the check found, and how much it looked at (so that a check over nothing is visible). */
    public record Report(List<Finding> findings, int webMethods, int actions) {}

    /** What the check of the tests found, and how many test files it read. */
    public record TestReport(List<Finding> findings, int files) {}

    private PluginCheck() {}

    /**
     * Checks a plugin's {@code src/main}.
     *
     * @param sourceMain the folder holding {@code java/} and {@code resources/}
     */
    public static Report check(Path sourceMain) {
        SourceTree tree = SourceTree.parse(sourceMain.resolve("java"));
        WebMethodRule webMethods = new WebMethodRule(tree);
        SavedSecretsRule secrets = new SavedSecretsRule(tree);
        List<Finding> findings = new ArrayList<>(tree.unreadable());
        findings.addAll(webMethods.check());
        findings.addAll(secrets.check());
        findings.addAll(new ThreadsRule(tree).check());
        findings.addAll(new InlineCodeRule(sourceMain.resolve("resources")).check());
        findings.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::line));
        return new Report(List.copyOf(findings), webMethods.webMethodsChecked(), secrets.actionsChecked());
    }

    /**
     * Checks a plugin's test sources for imports the plugin POM's enforcer refuses (JUnit 4).
     *
     * @param testJava the folder holding the tests' Java sources
     */
    public static TestReport checkTests(Path testJava) {
        TestImportsRule rule = new TestImportsRule(testJava);
        List<Finding> findings = rule.check();
        return new TestReport(List.copyOf(findings), rule.filesChecked());
    }
}
