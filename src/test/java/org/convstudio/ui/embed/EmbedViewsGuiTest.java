package org.convstudio.ui.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.input.MouseButton;
import org.convstudio.cli.ConvStudioCli;
import org.convstudio.engine.run.RunReader;
import org.convstudio.model.graph.Network;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.inspect.InspectSource;
import org.convstudio.ui.inspect.InspectWorkspace;
import org.convstudio.ui.shell.ConvStudioApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Embed workspace's views in the real app, on a LeNet run trained by the CLI: input space beside the learned
 * space with linked hover and each panel's scores; a lasso on the map and the gallery of its images; a click on a
 * point opening that sample in Inspect.
 */
@Tag("gui")
class EmbedViewsGuiTest {

    static Path run;
    static Network net;

    private ConvStudioApp app;
    private final FxRobot robot = new FxRobot();
    private EmbedWorkspace ws;
    private EmbedViewModel vm;

    @BeforeAll
    static void train() throws Exception {
        run = Files.createTempDirectory("embed-views").resolve("lenet-run");
        assertEquals(0, ConvStudioCli.run("train", "lenet", "--epochs", "1", "--limit", "600", "--seed", "3",
                "--out", run.toString()));
        net = RunReader.read(run).design();
    }

    @BeforeEach
    void start() throws Exception {
        GuiTestSupport.isolate();
        app = GuiTestSupport.start();
        GuiTestSupport.fx(() -> app.window().show("embed"));
        ws = GuiTestSupport.fx(() -> (EmbedWorkspace) app.window().currentWorkspace());
        vm = ws.viewModel();
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.stop(app);
    }

    private void computeLayer(int samples) throws Exception {
        GuiTestSupport.fx(() -> ws.chooseRun("Run lenet-run (1 epoch)", run, net));
        GuiTestSupport.fx(() -> ws.compute("PCA", 30, samples));
        GuiTestSupport.waitUntil(() -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().done()
                && !vm.snapshotProperty().get().inputSpace(), 60);
        GuiTestSupport.settle();
    }

    @Test
    void theInputSpaceIsShownBesideTheLayerWithItsScoresAndHoverIsLinked() throws Exception {
        computeLayer(400);
        EmbedSnapshot in = vm.inputProperty().get();
        EmbedSnapshot layer = vm.snapshotProperty().get();
        assertTrue(GuiTestSupport.fx(() -> ws.inputPanel().isVisible() && ws.inputPanel().getWidth() > 200),
                "the input space is shown");
        assertTrue(GuiTestSupport.fx(() -> Math.abs(ws.inputPanel().getWidth() - ws.layerPanel().getWidth()) < 2),
                "both maps get the same width");
        assertEquals(String.format(Locale.ROOT, "Neighbourhood hit (k = 6): %.1f %%", 100 * in.quality().neighborhoodHit()),
                GuiTestSupport.fx(ws.inputPanel()::hitText));
        assertEquals(String.format(Locale.ROOT, "Neighbourhood hit (k = 6): %.1f %%",
                100 * layer.quality().neighborhoodHit()), GuiTestSupport.fx(ws.layerPanel()::hitText));
        assertEquals(String.format(Locale.ROOT, "Trustworthiness (k = 12): %.1f %%", 100 * in.quality().trustworthiness()),
                GuiTestSupport.fx(ws.inputPanel()::trustText));
        assertEquals(400, (int) GuiTestSupport.fx(() -> ws.inputPlot().drawnPoints()));
        assertEquals(400, (int) GuiTestSupport.fx(() -> ws.plot().drawnPoints()));
        assertTrue(GuiTestSupport.fx(() -> ws.inputPlot().data().predictions()) == layer.predictions(),
                "both maps ring and colour with the same predictions");

        // hovering a sample in the learned space rings the same sample in the input space, and back
        Point2D p = GuiTestSupport.fx(() -> ws.plot().localToScreen(ws.plot().position(7)));
        robot.moveTo(p);
        GuiTestSupport.waitUntil(() -> ws.plot().hoveredSample() >= 0, 5);
        int hovered = GuiTestSupport.fx(() -> ws.plot().hoveredSample());
        assertEquals(hovered, (int) GuiTestSupport.fx(() -> ws.inputPlot().highlighted()));
        Point2D q = GuiTestSupport.fx(() -> ws.inputPlot().localToScreen(ws.inputPlot().position(11)));
        robot.moveTo(q);
        GuiTestSupport.waitUntil(() -> ws.inputPlot().hoveredSample() >= 0, 5);
        int other = GuiTestSupport.fx(() -> ws.inputPlot().hoveredSample());
        GuiTestSupport.waitUntil(() -> ws.plot().highlighted() == other, 5);

        // unticking "Beside pixels" leaves the learned space alone
        robot.clickOn("#embed-side-by-side");
        GuiTestSupport.settle();
        assertFalse(GuiTestSupport.fx(() -> ws.inputPanel().isVisible()));
    }

