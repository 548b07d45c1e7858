package io.jenkins.plugins.sampleplatform.viewcheck;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The classes of a Java source tree and the properties a Jelly view can name on them, read with the
 * JDK's own parser (no compilation, so the plugin's Jenkins dependencies need not be present).
 */
public final class SourceIndex {

    /** What a view can reach on one class: getter properties, fields and methods, with getter types. */
    record ClassInfo(
            String name,
            String packageName,
            String superclass,
            Set<String> properties,
            Set<String> methods,
            Map<String, String> propertyTypes) {}

    private final Map<String, ClassInfo> classes = new HashMap<>();

    private SourceIndex() {}

    /** Parses every {@code .java} file below {@code root}. */
    public static SourceIndex of(Path root) {
        SourceIndex index = new SourceIndex();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("The view check needs a JDK (javax.tools), not a JRE");
        }
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8);
                Stream<Path> paths = Files.walk(root)) {
            List<Path> sources =
                    paths.filter(p -> p.toString().endsWith(".java")).toList();
            if (sources.isEmpty()) {
                return index;
            }
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            JavacTask task = (JavacTask) compiler.getTask(null, files, null, List.of("-proc:none"), null, units);
            for (CompilationUnitTree unit : task.parse()) {
                String pkg = unit.getPackageName() == null
                        ? ""
                        : unit.getPackageName().toString();
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree cls) {
                        index.add(pkg, pkg.isEmpty() ? "" : pkg + ".", cls);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return index;
    }

    private void add(String pkg, String prefix, ClassTree cls) {
        String name = prefix + cls.getSimpleName();
        Set<String> properties = new HashSet<>();
        Set<String> methods = new HashSet<>();
        Map<String, String> types = new HashMap<>();
        for (Tree member : cls.getMembers()) {
            if (member instanceof MethodTree method) {
                String methodName = method.getName().toString();
                methods.add(methodName);
                if (method.getParameters().isEmpty()) {
                    propertyOf(methodName).ifPresent(p -> {
                        properties.add(p);
                        types.put(p, simpleType(method.getReturnType()));
                    });
                }
            } else if (member instanceof VariableTree field) {
                properties.add(field.getName().toString());
                types.put(field.getName().toString(), simpleType(field.getType()));
            } else if (member instanceof ClassTree nested) {
                add(pkg, name + ".", nested);
            }
        }
        String superclass = cls.getExtendsClause() == null ? null : simpleType(cls.getExtendsClause());
        classes.put(name, new ClassInfo(name, pkg, superclass, properties, methods, types));
    }

    private static Optional<String> propertyOf(String methodName) {
        for (String prefix : List.of("get", "is")) {
            if (methodName.length() > prefix.length()
                    && methodName.startsWith(prefix)
                    && Character.isUpperCase(methodName.charAt(prefix.length()))) {
                String rest = methodName.substring(prefix.length());
                return Optional.of(Character.toLowerCase(rest.charAt(0)) + rest.substring(1));
            }
        }
        return Optional.empty();
    }

    private static String simpleType(Tree type) {
        if (type == null) {
            return null;
        }
        String text = type.toString();
        int generic = text.indexOf('<');
        if (generic >= 0) {
            text = text.substring(0, generic);
        }
        return text.substring(text.lastIndexOf('.') + 1);
    }

    /** The class with this dotted name (nested classes joined with dots), if the tree has it. */
    public Optional<ClassInfo> find(String dottedName) {
        return Optional.ofNullable(classes.get(dottedName));
    }

    /** Whether {@code cls}, or a superclass in the same tree, has the property or method. */
    boolean has(ClassInfo cls, String member) {
        for (ClassInfo c = cls; c != null; c = superOf(c)) {
            if (c.properties().contains(member) || c.methods().contains(member)) {
                return true;
            }
        }
        return false;
    }

    /** The class a property's getter returns, when that class is in the tree. */
    Optional<ClassInfo> typeOf(ClassInfo cls, String property) {
        for (ClassInfo c = cls; c != null; c = superOf(c)) {
            String type = c.propertyTypes().get(property);
            if (type != null) {
                return find(c.packageName() + "." + type);
            }
        }
        return Optional.empty();
    }

    private ClassInfo superOf(ClassInfo cls) {
        return cls.superclass() == null ? null : classes.get(cls.packageName() + "." + cls.superclass());
    }
}
