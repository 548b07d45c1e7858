package io.jenkins.plugins.sampleplatform.plugincheck;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * No secret in an {@code Action} or in anything an action keeps: XStream writes every non-transient field
 * of a build's actions into {@code build.xml} (and serves actions to the REST API and views), so a token
 * or password there leaks to anyone who reads the build or its files. The same for a type that writes
 * itself next to a job or build ({@code XmlFile.write(this)}, e.g. a per-job history). Follows the
 * non-transient fields into the plugin's own types they hold (records, lists of them, ...).
 */
final class SavedSecretsRule {

    /** Jenkins' {@code Action} and the interfaces and classes of 2.568.2 that extend it. */
    static final Set<String> ACTIONS = Set.of(
            "Action",
            "InvisibleAction",
            "RunAction",
            "RunAction2",
            "LastBuildAction",
            "EnvironmentContributingAction",
            "HealthReportingAction",
            "ProminentProjectAction",
            "PermalinkProjectAction",
            "BuildBadgeAction",
            "QueueAction",
            "FoldableAction",
            "LabelAssignmentAction",
            "RootAction",
            "UnprotectedRootAction",
            "ContextMenuVisibility");

    /** Types that hold a secret whatever the field is called ({@code hudson.util.Secret}, {@code SecretBytes}, core's {@code SecretText}, ...). */
    private static final Pattern SECRET_TYPE = Pattern.compile(".*Secret.*");

    /** Names of fields that hold a secret when their type is text. */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|passwd|passphrase|secret|token|apikey|api_key|privatekey|private_key).*");

    /** An identifier of a credential ({@code tokenCredentialsId}) names it; it is not the secret. */
    private static final Pattern IDENTIFIER = Pattern.compile(".*(Id|Ids|ID)$");

    private static final Set<String> TEXT_TYPES = Set.of("String", "char[]", "byte[]", "CharSequence", "StringBuilder");

    private final SourceTree tree;
    private int actions;

    SavedSecretsRule(SourceTree tree) {
        this.tree = tree;
    }

    /** The number of actions the last {@link #check()} found. */
    int actionsChecked() {
        return actions;
    }

    List<Finding> check() {
        Map<SourceTree.Type, String> saved = new LinkedHashMap<>();
        Deque<SourceTree.Type> pending = new ArrayDeque<>();
        actions = 0;
        for (SourceTree.Type type : tree.types()) {
            if (tree.derivesFrom(type, ACTIONS)) {
                actions++;
                saved.put(type, "an Action, saved with its build or job and shown in its views and REST API");
                pending.add(type);
            } else if (writesItself(type) && !tree.derivesFrom(type, CONFIGURATIONS)) {
                saved.put(type, "a file of the plugin's own next to the job or build (XmlFile.write(this))");
                pending.add(type);
            }
        }
        List<Finding> findings = new ArrayList<>();
        while (!pending.isEmpty()) {
            SourceTree.Type type = pending.poll();
            for (Field field : keptFields(type)) {
                if (isSecret(field)) {
                    findings.add(new Finding(
                            type.file(),
                            field.line(),
                            "saved-secret",
                            type.displayName() + "." + field.name() + " (" + field.type() + ") is a secret in "
                                    + saved.get(type) + "; keep only a credentials id, or make it transient"));
                }
                for (ClassOrInterfaceType named : field.typeNode().findAll(ClassOrInterfaceType.class)) {
                    for (SourceTree.Type held : tree.named(named.getNameAsString())) {
                        if (!saved.containsKey(held)) {
                            saved.put(
                                    held,
                                    "a value kept by " + type.displayName() + "." + field.name()
                                            + ", so saved with it");
                            pending.add(held);
                        }
                    }
                }
            }
        }
        return findings;
    }

    /** Saved by Jenkins in its configuration, where XStream encrypts a {@code Secret}: not this rule's business. */
    private static final Set<String> CONFIGURATIONS =
            Set.of("Descriptor", "GlobalConfiguration", "BuildStepDescriptor", "StepDescriptor", "Builder", "Recorder");

    /** A type that writes itself to an {@code XmlFile} ({@code file.write(this)}), like a per-job history. */
    private static boolean writesItself(SourceTree.Type type) {
        return type.declaration().findAll(MethodCallExpr.class).stream()
                .anyMatch(call -> call.getNameAsString().equals("write")
                        && call.getArguments().size() == 1
                        && call.getArgument(0) instanceof ThisExpr
                        && call.findAncestor(TypeDeclaration.class)
                                .map(t -> t == type.declaration())
                                .orElse(false));
    }

    private record Field(String name, Type typeNode, int line) {
        String type() {
            return typeNode.asString();
        }
    }

    /** The instance fields XStream writes: neither static nor transient; a record's components. */
    private static List<Field> keptFields(SourceTree.Type type) {
        List<Field> fields = new ArrayList<>();
        if (type.declaration() instanceof RecordDeclaration record) {
            for (Parameter component : record.getParameters()) {
                fields.add(new Field(
                        component.getNameAsString(),
                        component.getType(),
                        component.getBegin().map(p -> p.line).orElse(1)));
            }
        }
        for (FieldDeclaration declaration : type.declaration().getFields()) {
            if (declaration.isStatic() || declaration.isTransient()) {
                continue;
            }
            for (VariableDeclarator variable : declaration.getVariables()) {
                fields.add(new Field(
                        variable.getNameAsString(),
                        variable.getType(),
                        variable.getBegin().map(p -> p.line).orElse(1)));
            }
        }
        return fields;
    }

    private static boolean isSecret(Field field) {
        for (ClassOrInterfaceType named : field.typeNode().findAll(ClassOrInterfaceType.class)) {
            if (SECRET_TYPE.matcher(named.getNameAsString()).matches()) {
                return true;
            }
        }
        String type = field.typeNode().isClassOrInterfaceType()
                ? field.typeNode().asClassOrInterfaceType().getNameAsString()
                : field.type();
        return TEXT_TYPES.contains(type)
                && SECRET_NAME.matcher(field.name()).matches()
                && !IDENTIFIER.matcher(field.name()).matches();
    }
}
