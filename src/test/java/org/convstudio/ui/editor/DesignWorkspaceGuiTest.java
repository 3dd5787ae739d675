package org.convstudio.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.NetworkJson;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Input;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.shell.ConvStudioApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

@Tag("gui")
class DesignWorkspaceGuiTest {

    private ConvStudioApp app;
    private DesignWorkspace design;
    private DesignViewModel vm;
    private final FxRobot robot = new FxRobot();

    @TempDir
    Path tmp;

    @BeforeAll
    static void isolate() throws Exception {
        GuiTestSupport.isolate();
    }

    @BeforeEach
    void start() throws Exception {
        app = GuiTestSupport.start();
        design = app.window().design();
        vm = design.viewModel();
        // the start-up design is laid out in the background once the window shows
        GuiTestSupport.waitUntil(() -> !design.canvas().isLayingOut(), 60);
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.fx(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != app.stage() && w instanceof javafx.stage.Stage s) {
                    s.close();
                }
            }
        });
        GuiTestSupport.stop(app);
    }

    private Node lookup(String selector) {
        return GuiTestSupport.fx(() -> app.stage().getScene().lookup(selector));
    }

    private Point2D screenCentre(Node n) {
        return GuiTestSupport.fx(() -> {
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            return new Point2D(b.getCenterX(), b.getCenterY());
        });
    }

    @Test
    void opensWithLenet() {
        assertEquals("LeNet", GuiTestSupport.fx(() -> vm.getNetwork().name()));
        assertNotNull(lookup("#block-conv1"));
        assertFalse(GuiTestSupport.fx(vm::isDirty));
        assertEquals("61,706", GuiTestSupport.fx(() -> ((Label) lookup("#totals-params")).getText()));
        // receptive fields on the cards: conv1 5, pool1 6, conv2 6 + 4×2 = 14 input pixels
        assertEquals("16@5×5 · RF 14", GuiTestSupport.fx(() -> ((Label) lookup("#block-summary-conv2")).getText()));
        assertEquals("max 2×2 · RF 6", GuiTestSupport.fx(() -> ((Label) lookup("#block-summary-pool1")).getText()));
    }

    @Test
    void dragConvFromPaletteThenConnectIt() throws Exception {
        GuiTestSupport.fx(() -> {
            vm.load(Network.empty("Test").with(new org.convstudio.model.graph.Node("input", new Input(1, 28, 28),
                    List.of(), 0, 0)), null);
            design.canvas().fit();
        });
        GuiTestSupport.settle();
        Node input = lookup("#block-input");
        Bounds ib = GuiTestSupport.fx(() -> input.localToScreen(input.getBoundsInLocal()));
        Point2D drop = new Point2D(ib.getCenterX(), ib.getMaxY() + 140);

        robot.drag("#palette-conv2d").dropTo(drop);
        GuiTestSupport.settle();
        assertTrue(GuiTestSupport.fx(() -> vm.getNetwork().contains("conv1")), "the Conv block was added");
        assertEquals("→ ?", GuiTestSupport.fx(() -> ((Label) lookup("#block-shape-conv1")).getText()),
                "not connected yet");

        robot.drag("#out-port-input").dropTo("#block-conv1");
        GuiTestSupport.settle();
        assertEquals(List.of("input"), GuiTestSupport.fx(() -> vm.getNetwork().node("conv1").orElseThrow().inputs()));
        assertEquals("→ 8×26×26", GuiTestSupport.fx(() -> ((Label) lookup("#block-shape-conv1")).getText()));
        assertEquals("80 params", GuiTestSupport.fx(() -> ((Label) lookup("#block-params-conv1")).getText()));

        // moving it by dragging is one undoable edit
        Point2D before = GuiTestSupport.fx(() -> {
            var n = vm.getNetwork().node("conv1").orElseThrow();
            return new Point2D(n.x(), n.y());
        });
        robot.drag("#block-conv1").moveBy(120, 30).drop();
        GuiTestSupport.settle();
        Point2D after = GuiTestSupport.fx(() -> {
            var n = vm.getNetwork().node("conv1").orElseThrow();
            return new Point2D(n.x(), n.y());
        });
        assertNotEquals(before, after);
        GuiTestSupport.fx(vm::undo);
        assertEquals(before, GuiTestSupport.fx(() -> {
            var n = vm.getNetwork().node("conv1").orElseThrow();
            return new Point2D(n.x(), n.y());
        }));
    }

    @Test
    void droppingABlockOnAConnectionInsertsIt() {
        Node edge = lookup("#edge-fc1-relu3");
        assertNotNull(edge, "LeNet draws the fc1 → relu3 connection");
        List<Double> pts = GuiTestSupport.fx(() -> design.canvas().edgePoints("fc1", "relu3"));
        Point2D onEdge = GuiTestSupport.fx(() -> {
            // the middle of the connection's first segment
            return edge.localToScreen((pts.get(0) + pts.get(2)) / 2, (pts.get(1) + pts.get(3)) / 2);
        });
        robot.drag("#palette-dropout").dropTo(onEdge);
        GuiTestSupport.settle();
        Network n = GuiTestSupport.fx(vm::getNetwork);
        assertEquals(List.of("dropout1"), n.node("relu3").orElseThrow().inputs(), "relu3 now reads the new block");
        assertEquals(List.of("fc1"), n.node("dropout1").orElseThrow().inputs());
        assertEquals("61,706", GuiTestSupport.fx(() -> ((Label) lookup("#totals-params")).getText()), "dropout adds no parameters");
        GuiTestSupport.fx(vm::undo);
        assertEquals(List.of("fc1"), GuiTestSupport.fx(() -> vm.getNetwork().node("relu3").orElseThrow().inputs()),
                "one undo step removes the insertion");
    }

    @Test
    void invalidEditShowsTheModelsMessageOnTheBlock() {
        robot.clickOn("#block-conv2");
        GuiTestSupport.settle();
        assertEquals(Set.of("conv2"), GuiTestSupport.fx(() -> Set.copyOf(vm.getSelection())));
        TextField kernel = (TextField) lookup("#field-kernel");
        assertNotNull(kernel, "the inspector shows the kernel field");
        robot.doubleClickOn(kernel);
        GuiTestSupport.fx(kernel::selectAll);
        robot.write("30");
        GuiTestSupport.settle();
        BlockCard card = (BlockCard) lookup("#block-conv2");
        assertTrue(GuiTestSupport.fx(card::isError), "the block is marked as invalid");
        String message = GuiTestSupport.fx(card::problemText);
        assertTrue(message.contains("larger than its 14×14 input"), message);

        // a value the layer itself rejects: explained in the inspector, the design is not changed
        Network beforeBad = GuiTestSupport.fx(vm::getNetwork);
        TextField filters = (TextField) lookup("#field-filters");
        GuiTestSupport.fx(() -> filters.setText("0"));
        GuiTestSupport.settle();
        String validation = GuiTestSupport.fx(() -> ((Label) lookup("#inspector-validation")).getText());
        assertTrue(validation.toLowerCase().contains("at least 1 filter"), validation);
        assertEquals(beforeBad, GuiTestSupport.fx(vm::getNetwork));
    }

    @Test
    void undoAndRedoRestoreExactly() {
        Network start = GuiTestSupport.fx(vm::getNetwork);
        List<Network> states = new ArrayList<>();
        states.add(start);
        GuiTestSupport.fx(() -> {
            vm.addBlock(org.convstudio.model.layer.LayerType.DROPOUT, 500, 40);
            states.add(vm.getNetwork());
            vm.setLayer("conv1", Conv2d.of(12, 3).withPadding(1), null);
            states.add(vm.getNetwork());
            vm.moveBy(List.of("conv1", "relu1"), 35, -12);
            states.add(vm.getNetwork());
            vm.getSelection().clear();
            vm.getSelection().add("pool1");
            vm.deleteSelection();
            states.add(vm.getNetwork());
            vm.connect("conv2", "dropout1");
            states.add(vm.getNetwork());
        });
        for (int i = states.size() - 2; i >= 0; i--) {
            robot.clickOn("#tool-undo");
            assertEquals(states.get(i), GuiTestSupport.fx(vm::getNetwork), "undo to state " + i);
        }
        assertFalse(GuiTestSupport.fx(vm::isDirty), "back at the opened state: clean");
        for (int i = 1; i < states.size(); i++) {
            GuiTestSupport.fx(design::redo);
            assertEquals(states.get(i), GuiTestSupport.fx(vm::getNetwork), "redo to state " + i);
        }
        assertTrue(GuiTestSupport.fx(vm::isDirty));
    }

    @Test
    void saveAndReopenGivesAnIdenticalDesign() throws Exception {
        GuiTestSupport.fx(() -> {
            vm.setLayer("conv2", Conv2d.of(20, 3), null);
            vm.moveBy(List.of("fc1"), 13, 7);
        });
        Network saved = GuiTestSupport.fx(vm::getNetwork);
        Path file = tmp.resolve("my design" + NetworkJson.EXTENSION);
        GuiTestSupport.fx(() -> design.write(file, () -> { }));
        GuiTestSupport.waitUntil(() -> !vm.isDirty(), 10);
        assertTrue(Files.exists(file));
        assertEquals(file, GuiTestSupport.fx(vm::getFile));

        GuiTestSupport.fx(design::newDesign);
        assertNotEquals(saved, GuiTestSupport.fx(vm::getNetwork));
        GuiTestSupport.fx(() -> design.open(file));
        GuiTestSupport.waitUntil(() -> file.equals(vm.getFile()), 10);
        assertEquals(saved, GuiTestSupport.fx(vm::getNetwork));
        assertFalse(GuiTestSupport.fx(vm::isDirty));
    }

    @Test
    void aCorruptFileGivesAMessageAndLosesNothing() throws Exception {
        GuiTestSupport.fx(() -> vm.setLayer("conv1", Conv2d.of(10, 5).withPadding(2), null));
        Network current = GuiTestSupport.fx(vm::getNetwork);
        long revision = GuiTestSupport.fx(vm::getRevision);
        Path bad = tmp.resolve("broken" + NetworkJson.EXTENSION);
        Files.writeString(bad, "{ \"format\": 1, \"name\": \"x\", \"nodes\": [ {\"id\": \"a\", \"type\": \"conv2d\", ");
        // the design is dirty: answer the save question with "Don't Save" is not wanted here, so mark it saved first
        GuiTestSupport.fx(() -> vm.saved(null, vm.getRevision()));
        GuiTestSupport.fx(() -> design.open(bad));
        GuiTestSupport.waitUntil(() -> app.stage().getScene() != null
                && Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().lookup("#open-error-dialog") != null), 10);
        Label text = GuiTestSupport.fx(() -> Window.getWindows().stream()
                .map(w -> w.getScene().lookup("#open-error-text")).filter(n -> n != null)
                .map(n -> (Label) n).findFirst().orElseThrow());
        String msg = GuiTestSupport.fx(text::getText);
        assertTrue(msg.contains("not valid JSON"), msg);
        assertTrue(msg.contains("has not been changed"), msg);
        assertEquals(current, GuiTestSupport.fx(vm::getNetwork));
        assertEquals(revision, GuiTestSupport.fx(vm::getRevision));
    }

    @Test
    void autosaveWritesARecoveryFileThatIsOfferedAfterACrash() throws Exception {
        GuiTestSupport.fx(() -> vm.setLayer("conv1", Conv2d.of(7, 3), null));
        GuiTestSupport.fx(design::autosave);
        Path recovery = GuiTestSupport.fx(design::recoveryFile);
        assertTrue(recovery.getFileName().toString().startsWith("autosave-" + ProcessHandle.current().pid() + "-"),
                "this window's own slot: " + recovery);
        GuiTestSupport.waitUntil(() -> Files.exists(recovery), 10);
        Network unsaved = GuiTestSupport.fx(vm::getNetwork);
        assertEquals(unsaved, NetworkJson.read(recovery).withName(unsaved.name()));

        // a window that crashed left its slot (its lock is free); this window's live slot is never offered
        Path crashed = recovery.resolveSibling("autosave-1-1" + NetworkJson.EXTENSION);
        Files.copy(recovery, crashed);
        GuiTestSupport.fx(() -> design.viewModel().load(Network.empty("other"), null));
        GuiTestSupport.fx(design::checkRecovery);
        GuiTestSupport.waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().lookup("#recovery-dialog") != null), 10);
        robot.clickOn("Restore");
        GuiTestSupport.settle();
        assertEquals(unsaved, GuiTestSupport.fx(vm::getNetwork));
        assertTrue(GuiTestSupport.fx(vm::isDirty), "recovered work is unsaved");
        GuiTestSupport.waitUntil(() -> Files.notExists(crashed), 10);
        assertTrue(Files.exists(recovery), "the live window's own file is kept");
        assertTrue(Window.getWindows().stream().noneMatch(w -> w.getScene() != null
                && w.getScene().lookup("#recovery-dialog") != null), "one orphan, one question");
    }
}
