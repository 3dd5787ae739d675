package org.convstudio.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.convstudio.analysis.image.Pictures;
import org.convstudio.model.analysis.ReceptiveField;
import org.convstudio.model.preset.Presets;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.shell.ConvStudioApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The Inspect workspace in the real app: click a unit, see its field; draw a stroke, see the prediction change. */
@Tag("gui")
class InspectWorkspaceGuiTest {

    private ConvStudioApp app;
    private final FxRobot robot = new FxRobot();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        GuiTestSupport.isolate();
        app = GuiTestSupport.start();
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.stop(app);
    }

    /** The node with {@code id}, once the scene holds it (see {@link GuiTestSupport#lookup}). */
    @SuppressWarnings("unchecked")
    private <T> T lookup(String id) {
        try {
            return (T) GuiTestSupport.lookup(app, id);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("nothing matches " + id + " in the window", e);
        }
    }

    @Test
    void clickingAUnitOutlinesItsFieldAndDrawingAStrokeChangesThePrediction() throws Exception {
        GuiTestSupport.fx(() -> app.window().show("inspect"));
        InspectWorkspace ws = GuiTestSupport.fx(() -> (InspectWorkspace) app.window().currentWorkspace());
        InspectViewModel vm = ws.viewModel();
        GuiTestSupport.fx(() -> ws.open(InspectSource.design("LeNet test", Presets.get("lenet"))));
        GuiTestSupport.waitUntil(() -> vm.sampleProperty().get() != null, 120);
        GuiTestSupport.fx(() -> ws.select("inspect-tab-field"));
        ImageView map = lookup("#inspect-field-map");
        GuiTestSupport.waitUntil(() -> map.getImage() != null && map.getScene() != null, 20);

        // centre unit (5, 5) of conv2: rows and columns 8 to 21, nothing in the padding
        int cell = GuiTestSupport.fx(() -> ws.fieldPane().cellSize());
        Point2D centre = GuiTestSupport.fx(() -> map.localToScreen(cell * 5 + cell / 2.0, cell * 5 + cell / 2.0));
        robot.clickOn(centre);
        GuiTestSupport.waitUntil(() -> vm.fieldProperty().get() != null, 30);
        var field = vm.fieldProperty().get();
        assertEquals("conv2", field.rect().node());
        assertEquals(new ReceptiveField.Region(8, 8, 21, 21), field.rect().region());
        ImageView input = lookup("#inspect-field-input");
        GuiTestSupport.waitUntil(() -> input.getImage() != null && input.getImage().getWidth() == 280, 10);
        Image img = GuiTestSupport.fx(input::getImage);
        int s = 280 / 28;
        assertEquals(Pictures.FIELD, img.getPixelReader().getArgb(8 * s, 8 * s), "outline at the field's top-left corner");
        assertEquals(Pictures.FIELD, img.getPixelReader().getArgb(22 * s - 1, 15 * s), "outline on the right edge (column 21)");
        assertNotEquals(Pictures.FIELD, img.getPixelReader().getArgb(7 * s, 7 * s), "nothing outside the field");
        assertTrue(field.erf()[14 * 28 + 14] > 0 && field.erf()[2 * 28 + 2] == 0, "the effective field lies inside the square");

        // corner unit (0, 0): reaches 2 pixels into the padding, drawn as a frame around the image
        Point2D corner = GuiTestSupport.fx(() -> map.localToScreen(cell / 2.0, cell / 2.0));
        robot.clickOn(corner);
        GuiTestSupport.waitUntil(() -> vm.fieldProperty().get() != field && vm.fieldProperty().get().rect().y() == 0, 30);
        var cornerField = vm.fieldProperty().get();
        assertEquals(new ReceptiveField.Region(-2, -2, 11, 11), cornerField.rect().region());
        GuiTestSupport.waitUntil(() -> input.getImage().getWidth() != 280, 10);
        Image framed = GuiTestSupport.fx(input::getImage);
        int fs = 280 / 32;
        assertEquals(32 * fs, (int) framed.getWidth(), "image plus a 2-pixel padding frame on each side");
        assertEquals(Pictures.FIELD, framed.getPixelReader().getArgb(0, 0), "the field starts in the padding");
        assertEquals(Pictures.PADDING, framed.getPixelReader().getArgb(31 * fs, 31 * fs), "padding outside the field");
        Label facts = lookup("#inspect-field-facts");
        assertTrue(GuiTestSupport.fx(facts::getText).contains("padding"), GuiTestSupport.fx(facts::getText));

        // draw a digit: the empty canvas is classified, then a stroke changes the probabilities
        GuiTestSupport.fx(() -> ws.select("inspect-tab-draw"));
        GuiTestSupport.waitUntil(() -> vm.drawingProperty().get() != null, 30);
        float[] blank = vm.drawingProperty().get().probabilities().clone();
        var canvas = lookup("#inspect-draw-canvas");
        Point2D a = GuiTestSupport.fx(() -> ((javafx.scene.Node) canvas).localToScreen(90, 60));
        Point2D b = GuiTestSupport.fx(() -> ((javafx.scene.Node) canvas).localToScreen(190, 60));
        Point2D c = GuiTestSupport.fx(() -> ((javafx.scene.Node) canvas).localToScreen(130, 230));
        robot.drag(a).moveTo(b).moveTo(c).drop();
        GuiTestSupport.waitUntil(() -> {
            var d = vm.drawingProperty().get();
            return d != null && !Arrays.equals(d.probabilities(), blank) && ws.drawPane().ink()[60 * 280 + 140] > 0;
        }, 30);
        Label prediction = lookup("#inspect-draw-prediction");
        GuiTestSupport.waitUntil(() -> prediction.getText().startsWith("Looks like"), 10);
        float[] drawn = vm.drawingProperty().get().probabilities();
        assertFalse(Arrays.equals(blank, drawn), "the stroke changed the class probabilities");
        float[] raw = vm.drawingProperty().get().raw();
        double mass = 0;
        for (float v : raw) {
            mass += v;
        }
        assertTrue(mass > 10, "the network saw the stroke (28×28 ink " + mass + ")");

        // every pane exports a PNG
        TabPane tabs = GuiTestSupport.fx(() -> (TabPane) ((javafx.scene.layout.BorderPane) ws.view()).getCenter());
        for (int i = 0; i < 6; i++) {
            int k = i;
            Path file = dir.resolve("pane-" + i + ".png");
            GuiTestSupport.fx(() -> {
                tabs.getSelectionModel().select(k);
                try {
                    Fx.exportPng(tabs.getTabs().get(k).getContent(), file);
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });
            assertTrue(Files.size(file) > 1000, file + " written");
        }
    }
}
