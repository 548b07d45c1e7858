package io.jenkins.plugins.sampleplatform.plugincheck;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every web method of the plugin is {@code @POST} (or {@code @RequirePOST}), so that no other site can
 * make a user's browser call it (CSRF), and checks a permission, directly or in a method of the plugin
 * it calls, so that a user who may only read Jenkins cannot use it. A read-only {@code @GET} method is
 * accepted on an {@code Action} only (a view or an image the page links to), still with a permission check.
 */
final class WebMethodRule {

    static final String POST = "org.kohsuke.stapler.verb.POST";
    static final String REQUIRE_POST = "org.kohsuke.stapler.interceptor.RequirePOST";
    static final String GET = "org.kohsuke.stapler.verb.GET";

    /** Jenkins' permission checks: {@code AccessControlled}, {@code ACL} and {@code Jenkins} all name them so. */
    private static final Set<String> PERMISSION_CHECKS =
            Set.of("checkPermission", "hasPermission", "hasPermission2", "checkAnyPermission", "hasAnyPermission");

    /** How many calls deep a permission check is looked for. */
    private static final int MAX_DEPTH = 6;

    private final SourceTree tree;
    private final WebMethods webMethods;
    private int checked;

    WebMethodRule(SourceTree tree) {
        this.tree = tree;
        this.webMethods = new WebMethods(tree);
    }

    /** The number of web methods the last {@link #check()} looked at. */
    int webMethodsChecked() {
        return checked;
    }

    List<Finding> check() {
        List<Finding> findings = new ArrayList<>();
        checked = 0;
        for (SourceTree.Type type : tree.types()) {
            for (MethodDeclaration method : type.declaration().getMethods()) {
                if (!webMethods.isWebMethod(type, method)) {
                    continue;
                }
                checked++;
                String where = type.displayName() + "." + method.getNameAsString();
                int line = method.getBegin().map(p -> p.line).orElse(1);
                boolean post = annotated(type, method, POST) || annotated(type, method, REQUIRE_POST);
                boolean get = annotated(type, method, GET);
                if (!post && !(get && tree.derivesFrom(type, SavedSecretsRule.ACTIONS))) {
                    findings.add(new Finding(
                            type.file(),
                            line,
                            "web-method-post",
                            where + " is a web method without @POST (" + POST + ") or @RequirePOST: any page its"
                                    + " user visits could make the browser call it"
                                    + (get ? "; @GET is for read-only views of an Action only" : "")));
                }
                if (!checksPermission(type, method, new HashSet<>(), 0)) {
                    findings.add(new Finding(
                            type.file(),
                            line,
                            "web-method-permission",
                            where + " is a web method that checks no permission (checkPermission, hasPermission,"
                                    + " ... in it or in a method of the plugin it calls)"));
                }
            }
        }
        return findings;
    }

    private static boolean annotated(SourceTree.Type type, MethodDeclaration method, String qualifiedName) {
        for (AnnotationExpr annotation : method.getAnnotations()) {
            if (type.is(annotation, qualifiedName)) {
                return true;
            }
        }
        return false;
    }

    private boolean checksPermission(
            SourceTree.Type owner, MethodDeclaration method, Set<MethodDeclaration> seen, int depth) {
        if (depth > MAX_DEPTH || !seen.add(method)) {
            return false;
        }
        for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
            if (PERMISSION_CHECKS.contains(call.getNameAsString())) {
                return true;
            }
            for (Target target : targets(owner, method, call)) {
                if (checksPermission(target.owner(), target.method(), seen, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private record Target(SourceTree.Type owner, MethodDeclaration method) {}

    /**
     * The plugin's methods a call can land in: its own and its outer classes' for a bare call, a named
     * class's for {@code Type.m()}, the declared type's for {@code variable.m()} (a parameter, local
     * variable or field of the plugin's type).
     */
    private List<Target> targets(SourceTree.Type owner, MethodDeclaration caller, MethodCallExpr call) {
        List<Target> targets = new ArrayList<>();
        Optional<com.github.javaparser.ast.expr.Expression> scope = call.getScope();
        String name = call.getNameAsString();
        if (scope.isEmpty() || scope.get() instanceof ThisExpr || scope.get() instanceof SuperExpr) {
            for (MethodDeclaration method : tree.inScope(owner, name)) {
                ownerOf(method).ifPresent(t -> targets.add(new Target(t, method)));
            }
        } else {
            String receiver = scope.get() instanceof NameExpr n
                    ? n.getNameAsString()
                    : scope.get() instanceof FieldAccessExpr f ? f.getNameAsString() : null;
            if (receiver != null) {
                List<SourceTree.Type> receivers = new ArrayList<>(tree.named(receiver));
                declaredType(owner, caller, receiver).ifPresent(t -> receivers.addAll(tree.named(t)));
                for (SourceTree.Type type : receivers) {
                    for (MethodDeclaration method : type.declaration().getMethodsByName(name)) {
                        targets.add(new Target(type, method));
                    }
                }
            }
        }
        return targets;
    }

    /** The simple type name of a parameter, local variable or field (of the owner or its outer classes) called {@code name}. */
    private static Optional<String> declaredType(SourceTree.Type owner, MethodDeclaration caller, String name) {
        for (Parameter parameter : caller.getParameters()) {
            if (parameter.getNameAsString().equals(name)) {
                return Optional.of(WebMethods.simple(parameter.getType()));
            }
        }
        for (VariableDeclarator variable : caller.findAll(VariableDeclarator.class)) {
            if (variable.getNameAsString().equals(name)) {
                return Optional.of(WebMethods.simple(variable.getType()));
            }
        }
        List<TypeDeclaration<?>> scopes = new ArrayList<>();
        scopes.add(owner.declaration());
        scopes.addAll(owner.enclosing());
        for (TypeDeclaration<?> scope : scopes) {
            Optional<FieldDeclaration> field = scope.getFieldByName(name);
            if (field.isPresent()) {
                return field.get().getVariables().stream()
                        .filter(v -> v.getNameAsString().equals(name))
                        .findFirst()
                        .map(v -> WebMethods.simple(v.getType()));
            }
        }
        return Optional.empty();
    }

    private Optional<SourceTree.Type> ownerOf(MethodDeclaration method) {
        return method.findAncestor(TypeDeclaration.class).flatMap(tree::typeOf);
    }
}
