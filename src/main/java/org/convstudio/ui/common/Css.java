package org.convstudio.ui.common;

/**
 * AtlantaFX style class names, as plain strings.
 *
 * <p>AtlantaFX 2.1.0 is compiled for Java 21 (class file 65) while ConvStudio targets Java 17, so the
 * UI never loads AtlantaFX classes: it uses the theme stylesheets shipped in the same jar
 * ({@code /atlantafx/base/theme/primer-*.bss}) and these style class names, which is all the theme
 * needs.
 */
public final class Css {
    public static final String ACCENT = "accent";
    public static final String SUCCESS = "success";
    public static final String WARNING = "warning";
    public static final String DANGER = "danger";
    public static final String FLAT = "flat";
    public static final String BUTTON_ICON = "button-icon";
    public static final String BUTTON_OUTLINED = "button-outlined";
    public static final String SMALL = "small";
    public static final String DENSE = "dense";
    public static final String TITLE_2 = "title-2";
    public static final String TITLE_3 = "title-3";
    public static final String TITLE_4 = "title-4";
    public static final String TEXT_BOLD = "text-bold";
    public static final String TEXT_MUTED = "text-muted";
    public static final String TEXT_SMALL = "text-small";
    public static final String EDGE_TO_EDGE = "edge-to-edge";

    private Css() {
    }
}
