package io.jenkins.plugins.sampleplatform.plugincheck;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plugin holds no thread of its own while a build waits, and runs its network calls on one bounded pool (issue
 * 20): a controller with 200 waiting builds must not grow 200 threads. So {@code plugin/src/main} may not
 * <ul>
 *   <li>make a thread pool: any method of {@code java.util.concurrent.Executors} (written {@code Executors.x(...)},
 *       fully qualified, or statically imported), nor {@code new ThreadPoolExecutor}, {@code new
 *       ScheduledThreadPoolExecutor} or {@code new ForkJoinPool};</li>
 *   <li>make a thread: {@code new Thread(...)} (an anonymous subclass too), {@code Thread.ofPlatform()},
 *       {@code Thread.ofVirtual()}, {@code Thread.startVirtualThread(...)};</li>
 *   <li>sleep: {@code Thread.sleep(...)} (also statically imported) or {@code TimeUnit.X.sleep(...)} (also with the
 *       unit statically imported).</li>
 * </ul>
 * The plugin's work runs on core's {@code DeferringExecutor} (at most 8 threads, idle ones end), and waits are
 * reschedules on Jenkins' {@code Timer} ({@code Next.at}, a {@code Deferred}). Creating that one executor ({@code new
 * DeferringExecutor}) is what is allowed. Names are matched as written (the default build resolves no type), with the
 * imports of the file.
 */
final class ThreadsRule {

    static final String RULE = "threads";

    private static final Set<String> POOLS =
            Set.of("ThreadPoolExecutor", "ScheduledThreadPoolExecutor", "ForkJoinPool");
    private static final Set<String> THREAD_FACTORIES = Set.of("ofPlatform", "ofVirtual", "startVirtualThread");
    private static final Set<String> UNITS =
            Set.of("NANOSECONDS", "MICROSECONDS", "MILLISECONDS", "SECONDS", "MINUTES", "HOURS", "DAYS");
    private static final String WHERE =
            "run work on the plugin's one bounded executor (core's DeferringExecutor, wait/WaitExecutor)";
    private static final String WAIT = "wait with a reschedule on Jenkins' Timer (a DeferrableTask's Next.at)";

    private final SourceTree tree;

    ThreadsRule(SourceTree tree) {
        this.tree = tree;
    }

    List<Finding> check() {
        List<Finding> findings = new ArrayList<>();
        Map<CompilationUnit, String> files = new IdentityHashMap<>();
        for (SourceTree.Type type : tree.types()) {
            files.putIfAbsent(type.unit(), type.file());
        }
        files.forEach((unit, file) -> check(unit, file, findings));
        return findings;
    }

    private static void check(CompilationUnit unit, String file, List<Finding> findings) {
        for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
            String type = creation.getType().getNameWithScope();
            String simple = creation.getType().getNameAsString();
            if (type.equals("Thread") || type.equals("java.lang.Thread")) {
                findings.add(finding(file, creation, "new Thread(...) makes a thread of its own: " + WHERE));
            } else if (POOLS.contains(simple)) {
                findings.add(finding(file, creation, "new " + simple + "(...) makes a thread pool: " + WHERE));
            }
        }
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            Optional<Expression> scope = call.getScope();
            if (isClass(scope, "Executors", "java.util.concurrent.Executors")
                    || (scope.isEmpty() && staticallyImported(unit, "java.util.concurrent.Executors", name))) {
                findings.add(finding(file, call, "Executors." + name + "(...) makes a thread pool: " + WHERE));
            } else if (isClass(scope, "Thread", "java.lang.Thread") && THREAD_FACTORIES.contains(name)) {
                findings.add(finding(file, call, "Thread." + name + "(...) makes a thread of its own: " + WHERE));
            } else if (name.equals("sleep") && isSleep(unit, scope)) {
                findings.add(finding(file, call, "sleeps, holding a thread while it waits: " + WAIT));
            }
        }
    }

    private static boolean isSleep(CompilationUnit unit, Optional<Expression> scope) {
        if (scope.isEmpty()) {
            return staticallyImported(unit, "java.lang.Thread", "sleep");
        }
        if (isClass(scope, "Thread", "java.lang.Thread")) {
            return true;
        }
        Expression target = scope.get();
        if (target instanceof FieldAccessExpr field && UNITS.contains(field.getNameAsString())) {
            String owner = field.getScope().toString();
            return owner.equals("TimeUnit") || owner.equals("java.util.concurrent.TimeUnit");
        }
        return target instanceof NameExpr constant
                && UNITS.contains(constant.getNameAsString())
                && staticallyImported(unit, "java.util.concurrent.TimeUnit", constant.getNameAsString());
    }

    private static boolean isClass(Optional<Expression> scope, String simpleName, String qualifiedName) {
        if (scope.isEmpty()) {
            return false;
        }
        String written = scope.get().toString();
        return written.equals(simpleName) || written.equals(qualifiedName);
    }

    private static boolean staticallyImported(CompilationUnit unit, String owner, String member) {
        for (ImportDeclaration imported : unit.getImports()) {
            if (!imported.isStatic()) {
                continue;
            }
            String name = imported.getNameAsString();
            if (imported.isAsterisk() ? name.equals(owner) : name.equals(owner + "." + member)) {
                return true;
            }
        }
        return false;
    }

    private static Finding finding(String file, Node node, String message) {
        return new Finding(file, node.getBegin().map(p -> p.line).orElse(1), RULE, message);
    }
}
