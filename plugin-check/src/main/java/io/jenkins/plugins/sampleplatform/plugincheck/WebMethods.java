package io.jenkins.plugins.sampleplatform.plugincheck;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.Type;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which methods Stapler will call from a URL: the same decision as Jenkins 2.568.2's
 * {@code jenkins.security.stapler.DoActionFilter} and {@code WebMethodConstants}, taken on source text
 * (simple names) since the plugin's dependencies are not available here.
 */
final class WebMethods {

    /** {@code DoActionFilter.DO_METHOD_REGEX}. */
    private static final Pattern DO_METHOD = Pattern.compile("^do[^a-z].*");

    /** {@code @WebMethod}, {@code @JavaScriptMethod}, {@code @StaplerDispatchable} and Stapler's interceptor annotations. */
    private static final Set<String> WEB_METHOD_ANNOTATIONS = Set.of(
            "WebMethod",
            "JavaScriptMethod",
            "StaplerDispatchable",
            "POST",
            "GET",
            "PUT",
            "DELETE",
            "RequirePOST",
            "JsonResponse",
            "JsonOutputFilter",
            "LimitedTo",
            "RespondSuccess");

    /** {@code WebMethodConstants.WEB_METHOD_PARAMETER_ANNOTATIONS}. */
    private static final Set<String> WEB_PARAMETER_ANNOTATIONS =
            Set.of("QueryParameter", "AncestorInPath", "Header", "JsonBody", "SubmittedForm");

    /** {@code WebMethodConstants.WEB_METHOD_PARAMETERS}. */
    private static final Set<String> WEB_PARAMETER_TYPES = Set.of(
            "StaplerRequest",
            "StaplerRequest2",
            "StaplerResponse",
            "StaplerResponse2",
            "HttpServletRequest",
            "HttpServletResponse");

    /** Types implementing Stapler's {@code HttpResponse} that a form or action method returns or throws. */
    static final Set<String> HTTP_RESPONSES = Set.of(
            "HttpResponse",
            "HttpRedirect",
            "ForwardToView",
            "HttpResponseException",
            "FormValidation",
            "FormFillFailure",
            "ListBoxModel",
            "ComboBoxModel",
            "AutoCompletionCandidates",
            "Failure",
            "ContextMenu",
            "ClientHttpRedirect");

    private final SourceTree tree;

    WebMethods(SourceTree tree) {
        this.tree = tree;
    }

    /** Whether Stapler routes a URL to {@code method} of {@code owner}. */
    boolean isWebMethod(SourceTree.Type owner, MethodDeclaration method) {
        if (!(method.isPublic() || owner.isInterface())) {
            return false;
        }
        if (has(method, Set.of("StaplerNotDispatchable"))) {
            return false;
        }
        if (has(method, WEB_METHOD_ANNOTATIONS)) {
            return true;
        }
        if (method.getNameAsString().equals("doDynamic")) {
            return true; // the filter leaves it out only because Stapler dispatches it by itself
        }
        for (Parameter parameter : method.getParameters()) {
            for (AnnotationExpr annotation : parameter.getAnnotations()) {
                if (WEB_PARAMETER_ANNOTATIONS.contains(simple(annotation.getNameAsString()))) {
                    return true;
                }
            }
        }
        if (!DO_METHOD.matcher(method.getNameAsString()).matches()) {
            return false;
        }
        for (Parameter parameter : method.getParameters()) {
            if (WEB_PARAMETER_TYPES.contains(simple(parameter.getType()))) {
                return true;
            }
        }
        if (isHttpResponse(method.getType())) {
            return true;
        }
        for (ReferenceType thrown : method.getThrownExceptions()) {
            if (isHttpResponse(thrown)) {
                return true;
            }
        }
        return false;
    }

    private boolean isHttpResponse(Type type) {
        String name = simple(type);
        if (HTTP_RESPONSES.contains(name)) {
            return true;
        }
        return tree.named(name).stream().anyMatch(t -> tree.derivesFrom(t, HTTP_RESPONSES));
    }

    private static boolean has(MethodDeclaration method, Set<String> annotations) {
        return method.getAnnotations().stream().anyMatch(a -> annotations.contains(simple(a.getNameAsString())));
    }

    static String simple(Type type) {
        String text =
                type.isClassOrInterfaceType() ? type.asClassOrInterfaceType().getNameAsString() : type.asString();
        return simple(text);
    }

    static String simple(String name) {
        int generic = name.indexOf('<');
        String raw = generic < 0 ? name : name.substring(0, generic);
        return raw.substring(raw.lastIndexOf('.') + 1);
    }
}
