package io.jenkins.plugins.sampleplatform.render;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/** Parses Markdown with a real CommonMark parser, to see what a reader would get. */
final class MarkdownTrees {

    private static final Parser PARSER = Parser.builder().build();

    private MarkdownTrees() {}

    static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** Every node of the tree, depth first. */
    static List<Node> nodes(Node root) {
        List<Node> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    static <T extends Node> List<T> nodes(Node root, Class<T> type) {
        return nodes(root).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static void collect(Node node, List<Node> all) {
        all.add(node);
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            collect(child, all);
        }
    }
}
