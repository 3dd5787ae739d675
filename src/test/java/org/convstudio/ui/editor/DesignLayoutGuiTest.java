package org.convstudio.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.LayerType;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.shell.ConvStudioApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The graph as the editor shows it: ResNet-18's Add blocks get two routed connections that never run
 * behind a block, Ctrl+L lays the design out again, a block dropped on a connection gets room.
 * Screenshots go to target/screenshots (look at them).
 */
@Tag("gui")
class DesignLayoutGuiTest {

    static final Path SHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    private ConvStudioApp app;
    private DesignWorkspace design;
    private DesignViewModel vm;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void isolate() throws Exception {
        GuiTestSupport.isolate();
        Files.createDirectories(SHOTS);
    }

    @BeforeEach
    void start() throws Exception {
        app = GuiTestSupport.start();
        design = app.window().design();
        vm = design.viewModel();
        // the start-up design is laid out in the background once the window shows
        GuiTestSupport.waitUntil(() -> !design.canvas().isLayingOut(), 60);
        GuiTestSupport.fx(() -> {
            app.stage().setWidth(1280);
            app.stage().setHeight(720);
        });
        GuiTestSupport.settle();
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.fx(() -> app.window().setLargeText(false));
        GuiTestSupport.stop(app);
    }

    static void shot(ConvStudioApp app, String name) throws Exception {
        GuiTestSupport.settle();
        WritableImage image = GuiTestSupport.fx(() -> app.stage().getScene().snapshot(null));
        javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }

    /** Every drawn connection into {@code to} is routed and stays off every other card (checked on the FX thread). */
    private void assertIncomingVisible(String to) {
        String problem = GuiTestSupport.fx(() -> incomingProblem(to));
        assertEquals("", problem);
    }

    private String incomingProblem(String to) {
        List<String> inputs = vm.getNetwork().node(to).orElseThrow().inputs();
        List<Double> ends = new ArrayList<>();
        for (String from : inputs) {
            if (!design.canvas().isRouted(from, to)) {
                return from + " → " + to + " is not routed";
            }
            List<Double> pts = design.canvas().edgePoints(from, to);
            ends.add(design.canvas().isHorizontal() ? pts.get(pts.size() - 1) : pts.get(pts.size() - 2));
            for (Node n : vm.getNetwork().nodes()) {
                if (n.id().equals(from) || n.id().equals(to)) {
                    continue;
                }
                Bounds b = design.canvas().card(n.id()).getBoundsInParent();
                for (int i = 2; i + 1 < pts.size(); i += 2) {
                    double minX = Math.min(pts.get(i - 2), pts.get(i));
                    double maxX = Math.max(pts.get(i - 2), pts.get(i));
                    double minY = Math.min(pts.get(i - 1), pts.get(i + 1));
                    double maxY = Math.max(pts.get(i - 1), pts.get(i + 1));
                    if (maxX > b.getMinX() + 2 && minX < b.getMaxX() - 2 && maxY > b.getMinY() + 2 && minY < b.getMaxY() - 2) {
                        return from + " → " + to + " runs behind " + n.id();
                    }
                }
            }
        }
        if (ends.size() == 2 && Math.abs(ends.get(0) - ends.get(1)) < 8) {
            return to + ": both connections arrive at the same point";
        }
        return "";
    }

    private void assertNoOverlaps() {
        String problem = GuiTestSupport.fx(() -> {
            List<Node> nodes = vm.getNetwork().nodes();
            for (Node a : nodes) {
                for (Node b : nodes) {
                    if (a != b) {
                        Bounds ba = design.canvas().card(a.id()).getBoundsInParent();
                        Bounds bb = design.canvas().card(b.id()).getBoundsInParent();
                        if (ba.intersects(bb.getMinX() + 1, bb.getMinY() + 1, bb.getWidth() - 2, bb.getHeight() - 2)) {
                            return a.id() + " overlaps " + b.id();
                        }
                    }
                }
            }
            return "";
        });
        assertEquals("", problem);
    }

