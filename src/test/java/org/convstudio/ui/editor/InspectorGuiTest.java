package org.convstudio.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.convstudio.model.graph.Network;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.LayerType;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.shell.ConvStudioApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.testfx.api.FxRobot;

/** The inspector: a merge block's inputs in order (Concat reorderable), Ctrl+Z and Escape in a field. */
@Tag("gui")
class InspectorGuiTest {

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
        GuiTestSupport.waitUntil(() -> !app.window().design().canvas().isLayingOut(), 60);
        Network net = Network.empty("branches")
                .with(org.convstudio.model.graph.Node.of("input", LayerType.INPUT.defaults()))
                .with(org.convstudio.model.graph.Node.of("wide", Conv2d.of(8, 3).withPadding(1), "input"))
                .with(org.convstudio.model.graph.Node.of("narrow", Conv2d.of(4, 1), "input"))
                .with(org.convstudio.model.graph.Node.of("cat", LayerType.CONCAT.defaults(), "wide", "narrow"))
                .with(org.convstudio.model.graph.Node.of("sum", LayerType.ADD.defaults(), "wide", "wide"));
        GuiTestSupport.fx(() -> vm.load(net, null));
        GuiTestSupport.settle();
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.stop(app);
    }

    private Node lookup(String selector) {
        return GuiTestSupport.fx(() -> app.stage().getScene().lookup(selector));
    }

    private String rowText(int i) {
        return GuiTestSupport.fx(() -> {
            var row = (javafx.scene.layout.HBox) app.stage().getScene().lookup("#inspector-input-" + i);
            StringBuilder b = new StringBuilder();
            for (Node n : row.getChildren()) {
                if (n instanceof Label l) {
                    b.append(l.getText()).append(' ');
                }
            }
            return b.toString().trim();
        });
    }

    private void select(String id) {
        GuiTestSupport.fx(() -> {
            vm.getSelection().clear();
            vm.getSelection().add(id);
        });
        GuiTestSupport.settle();
    }

    @Test
    void aConcatListsItsInputsInOrderAndReordersThemInOneUndoStep() {
        select("cat");
        assertEquals("1. wide 8×28×28", rowText(0));
        assertEquals("2. narrow 4×28×28", rowText(1));
        robot.clickOn("#inspector-input-down-0");
        GuiTestSupport.settle();
        assertEquals(List.of("narrow", "wide"), GuiTestSupport.fx(() -> vm.getNetwork().node("cat").orElseThrow().inputs()));
        assertEquals("1. narrow 4×28×28", rowText(0));
        GuiTestSupport.fx(vm::undo);
        GuiTestSupport.settle();
        assertEquals(List.of("wide", "narrow"), GuiTestSupport.fx(() -> vm.getNetwork().node("cat").orElseThrow().inputs()));
        assertEquals("1. wide 8×28×28", rowText(0));

        // an Add lists its inputs too, without reordering (the sum does not depend on it)
        select("sum");
        assertNotNull(lookup("#inspector-input-1"));
        assertNull(lookup("#inspector-input-down-0"));
    }

    @Test
    void ctrlZInAFieldUndoesTheDesignEditAndEscapeRevertsAnInvalidValue() {
        select("wide");
        TextField filters = (TextField) lookup("#field-filters");
        robot.clickOn(filters);
        GuiTestSupport.fx(filters::selectAll);
        robot.write("16");
        robot.type(KeyCode.ENTER);
        GuiTestSupport.settle();
        assertEquals(16, GuiTestSupport.fx(() -> ((Conv2d) vm.getNetwork().node("wide").orElseThrow().layer()).filters()));

        // Ctrl+Z with the caret in the field: the design goes back to 8 filters in one step, the field shows 8
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        GuiTestSupport.settle();
        assertEquals(8, GuiTestSupport.fx(() -> ((Conv2d) vm.getNetwork().node("wide").orElseThrow().layer()).filters()));
        TextField again = (TextField) lookup("#field-filters");
        assertEquals("8", GuiTestSupport.fx(() -> again.getText()));
        assertTrue(GuiTestSupport.fx(again::isFocused), "the caret stays in the field");
        assertFalse(GuiTestSupport.fx(vm::isDirty), "back at the loaded design");

        // an invalid value changes nothing and Escape puts the block's value back
        Network before = GuiTestSupport.fx(vm::getNetwork);
        GuiTestSupport.fx(again::selectAll);
        robot.write("x");
        GuiTestSupport.settle();
        assertTrue(GuiTestSupport.fx(() -> lookup("#inspector-validation").isVisible()), "the reason is shown");
        robot.type(KeyCode.ESCAPE);
        GuiTestSupport.settle();
        TextField reverted = (TextField) lookup("#field-filters");
        assertEquals("8", GuiTestSupport.fx(() -> reverted.getText()));
        assertFalse(GuiTestSupport.fx(() -> lookup("#inspector-validation").isVisible()));
        assertEquals(before, GuiTestSupport.fx(vm::getNetwork));
    }

    @Test
    void readyToTrainChecksTheOutputsAgainstTheLoadedDataAndOffersTheFix() throws Exception {
        // the Train workspace loads the bundled MNIST sample: 10 classes
        GuiTestSupport.fx(() -> app.window().show("train"));
        GuiTestSupport.waitUntil(() -> vm.dataClassesProperty().get() == 10, 60);
        GuiTestSupport.fx(() -> {
            app.window().show("design");
            app.window().design().loadPreset("lenet");
            vm.setLayer("fc3", new org.convstudio.model.layer.Dense(1000, true), null);
        });
        GuiTestSupport.settle();
        Label status = (Label) lookup("#totals-status");
        assertEquals("Outputs ≠ 10 classes", GuiTestSupport.fx(() -> status.getText()));
        String tip = GuiTestSupport.fx(() -> status.getTooltip().getText());
        assertTrue(tip.startsWith("The design ends in a Softmax (softmax) with 1,000 outputs but the data has 10 classes"
                + " — give the Dense block fc3 10 units"), tip);
        robot.clickOn("#totals-fix");
        GuiTestSupport.settle();
        assertEquals(10, GuiTestSupport.fx(() -> ((org.convstudio.model.layer.Dense) vm.getNetwork().node("fc3").orElseThrow()
                .layer()).units()));
        assertEquals("Ready to train", GuiTestSupport.fx(() -> status.getText()));
        assertFalse(GuiTestSupport.fx(() -> lookup("#totals-fix").isVisible()));
    }
}
