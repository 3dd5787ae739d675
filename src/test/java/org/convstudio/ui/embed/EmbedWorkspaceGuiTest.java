package org.convstudio.ui.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.shell.ConvStudioApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Embed workspace in the real app: compute a PCA of a few hundred images, see the points and the scores. */
@Tag("gui")
class EmbedWorkspaceGuiTest {

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
    void pcaOfAFewHundredImagesDrawsThePointsAndShowsTheScores() throws Exception {
        GuiTestSupport.fx(() -> app.window().show("embed"));
        EmbedWorkspace ws = GuiTestSupport.fx(() -> (EmbedWorkspace) app.window().currentWorkspace());
        Label hit = lookup("#embed-score-hit");
        assertEquals("—", GuiTestSupport.fx(hit::getText), "no scores before computing");
        Canvas canvas = lookup("#embed-canvas");
        assertEquals(0, colouredPixels(canvas), "nothing drawn before computing");

        GuiTestSupport.fx(() -> ws.compute("PCA", 30, 400));
        EmbedViewModel vm = ws.viewModel();
        GuiTestSupport.waitUntil(() -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().done(), 60);
        GuiTestSupport.settle();

        var q = vm.snapshotProperty().get().quality();
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f %%", 100 * q.neighborhoodHit()),
                GuiTestSupport.fx(hit::getText));
        Label trust = lookup("#embed-score-trust");
        Label knn = lookup("#embed-score-knn");
        assertTrue(GuiTestSupport.fx(trust::getText).endsWith("%"), GuiTestSupport.fx(trust::getText));
        assertTrue(GuiTestSupport.fx(knn::getText).endsWith("%"), GuiTestSupport.fx(knn::getText));
        assertEquals(400, (int) GuiTestSupport.fx(() -> ws.plot().drawnPoints()), "a fitted map shows every point");
        assertTrue(colouredPixels(canvas) > 400, "the points are on the canvas");

        // hovering a point shows its thumbnail and label
        Point2D p = GuiTestSupport.fx(() -> ws.plot().localToScreen(ws.plot().position(7)));
        robot.moveTo(p);
        GuiTestSupport.waitUntil(() -> ws.plot().hoveredSample() >= 0, 5);
        javafx.scene.Node card = lookup("#embed-hover");
        assertTrue(GuiTestSupport.fx(card::isVisible));

        // zooming in around the centre leaves points outside the view
        Point2D centre = GuiTestSupport.fx(() -> ws.plot().localToScreen(ws.plot().getWidth() / 2,
                ws.plot().getHeight() / 2));
        robot.moveTo(centre);
        double before = GuiTestSupport.fx(() -> ws.plot().scale());
        robot.scroll(8, javafx.geometry.VerticalDirection.UP);
        GuiTestSupport.settle();
        double after = GuiTestSupport.fx(() -> ws.plot().scale());
        assertTrue(after > before, "scrolling up zooms in");
        int afterZoom = GuiTestSupport.fx(() -> ws.plot().drawnPoints());
        assertTrue(afterZoom < 400, "zoomed in, some points leave the view: " + afterZoom + " scale " + before + " -> " + after);
    }

    /** Pixels of the canvas that are not transparent/background (points are coloured, the canvas is cleared). */
    private static int colouredPixels(Canvas canvas) {
        WritableImage img = GuiTestSupport.fx(() -> {
            var params = new javafx.scene.SnapshotParameters();
            params.setFill(javafx.scene.paint.Color.TRANSPARENT);
            return canvas.getWidth() > 0 ? canvas.snapshot(params, null) : null;
        });
        if (img == null) {
            return 0;
        }
        var r = img.getPixelReader();
        int count = 0;
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                int argb = r.getArgb(x, y);
                int red = (argb >> 16) & 0xff;
                int green = (argb >> 8) & 0xff;
                int blue = argb & 0xff;
                if ((argb >>> 24) > 0 && (Math.max(red, Math.max(green, blue)) - Math.min(red, Math.min(green, blue))) > 40) {
                    count++;
                }
            }
        }
        return count;
    }
}
