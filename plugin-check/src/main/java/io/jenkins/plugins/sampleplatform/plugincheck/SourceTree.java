package io.jenkins.plugins.sampleplatform.plugincheck;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The types of a Java source tree, parsed with JavaParser without resolving anything outside it: the
 * plugin's Jenkins dependencies cannot be on the class path of the default build, so rules go by the
 * simple names of supertypes, annotations and imports.
 */
public final class SourceTree {

    /** One class, interface, record or enum of the tree, nested ones included. */
    public record Type(TypeDeclaration<?> declaration, CompilationUnit unit, String file) {

        /** The simple name. */
        public String name() {
            return declaration.getNameAsString();
        }

        /** Dotted name within its file, for messages: {@code Outer.Inner}. */
        public String displayName() {
            StringBuilder name = new StringBuilder(name());
            Optional<Node> parent = declaration.getParentNode();
            while (parent.isPresent()) {
                if (parent.get() instanceof TypeDeclaration<?> outer) {
                    name.insert(0, outer.getNameAsString() + ".");
                }
                parent = parent.get().getParentNode();
            }
            return name.toString();
        }

        /** Simple names of what it extends and implements, without type arguments. */
        public List<String> supertypes() {
            List<ClassOrInterfaceType> types = new ArrayList<>();
            if (declaration instanceof ClassOrInterfaceDeclaration cls) {
                types.addAll(cls.getExtendedTypes());
                types.addAll(cls.getImplementedTypes());
            } else if (declaration instanceof RecordDeclaration record) {
                types.addAll(record.getImplementedTypes());
            } else if (declaration instanceof EnumDeclaration enumeration) {
                types.addAll(enumeration.getImplementedTypes());
            }
            return types.stream().map(ClassOrInterfaceType::getNameAsString).toList();
        }

        /** Whether it is an interface, whose methods are public without saying so. */
        public boolean isInterface() {
            return declaration instanceof ClassOrInterfaceDeclaration cls && cls.isInterface();
        }

        /** The types this one is nested in, innermost first. */
        public List<TypeDeclaration<?>> enclosing() {
            List<TypeDeclaration<?>> outers = new ArrayList<>();
            Optional<Node> parent = declaration.getParentNode();
            while (parent.isPresent()) {
                if (parent.get() instanceof TypeDeclaration<?> outer) {
                    outers.add(outer);
                }
                parent = parent.get().getParentNode();
            }
            return outers;
        }

        /**
         * Whether an annotation names {@code qualifiedName}: written out in full, or by its simple name
         * with a matching single-type or on-demand import (an annotation of the same simple name from
         * another package is not it).
         */
        public boolean is(AnnotationExpr annotation, String qualifiedName) {
            String written = annotation.getNameAsString();
            if (written.equals(qualifiedName)) {
                return true;
            }
            int dot = qualifiedName.lastIndexOf('.');
            if (!written.equals(qualifiedName.substring(dot + 1))) {
                return false;
            }
            for (ImportDeclaration imported : unit.getImports()) {
                String name = imported.getNameAsString();
                if (imported.isStatic()) {
                    continue;
                }
                if (imported.isAsterisk() ? name.equals(qualifiedName.substring(0, dot)) : name.equals(qualifiedName)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Type> types = new ArrayList<>();
    private final Map<String, List<Type>> bySimpleName = new HashMap<>();
    private final List<Finding> unreadable = new ArrayList<>();

    private SourceTree() {}

    /** Parses every {@code .java} file below {@code root}; files that do not parse are reported by {@link #unreadable()}. */
    public static SourceTree parse(Path root) {
        SourceTree tree = new SourceTree();
        JavaParser parser =
                new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path :
                    paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String file = root.relativize(path).toString();
                ParseResult<CompilationUnit> result = parser.parse(path);
                if (!result.isSuccessful() || result.getResult().isEmpty()) {
                    tree.unreadable.add(new Finding(file, 1, "parse", "does not parse: " + result.getProblems()));
                    continue;
                }
                CompilationUnit unit = result.getResult().get();
                for (TypeDeclaration<?> declaration : unit.findAll(TypeDeclaration.class)) {
                    Type type = new Type(declaration, unit, file);
                    tree.types.add(type);
                    tree.bySimpleName
                            .computeIfAbsent(type.name(), k -> new ArrayList<>())
                            .add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    /** Every type, in file order. */
    public List<Type> types() {
        return types;
    }

    /** Files that could not be parsed: a check that skipped them would pass for the wrong reason. */
    public List<Finding> unreadable() {
        return unreadable;
    }

    /** The tree's types with this simple name (several when nested classes share one, like {@code DescriptorImpl}). */
    public List<Type> named(String simpleName) {
        return bySimpleName.getOrDefault(simpleName, List.of());
    }

    /** The tree's type for a declaration. */
    public Optional<Type> typeOf(TypeDeclaration<?> declaration) {
        return types.stream().filter(t -> t.declaration() == declaration).findFirst();
    }

    /**
     * Whether {@code type} extends or implements one of {@code roots} (simple names), directly or through
     * types of this tree.
     */
    public boolean derivesFrom(Type type, Set<String> roots) {
        return derivesFrom(type, roots, new HashSet<>());
    }

    private boolean derivesFrom(Type type, Set<String> roots, Set<Type> seen) {
        if (!seen.add(type)) {
            return false;
        }
        for (String supertype : type.supertypes()) {
            if (roots.contains(supertype)) {
                return true;
            }
            for (Type inTree : named(supertype)) {
                if (derivesFrom(inTree, roots, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Methods of this name that a call without a receiver (or on {@code this}/{@code super}) inside {@code from} can reach. */
    public List<MethodDeclaration> inScope(Type from, String methodName) {
        List<MethodDeclaration> found = new ArrayList<>();
        Set<Type> seen = new HashSet<>();
        List<Type> pending = new ArrayList<>();
        pending.add(from);
        from.enclosing().forEach(outer -> typeOf(outer).ifPresent(pending::add));
        while (!pending.isEmpty()) {
            Type type = pending.remove(0);
            if (!seen.add(type)) {
                continue;
            }
            found.addAll(type.declaration().getMethodsByName(methodName));
            for (String supertype : type.supertypes()) {
                pending.addAll(named(supertype));
            }
        }
        return found;
    }
}
