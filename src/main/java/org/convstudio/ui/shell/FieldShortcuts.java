package org.convstudio.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The menus' shortcuts while a text field has the focus. An editable text field (a spinner's number, a learning
 * rate, a block's setting) takes every Shortcut+key press it is given, so Ctrl+1…5 (go to a workspace), Ctrl+S or
 * Ctrl+Shift+P did nothing there. This scene-level filter hands such a press to the menu item whose accelerator it
 * matches — except the keys a text field edits with (select all, copy, cut, paste, undo, redo, moving and deleting
 * by words), which stay the field's (a block's field turns undo into the design's own, see the inspector).
 */
final class FieldShortcuts {

    private final MenuBar bar;

    FieldShortcuts(MenuBar bar) {
        this.bar = bar;
    }

    void filter(KeyEvent e) {
        if (e.getEventType() != KeyEvent.KEY_PRESSED || !e.isShortcutDown() || editing(e.getCode())
                || !(e.getTarget() instanceof TextInputControl)) {
            return;
        }
        for (MenuItem item : items()) {
            if (item.getAccelerator() != null && item.getAccelerator().match(e)) {
                e.consume();
                if (!item.isDisable()) {
                    item.fire();
                }
                return;
            }
        }
    }

    /** Keys a text field edits with, with Shortcut held. */
    static boolean editing(KeyCode code) {
        return switch (code) {
            case A, C, V, X, Z, Y, INSERT, LEFT, RIGHT, UP, DOWN, HOME, END, BACK_SPACE, DELETE -> true;
            default -> false;
        };
    }

    private List<MenuItem> items() {
        List<MenuItem> out = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            collect(m, out);
        }
        return out;
    }

    private static void collect(MenuItem item, List<MenuItem> out) {
        if (item instanceof Menu m) {
            for (MenuItem child : m.getItems()) {
                collect(child, out);
            }
        } else {
            out.add(item);
        }
    }
}
