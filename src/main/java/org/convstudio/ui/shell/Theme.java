package org.convstudio.ui.shell;

import java.net.URL;
import java.util.Objects;

import javafx.application.Application;

/**
 * The two AtlantaFX Primer themes offered in the View menu. The stylesheets are loaded straight from
 * the AtlantaFX jar (see {@link org.convstudio.ui.common.Css} for why no AtlantaFX class is used).
 */
public enum Theme {
    LIGHT("light", "Light", "primer-light"),
    DARK("dark", "Dark", "primer-dark");

    private final String key;
    private final String label;
    private final String file;

    Theme(String key, String label, String file) {
        this.key = key;
        this.label = label;
        this.file = file;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Theme of(String key) {
        for (Theme t : values()) {
            if (t.key.equalsIgnoreCase(key)) {
                return t;
            }
        }
        return LIGHT;
    }

    /** URL of the theme's user-agent stylesheet (binary CSS, faster to load, else plain CSS). */
    public String stylesheet() {
        URL bss = Theme.class.getResource("/atlantafx/base/theme/" + file + ".bss");
        URL css = Theme.class.getResource("/atlantafx/base/theme/" + file + ".css");
        return Objects.requireNonNull(bss != null ? bss : css, "AtlantaFX theme " + file + " missing").toExternalForm();
    }

    /** Applies the theme to the whole application. FX thread. */
    public void apply() {
        Application.setUserAgentStylesheet(stylesheet());
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
