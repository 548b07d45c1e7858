package io.jenkins.plugins.sampleplatform.plugincheck;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The imports the Jenkins plugin POM's enforcer refuses in the plugin's tests, since its POM sets
 * {@code ban-junit4-imports.skip} to false: JUnit 4 ({@code junit.**} and {@code org.junit.**}, except
 * {@code org.junit.jupiter.**} and {@code org.junit.platform.**}). The plugin's tests only build with
 * {@code -P jenkins}; checking their imports here finds a JUnit 4 test (say a {@code JenkinsSessionRule}
 * where {@code JenkinsSessionExtension} is meant) in the default build instead.
 */
final class TestImportsRule {

    static final String RULE = "junit4-import";

    private final Path root;
    private int filesChecked;

    TestImportsRule(Path testJava) {
        this.root = testJava;
    }

    List<Finding> check() {
        List<Finding> findings = new ArrayList<>();
        JavaParser parser =
                new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                filesChecked++;
                String name = root.relativize(file).toString();
                ParseResult<CompilationUnit> parsed = parser.parse(file);
                if (parsed.getResult().isEmpty()) {
                    findings.add(new Finding(name, 1, RULE, "cannot be parsed: " + parsed.getProblems()));
                    continue;
                }
                for (ImportDeclaration declaration : parsed.getResult().get().getImports()) {
                    String imported = declaration.getNameAsString();
                    if (isJUnit4(imported)) {
                        findings.add(new Finding(
                                name,
                                declaration.getBegin().map(p -> p.line).orElse(1),
                                RULE,
                                "imports " + imported + ": the plugin POM's enforcer bans JUnit 4 imports; use"
                                        + " JUnit 5 (org.junit.jupiter, @WithJenkins, JenkinsSessionExtension)"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    /** How many test files were read (a check over no file would pass for the wrong reason). */
    int filesChecked() {
        return filesChecked;
    }

    static boolean isJUnit4(String imported) {
        boolean junit = imported.equals("junit")
                || imported.startsWith("junit.")
                || imported.equals("org.junit")
                || imported.startsWith("org.junit.");
        return junit && !imported.startsWith("org.junit.jupiter.") && !imported.startsWith("org.junit.platform.");
    }
}
