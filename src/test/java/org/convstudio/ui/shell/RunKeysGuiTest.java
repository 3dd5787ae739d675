package org.convstudio.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.LimitedTrainingData;
import org.convstudio.ui.training.RunState;
import org.convstudio.ui.training.TrainingViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The run keys act like the Run menu whatever has the keyboard focus: Space on a focused Stop button,
 * check box, list or combo box pauses and resumes the real run (it never stops it or ticks a box), F5
 * trains, Shift+F5 asks before throwing away a half-done epoch.
 */
@Tag("gui")
@LimitedTrainingData("512,200")
class RunKeysGuiTest {

    private ConvStudioApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        app = GuiTestSupport.start();
        robot.clickOn("#nav-train");
        GuiTestSupport.waitUntil(() -> vm().dataProperty().get() != null && !vm().dataLoadingProperty().get(), 60);
        Spinner<Integer> e = lookup("#train-epochs");
        Spinner<Integer> b = lookup("#train-batch");
        GuiTestSupport.fx(() -> {
            e.getValueFactory().setValue(200);
            b.getValueFactory().setValue(16);
        });
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.fx(() -> vm().stop());
        GuiTestSupport.waitUntil(() -> !vm().getState().isActive(), 30);
        GuiTestSupport.stop(app);
    }

    private TrainingViewModel vm() {
        return app.window().training();
    }

    /** The node with {@code selector}, once the scene holds it (see {@link GuiTestSupport#lookup}). */
    @SuppressWarnings("unchecked")
    private <T extends Node> T lookup(String selector) {
        try {
            return (T) GuiTestSupport.lookup(app, selector);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("nothing matches " + selector + " in the window", e);
        }
    }

    private void tap(KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
        GuiTestSupport.settle();
    }

    private void focus(Node n) throws Exception {
        GuiTestSupport.fx(n::requestFocus);
        GuiTestSupport.waitUntil(() -> {
            Node owner = app.stage().getScene().getFocusOwner();
            for (Node p = owner; p != null; p = p.getParent()) {
                if (p == n) {
                    return true;
                }
            }
            return false;
        }, 5);
    }

    /** Every enabled, visible control of the Train page that can take the keyboard focus. */
    private List<Control> focusableControls() {
        return GuiTestSupport.fx(() -> {
            List<Control> out = new ArrayList<>();
            collect(app.stage().getScene().lookup("#workspace-train"), out);
            return out;
        });
    }

    private static void collect(Node n, List<Control> out) {
        if (n == null || !n.isVisible() || n.isDisabled()) {
            return;
        }
        if (n instanceof Control c && c.isFocusTraversable() && c.getScene() != null) {
            out.add(c);
            if (c instanceof Spinner<?> || c instanceof javafx.scene.control.ComboBoxBase<?>) {
                return; // their inner editor belongs to them
            }
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    private static boolean typesText(Control c) {
        return (c instanceof TextInputControl t && t.isEditable())
                || (c instanceof Spinner<?> s && s.isEditable())
                || (c instanceof javafx.scene.control.ComboBox<?> cb && cb.isEditable());
    }

    @Test
    void spacePausesAndResumesWithTheFocusOnEveryControlOfTheTrainPage() throws Exception {
        CheckBox logLoss = lookup("#train-log-loss");
        focus(logLoss);
        tap(KeyCode.F5); // F5 trains even with a check box focused, and does not tick it
        GuiTestSupport.waitUntil(() -> vm().getState() == RunState.RUNNING
                && vm().snapshotProperty().get().step() > 2, 90);
        assertFalse(GuiTestSupport.fx(logLoss::isSelected));

        // after clicking Train the focus sits on Stop: the case that used to end the run
        List<Control> controls = focusableControls();
        Button stop = lookup("#train-stop");
        assertTrue(controls.contains(stop), "the Stop button is enabled and focusable during a run");
        System.out.println("Train page controls that can take the focus during a run: " + controls.stream()
                .map(c -> c.getClass().getSimpleName() + (c.getId() == null ? "" : "#" + c.getId())).toList());
        assertTrue(controls.size() >= 4, "controls found: " + controls.size());
        int checked = 0;
        for (Control c : controls) {
            String name = c.getClass().getSimpleName() + (c.getId() == null ? "" : "#" + c.getId());
            focus(c);
            if (typesText(c)) {
                continue; // an editable field keeps its blanks; checked below on the folder field
            }
            Object before = GuiTestSupport.fx(() -> c instanceof CheckBox box ? box.isSelected() : null);
            tap(KeyCode.SPACE);
            assertEquals(RunState.PAUSED, GuiTestSupport.fx(() -> vm().getState()), "Space on " + name + " pauses");
            tap(KeyCode.SPACE);
            assertEquals(RunState.RUNNING, GuiTestSupport.fx(() -> vm().getState()), "Space on " + name + " resumes");
            assertEquals(before, GuiTestSupport.fx(() -> c instanceof CheckBox box ? box.isSelected() : null),
                    "Space did not tick " + name);
            checked++;
        }
        assertTrue(checked >= 4, "checked " + checked + " controls");

        // in an editable text field Space types a blank and leaves the run alone
        TextField folder = lookup("#train-data-folder");
        if (GuiTestSupport.fx(() -> folder.isVisible() && !folder.isDisabled() && folder.getScene() != null)) {
            focus(folder);
            GuiTestSupport.fx(() -> {
                folder.setText("a");
                folder.end();
            });
            tap(KeyCode.SPACE);
            assertEquals("a ", GuiTestSupport.fx(() -> folder.getText()));
            assertEquals(RunState.RUNNING, GuiTestSupport.fx(() -> vm().getState()));
        }
    }

    @Test
    void shiftF5AsksBeforeStoppingInTheMiddleOfAnEpoch() throws Exception {
        tap(KeyCode.F5);
        GuiTestSupport.waitUntil(() -> vm().getState() == RunState.RUNNING
                && vm().snapshotProperty().get().step() > 2, 90);
        // pause somewhere inside an epoch so that "in progress" is certain when Shift+F5 is pressed
        for (int attempt = 0; ; attempt++) {
            tap(KeyCode.SPACE);
            GuiTestSupport.waitUntil(() -> vm().snapshotProperty().get().state() == RunState.PAUSED, 20);
            var s = GuiTestSupport.fx(() -> vm().snapshotProperty().get());
            if (s.batch() > 0 && s.batch() < s.batchesPerEpoch()) {
                break;
            }
            assertTrue(attempt < 5, "never paused inside an epoch: " + s);
            tap(KeyCode.SPACE);
        }
        Button stopButton = lookup("#train-stop");
        focus(stopButton);

        robot.press(KeyCode.SHIFT, KeyCode.F5).release(KeyCode.F5, KeyCode.SHIFT);
        GuiTestSupport.waitUntil(() -> app.window().stopDialog() != null, 10);
        assertTrue(GuiTestSupport.fx(() -> app.window().stopDialog().getContentText()).contains("% done"));
        GuiTestSupport.fx((Runnable) () -> ((Button) app.window().stopDialog().getDialogPane().lookupButton(ButtonType.CANCEL)).fire());
        GuiTestSupport.waitUntil(() -> app.window().stopDialog() == null, 10);
        assertEquals(RunState.PAUSED, GuiTestSupport.fx(() -> vm().getState()), "Cancel keeps the run");

        robot.press(KeyCode.SHIFT, KeyCode.F5).release(KeyCode.F5, KeyCode.SHIFT);
        GuiTestSupport.waitUntil(() -> app.window().stopDialog() != null, 10);
        assertNotNull(GuiTestSupport.fx(() -> app.window().stopDialog()));
        GuiTestSupport.fx((Runnable) () -> ((Button) app.window().stopDialog().getDialogPane().lookupButton(ButtonType.OK)).fire());
        GuiTestSupport.waitUntil(() -> vm().getState() == RunState.STOPPED, 30);
        assertNull(GuiTestSupport.fx(() -> app.window().stopDialog()));
    }
}
