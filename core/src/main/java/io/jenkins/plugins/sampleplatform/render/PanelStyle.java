package io.jenkins.plugins.sampleplatform.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The panel's and the trend chart's style sheet, {@code panel.css} beside this class. One file for
 * both front ends: the Jenkins plugin serves it as a static resource (so its pages need no inline
 * style), the command line inlines it in its standalone HTML.
 */
final class PanelStyle {

    /** The resource's path on the class path. */
    static final String RESOURCE = "io/jenkins/plugins/sampleplatform/render/panel.css";

    private static final String CSS = load();

    private PanelStyle() {}

    /** The style sheet's text. */
    static String css() {
        return CSS;
    }

    private static String load() {
        try (InputStream in = PanelStyle.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