    @Test
    void resNetAddsShowBothIncomingConnections() throws Exception {
        GuiTestSupport.fx(() -> design.loadPreset("resnet18"));
        GuiTestSupport.waitUntil(() -> !design.canvas().isLayingOut() && vm.getNetwork().nodes().stream()
                .filter(n -> n.layer().type() == LayerType.ADD)
                .allMatch(n -> design.canvas().isRouted(n.inputs().get(1), n.id())), 60);
        assertNoOverlaps();
        int adds = 0;
        for (Node n : GuiTestSupport.fx(() -> vm.getNetwork().nodes())) {
            if (n.layer().type() == LayerType.ADD) {
                assertIncomingVisible(n.id());
                adds++;
            }
        }
        assertEquals(8, adds);
        shot(app, "design-resnet18-1280x720");

        // moved by hand, then Ctrl+L: laid out again, routed again, one undo step
        Network laid = GuiTestSupport.fx(vm::getNetwork);
        GuiTestSupport.fx(() -> vm.moveBy(List.of("conv1"), 300, 40));
        GuiTestSupport.settle();
        assertFalse(GuiTestSupport.fx(() -> design.canvas().isRouted("input", "conv1")));
        robot.clickOn("#design-canvas");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.L)
                .release(javafx.scene.input.KeyCode.L, javafx.scene.input.KeyCode.CONTROL);
        GuiTestSupport.settle();
        assertTrue(GuiTestSupport.fx(() -> design.canvas().isRouted("input", "conv1")));
        assertEquals(laid.node("conv1").orElseThrow().x(), GuiTestSupport.fx(() -> vm.getNetwork().node("conv1").orElseThrow().x()));
    }

    @Test
    void aBlockDroppedOnAConnectionGetsRoom() throws Exception {
        GuiTestSupport.fx(() -> design.loadPreset("lenet"));
        GuiTestSupport.waitUntil(() -> !design.canvas().isLayingOut() && design.canvas().isRouted("fc1", "relu3"), 60);
        GuiTestSupport.settle();
        List<Double> pts = GuiTestSupport.fx(() -> design.canvas().edgePoints("fc1", "relu3"));
        Point2D mid = GuiTestSupport.fx(() -> {
            javafx.scene.Node edge = app.stage().getScene().lookup("#edge-fc1-relu3");
            int n = pts.size() / 2;
            // the middle of the connection's longest segment
            double best = -1;
            Point2D m = null;
            for (int i = 1; i < n; i++) {
                double x0 = pts.get(2 * i - 2), y0 = pts.get(2 * i - 1), x1 = pts.get(2 * i), y1 = pts.get(2 * i + 1);
                double len = Math.hypot(x1 - x0, y1 - y0);
                if (len > best) {
                    best = len;
                    m = edge.localToScreen((x0 + x1) / 2, (y0 + y1) / 2);
                }
            }
            return m;
        });
        robot.drag("#palette-dropout").dropTo(mid);
        GuiTestSupport.settle();
        assertEquals(List.of("dropout1"), GuiTestSupport.fx(() -> vm.getNetwork().node("relu3").orElseThrow().inputs()));
        assertNoOverlaps();
        assertTrue(GuiTestSupport.fx(() -> design.canvas().isRouted("fc1", "dropout1")));
        assertTrue(GuiTestSupport.fx(() -> design.canvas().isRouted("dropout1", "relu3")));
        shot(app, "design-lenet-inserted-1280x720");
        GuiTestSupport.fx(vm::undo);
        assertEquals(List.of("fc1"), GuiTestSupport.fx(() -> vm.getNetwork().node("relu3").orElseThrow().inputs()),
                "one undo step removes the insertion and its room");
    }

    /** Visible labels in the Design workspace whose text is shown cut ("Activa…"). */
    private List<String> cutLabels() {
        return GuiTestSupport.fx(() -> {
            List<String> cut = new ArrayList<>();
            for (javafx.scene.Node n : app.stage().getScene().lookup("#workspace-design").lookupAll(".label")) {
                if (!(n instanceof javafx.scene.control.Labeled l) || !n.isVisible() || l.getText() == null
                        || l.getText().isEmpty()) {
                    continue;
                }
                for (javafx.scene.Node t : l.getChildrenUnmodifiable()) {
                    if (t instanceof javafx.scene.text.Text shown && !shown.getText().equals(l.getText())
                            && shown.getText().endsWith("…") && !l.getText().endsWith("…")) {
                        cut.add(l.getId() + " \"" + l.getText() + "\" shown as \"" + shown.getText() + "\"");
                    }
                }
            }
            return cut;
        });
    }

    @Test
    void nothingIsCutAt1280x720Or1920x1080WithOrWithoutLargeText() throws Exception {
        GuiTestSupport.fx(() -> design.loadPreset("lenet"));
        GuiTestSupport.waitUntil(() -> !design.canvas().isLayingOut() && design.canvas().isRouted("fc1", "relu3"), 60);
        double[][] sizes = {{1280, 720}, {1920, 1080}};
        for (double[] size : sizes) {
            for (boolean large : new boolean[] {false, true}) {
                GuiTestSupport.fx(() -> {
                    app.stage().setWidth(size[0]);
                    app.stage().setHeight(size[1]);
                    app.window().setLargeText(large);
                    vm.getSelection().clear();
                    vm.getSelection().add("conv2");
                });
                GuiTestSupport.settle();
                GuiTestSupport.fx(design::fitToView);
                GuiTestSupport.settle();
                String name = "design-" + (int) size[0] + "x" + (int) size[1] + (large ? "-large-text" : "");
                shot(app, name);
                assertEquals(List.of(), cutLabels(), name);
                if (large) {
                    assertEquals(18.0 / 14.0, GuiTestSupport.fx(() -> design.canvas().getPresentationScale()), 1e-9);
                }
            }
        }
    }
}