    @Test
    void aLassoSelectsThePointsInsideAndTheGalleryShowsTheirImages() throws Exception {
        GuiTestSupport.fx(() -> ws.compute("PCA", 30, 400));
        GuiTestSupport.waitUntil(() -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().done(), 60);
        GuiTestSupport.settle();
        assertFalse(GuiTestSupport.fx(() -> ws.gallery().isVisible()), "no gallery before a selection");
        robot.clickOn("#embed-lasso");
        ScatterPlot plot = ws.plot();
        double cx = GuiTestSupport.fx(() -> plot.getWidth() / 2);
        double cy = GuiTestSupport.fx(() -> plot.getHeight() / 2);
        double r = 70;
        int n = vm.snapshotProperty().get().points();
        // where the points are while the lasso is drawn (the gallery's appearance then re-fits the map)
        Point2D[] at = GuiTestSupport.fx(() -> {
            Point2D[] a = new Point2D[n];
            for (int i = 0; i < n; i++) {
                a[i] = plot.position(i);
            }
            return a;
        });
        double[][] corners = {{cx - r, cy - r}, {cx + r, cy - r}, {cx + r, cy + r}, {cx - r, cy + r}, {cx - r, cy - r}};
        robot.moveTo(GuiTestSupport.fx(() -> plot.localToScreen(corners[0][0], corners[0][1])));
        robot.press(MouseButton.PRIMARY);
        for (double[] c : corners) {
            robot.moveTo(GuiTestSupport.fx(() -> plot.localToScreen(c[0], c[1])));
        }
        robot.release(MouseButton.PRIMARY);
        GuiTestSupport.waitUntil(() -> !vm.selectionProperty().get().isEmpty(), 10);
        GuiTestSupport.settle();

        Selection sel = vm.selectionProperty().get();
        for (int i = 0; i < n; i++) {
            double dx = Math.abs(at[i].getX() - cx);
            double dy = Math.abs(at[i].getY() - cy);
            if (dx < r - 3 && dy < r - 3) {
                assertTrue(sel.contains(i), "sample " + i + " lies well inside the lasso");
            } else if (dx > r + 3 || dy > r + 3) {
                assertFalse(sel.contains(i), "sample " + i + " lies outside the lasso");
            }
        }
        assertTrue(GuiTestSupport.fx(() -> ws.gallery().isVisible()));
        assertEquals(Math.min(sel.size(), SelectionGallery.PAGE), (int) GuiTestSupport.fx(() -> ws.gallery().shown()));
        javafx.scene.control.Label count = GuiTestSupport.fx(() -> (javafx.scene.control.Label)
                app.stage().getScene().lookup("#embed-gallery-count"));
        assertTrue(GuiTestSupport.fx(count::getText).startsWith(sel.size() + " selected"),
                GuiTestSupport.fx(count::getText));

        robot.clickOn("#embed-gallery-clear");
        GuiTestSupport.settle();
        assertTrue(vm.selectionProperty().get().isEmpty());
        assertFalse(GuiTestSupport.fx(() -> ws.gallery().isVisible()));
    }

    @Test
    void clickingAPointOpensThatSampleInInspect() throws Exception {
        computeLayer(300);
        int target = 23;
        // clicked in the input space: the same sample, opened with the run the learned space maps
        Point2D p = GuiTestSupport.fx(() -> ws.inputPlot().localToScreen(ws.inputPlot().position(target)));
        robot.moveTo(p);
        GuiTestSupport.waitUntil(() -> ws.inputPlot().hoveredSample() >= 0, 5);
        int clicked = GuiTestSupport.fx(() -> ws.inputPlot().hoveredSample());
        robot.clickOn(MouseButton.PRIMARY);
        GuiTestSupport.waitUntil(() -> "inspect".equals(app.window().currentWorkspace().id()), 10);
        InspectWorkspace inspect = GuiTestSupport.fx(() -> (InspectWorkspace) app.window().currentWorkspace());
        try {
            GuiTestSupport.waitUntil(() -> inspect.viewModel().sampleProperty().get() != null
                    && inspect.viewModel().sampleProperty().get().index() == clicked, 90);
        } catch (java.util.concurrent.TimeoutException e) {
            var shown = inspect.viewModel().sampleProperty().get();
            throw new AssertionError("Inspect shows sample " + (shown == null ? "none" : shown.index()) + ", not "
                    + clicked + "; its status: " + GuiTestSupport.fx(() -> inspect.viewModel().statusProperty().get()), e);
        }
        @SuppressWarnings("unchecked")
        ComboBox<InspectSource> source = GuiTestSupport.fx(() -> (ComboBox<InspectSource>)
                app.stage().getScene().lookup("#inspect-source"));
        assertEquals(run, GuiTestSupport.fx(() -> source.getValue().run()));
    }
}
