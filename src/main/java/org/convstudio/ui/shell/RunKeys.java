package org.convstudio.ui.shell;

import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Space, F5 and Shift+F5 as application keys: an event filter on the main scene maps them to the Run
 * menu's items before any focused control sees them, so a focused button, check box, list or combo box
 * can never turn "pause" into "stop" or "tick a box". Space stays with an editable text field (a folder
 * name may contain a blank); F5 and Shift+F5 work everywhere.
 */
final class RunKeys {

    private final MenuItem train;
    private final MenuItem pause;
    private final MenuItem stop;

    RunKeys(MenuItem train, MenuItem pause, MenuItem stop) {
        this.train = train;
        this.pause = pause;
        this.stop = stop;
    }

    /** Keys held down now: a repeated press of a held shortcut is the keyboard's auto-repeat. */
    private final java.util.Set<KeyCode> held = java.util.EnumSet.noneOf(KeyCode.class);

    /** Forget held keys (the window lost the focus: their releases go elsewhere). */
    void clearHeld() {
        held.clear();
    }

    void filter(KeyEvent e) {
        if (e.getEventType() == KeyEvent.KEY_RELEASED) {
            held.remove(e.getCode());
        } else if (e.getEventType() == KeyEvent.KEY_PRESSED && !held.add(e.getCode())
                && (e.isShortcutDown() || e.getCode().isFunctionKey())) {
            // a command runs once per key press: when the window is busy (a big layout, a theme change)
            // the auto-repeat of a held Ctrl+L or Ctrl+Shift+T would otherwise run it again and again
            e.consume();
            return;
        }
        if (e.isShortcutDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        KeyCode code = e.getCode();
        if (e.getEventType() == KeyEvent.KEY_TYPED) {
            if (" ".equals(e.getCharacter()) && !typing(e)) {
                e.consume();
            }
            return;
        }
        if (code == KeyCode.SPACE) {
            if (typing(e)) {
                return;
            }
            // swallow the press, the release and the typed character: no control may "press" on Space
            e.consume();
            if (e.getEventType() == KeyEvent.KEY_PRESSED && !e.isShiftDown()) {
                fire(pause);
            }
        } else if (code == KeyCode.F5) {
            e.consume();
            if (e.getEventType() == KeyEvent.KEY_PRESSED) {
                fire(e.isShiftDown() ? stop : train);
            }
        }
    }

    private static boolean typing(KeyEvent e) {
        Object target = e.getTarget();
        return target instanceof TextInputControl t && t.isEditable();
    }

    private static void fire(MenuItem item) {
        if (!item.isDisable()) {
            item.fire();
        }
    }
}
