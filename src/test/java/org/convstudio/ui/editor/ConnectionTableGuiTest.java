package org.convstudio.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.shell.ConvStudioApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** LeNet-5's C3 connection table, edited in the inspector: checked by the model, one undoable edit. */
@Tag("gui")
class ConnectionTableGuiTest {

    private ConvStudioApp app;
    private DesignViewModel vm;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void isolate() throws Exception {
        GuiTestSupport.isolate();
    }

    @BeforeEach
    void start() throws Exception {
        app = GuiTestSupport.start();
        vm = app.window().design().viewModel();
        GuiTestSupport.fx(() -> app.window().design().loadPreset("lenet5"));
        GuiTestSupport.waitUntil(() -> !app.window().design().canvas().isLayingOut(), 60);
        GuiTestSupport.fx(() -> {
            vm.getSelection().clear();
            vm.getSelection().add("c3");
        });
        GuiTestSupport.settle();
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.stop(app);
    }

    private Conv2d c3() {
        return GuiTestSupport.fx(() -> (Conv2d) vm.getNetwork().node("c3").orElseThrow().layer());
    }

    private CheckBox box(int channel, int filter) {
        return robot.lookup("#connection-" + channel + "-" + filter).queryAs(CheckBox.class);
    }

    @Test
    void ticksChangeTheTableOnOkAndUndoRestoresIt() throws Exception {
        List<List<Integer>> published = Conv2d.lenet5Table();
        assertEquals(published, c3().connections());
        long params = GuiTestSupport.fx(() -> vm.analysisProperty().get().info("c3").orElseThrow().params());
        assertEquals(1516, params, "LeNet-5's C3: 60 kernels of 5×5 and 16 biases");

        robot.clickOn("#field-connections");
        GuiTestSupport.waitUntil(() -> robot.lookup("#connection-grid").tryQuery().isPresent(), 10);
        assertTrue(GuiTestSupport.fx(() -> box(0, 0).isSelected()), "filter 0 reads map 0");
        assertFalse(GuiTestSupport.fx(() -> box(5, 0).isSelected()), "filter 0 does not read map 5");

        // a filter reading nothing is refused by the model, with its reason, and OK is disabled
        GuiTestSupport.fx(() -> {
            for (int c = 0; c < 6; c++) {
                box(c, 0).setSelected(false);
            }
        });
        Button ok = robot.lookup("#connection-ok").queryButton();
        assertTrue(GuiTestSupport.fx(ok::isDisabled));
        String why = GuiTestSupport.fx(() -> robot.lookup("#connection-message").queryAs(Label.class).getText());
        assertTrue(why.contains("filter 0") && why.contains("reads no input channel"), why);

        // filter 0 reads maps 0 and 5 only: 2 kernels instead of 3
        GuiTestSupport.fx(() -> {
            box(0, 0).setSelected(true);
            box(5, 0).setSelected(true);
        });
        assertFalse(GuiTestSupport.fx(ok::isDisabled));
        robot.clickOn("#connection-ok");
        GuiTestSupport.waitUntil(() -> c3().connections().get(0).equals(List.of(0, 5)), 10);
        assertEquals(published.subList(1, 16), c3().connections().subList(1, 16));
        assertEquals(params - 25, (long) GuiTestSupport.fx(() -> vm.analysisProperty().get().info("c3").orElseThrow().params()));

        GuiTestSupport.fx(() -> vm.undo());
        assertEquals(published, c3().connections(), "one undo step");
        GuiTestSupport.fx(() -> vm.redo());
        assertEquals(List.of(0, 5), c3().connections().get(0));
    }

    @Test
    void cancelChangesNothing() throws Exception {
        robot.clickOn("#field-connections");
        GuiTestSupport.waitUntil(() -> robot.lookup("#connection-grid").tryQuery().isPresent(), 10);
        GuiTestSupport.fx(() -> box(5, 0).setSelected(true));
        robot.clickOn(robot.lookup(".button").match(n -> n instanceof Button b && "Cancel".equals(b.getText())).queryButton());
        GuiTestSupport.settle();
        assertEquals(Conv2d.lenet5Table(), c3().connections());
        assertFalse(GuiTestSupport.fx(() -> vm.canUndoProperty().get()), "no edit recorded");
    }
}
