package org.convstudio.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.shell.ConvStudioApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * Inspect driven from the keyboard: Ctrl+3 opens it from the Design canvas, Down picks a source, the arrow keys in the
 * sample box step
 * through the images and the feature maps follow (drawn on the render thread), Ctrl+Tab moves between
 * the panes, and Ctrl+1 goes back to Design from a focused control of Inspect.
 */
@Tag("gui")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class InspectKeysGuiTest {

    private ConvStudioApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        GuiTestSupport.isolate();
        app = GuiTestSupport.start();
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.stop(app);
    }

    private void tap(KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
        GuiTestSupport.settle();
    }

    @Test
    void theSampleAndThePanesAnswerTheKeyboard() throws Exception {
        Node canvas = GuiTestSupport.lookup(app, "#design-canvas");
        GuiTestSupport.fx(canvas::requestFocus);
        tap(KeyCode.CONTROL, KeyCode.DIGIT3);
        GuiTestSupport.waitUntil(() -> "inspect".equals(app.window().currentWorkspace().id()), 10);
        InspectWorkspace ws = (InspectWorkspace) GuiTestSupport.fx(() -> app.window().currentWorkspace());
        InspectViewModel vm = ws.viewModel();
        // pick the first source (the current design, presets, runs) from the keyboard
        javafx.scene.control.ComboBox<InspectSource> source = GuiTestSupport.lookup(app, "#inspect-source");
        GuiTestSupport.waitUntil(() -> !source.getItems().isEmpty(), 30);
        GuiTestSupport.fx(source::requestFocus);
        GuiTestSupport.waitUntil(source::isFocused, 5);
        tap(KeyCode.DOWN);
        GuiTestSupport.waitUntil(() -> source.getValue() != null, 10);
        GuiTestSupport.waitUntil(() -> vm.sampleProperty().get() != null, 120);
        ImageView before = GuiTestSupport.lookup(app, "#inspect-maps-conv1");
        var firstImage = GuiTestSupport.fx(before::getImage);

        Spinner<Integer> sample = GuiTestSupport.lookup(app, "#inspect-sample");
        GuiTestSupport.fx(() -> sample.getEditor().requestFocus());
        GuiTestSupport.waitUntil(() -> sample.getEditor().isFocused(), 5);
        tap(KeyCode.UP);
        GuiTestSupport.waitUntil(() -> vm.sampleProperty().get() != null && vm.sampleProperty().get().index() == 1, 60);
        GuiTestSupport.waitUntil(() -> {
            Node n = app.stage().getScene().lookup("#inspect-maps-conv1");
            return n instanceof ImageView iv && iv.getImage() != firstImage;
        }, 30);
        tap(KeyCode.DOWN);
        GuiTestSupport.waitUntil(() -> vm.sampleProperty().get().index() == 0, 60);

        javafx.scene.control.TabPane tabs = GuiTestSupport.lookup(app, "#inspect-tabs");
        GuiTestSupport.fx(tabs::requestFocus);
        tap(KeyCode.CONTROL, KeyCode.TAB);
        assertEquals("inspect-tab-filters", GuiTestSupport.fx(() -> tabs.getSelectionModel().getSelectedItem().getId()),
                "Ctrl+Tab moves to the next pane");

        GuiTestSupport.fx(() -> sample.getEditor().requestFocus());
        tap(KeyCode.CONTROL, KeyCode.DIGIT1);
        GuiTestSupport.waitUntil(() -> "design".equals(app.window().currentWorkspace().id()), 10);
        assertTrue(GuiTestSupport.fx(() -> vm.sampleProperty().get().index() == 0), "going away keeps the sample");
    }
}
