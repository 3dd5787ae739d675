package org.convstudio.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds text the user cannot read whole: every visible {@link Labeled} in a scene graph whose skin shows
 * less than its text (JavaFX's label skin puts the shortened string, ending in "…", into its
 * {@code LabeledText} child), and labels pushed outside the window. Call on the FX thread.
 */
public final class Truncation {

    private Truncation() {
    }

    /** One line per cut label: its id or class, its text, and what is shown of it. */
    public static List<String> cutLabels(Parent root) {
        List<String> out = new ArrayList<>();
        Bounds window = root.localToScene(root.getLayoutBounds());
        walk(root, out, window);
        return out;
    }

    private static void walk(Node node, List<String> out, Bounds window) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            check(l, out, window);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, out, window);
            }
        }
    }

    private static void check(Labeled l, List<String> out, Bounds window) {
        Text shown = null;
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getClass().getSimpleName().equals("LabeledText")) {
                shown = t;
            }
        }
        if (shown == null) {
            return; // not laid out by a skin (e.g. never shown)
        }
        String name = describe(l);
        String text = l.isMnemonicParsing() ? withoutMnemonic(l.getText()) : l.getText();
        if (!shown.getText().equals(text)) {
            out.add(name + ": \"" + l.getText() + "\" shown as \"" + shown.getText() + "\"");
            return;
        }
        if (l.getWidth() <= 0 || insideScrollPane(l)) {
            return;
        }
        Bounds b = l.localToScene(l.getLayoutBounds());
        if (b.getMaxX() > window.getMaxX() + 1 || b.getMaxY() > window.getMaxY() + 1) {
            out.add(name + ": \"" + l.getText() + "\" lies outside the window (" + Math.round(b.getMaxX()) + ", "
                    + Math.round(b.getMaxY()) + ")");
        }
    }

    /** The text as a label with mnemonic parsing shows it: the first single "_" marks the key and is not shown. */
    private static String withoutMnemonic(String text) {
        int i = text.indexOf('_');
        while (i >= 0 && i + 1 < text.length() && text.charAt(i + 1) == '_') {
            i = text.indexOf('_', i + 2);
        }
        return i < 0 || i + 1 >= text.length() ? text : text.substring(0, i) + text.substring(i + 1);
    }

    private static boolean insideScrollPane(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane || p instanceof javafx.scene.control.ListView) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Labeled l) {
        String id = l.getId() != null ? "#" + l.getId() : l.getClass().getSimpleName();
        Node p = l.getParent();
        while (p != null && p.getId() == null) {
            p = p.getParent();
        }
        return id + (p != null ? " in #" + p.getId() : "");
    }
}
