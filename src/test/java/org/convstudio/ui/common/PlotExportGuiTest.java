package org.convstudio.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.convstudio.ui.GuiTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.w3c.dom.Document;

/** A real {@link LinePlot} on screen saves itself as SVG (its series as polylines) and as PNG. */
@Tag("gui")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PlotExportGuiTest {

    private static Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        GuiTestSupport.requireDesktop();
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aPlotSavesSvgAndPng(@TempDir Path dir) throws Exception {
        LinePlot plot = GuiTestSupport.fx(() -> {
            LinePlot p = new LinePlot();
            p.setTitle("Loss");
            p.setXLabel("epoch");
            LinePlot.Series train = p.addSeries("train loss");
            LinePlot.Series val = p.addSeries("validation loss");
            for (int i = 1; i <= 20; i++) {
                train.append(i, 2.0 / i);
                val.append(i, 2.2 / i + 0.05);
            }
            // The plot's own size is fixed: the shared primary stage may keep (or later get) the size an
            // earlier test gave it, and the StackPane centres a plot held at its maximum size.
            p.setMinSize(640, 400);
            p.setPrefSize(640, 400);
            p.setMaxSize(640, 400);
            stage.setScene(new Scene(new StackPane(p), 640, 400));
            stage.sizeToScene();
            stage.show();
            return p;
        });
        GuiTestSupport.waitUntil(() -> GuiTestSupport.fx(() -> plot.getWidth() == 640 && plot.getHeight() == 400
                && plot.getCanvas().getWidth() > 0), 20);
        double width = 640;
        double height = 400;
        for (String name : new String[] {"loss.svg", "loss.png"}) {
            CompletableFuture<Path> saved = new CompletableFuture<>();
            Path file = dir.resolve(name);
            // the size is read in the same FX call that takes the snapshot, so nothing can resize it between
            double[] sizeAtSave = GuiTestSupport.fx(() -> {
                PlotExport.save(plot, file, saved::complete, saved::completeExceptionally);
                return new double[] {plot.getWidth(), plot.getHeight()};
            });
            assertEquals(width, sizeAtSave[0], "the plot keeps its own width");
            assertEquals(height, sizeAtSave[1], "the plot keeps its own height");
            assertEquals(file, saved.get(30, TimeUnit.SECONDS));
        }
        Document svg = PlotSvgTest.parse(Files.readString(dir.resolve("loss.svg")));
        assertEquals(1 + 2, svg.getElementsByTagName("polyline").getLength(), "the axes and one line per series");
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("train loss") && text.contains("validation loss") && text.contains("Loss"), text);
        assertEquals(PlotSvg.num(width), svg.getDocumentElement().getAttribute("width"), "the plot's size");
        var png = javax.imageio.ImageIO.read(dir.resolve("loss.png").toFile());
        assertEquals(Math.round(width), png.getWidth());
        assertEquals(Math.round(height), png.getHeight());
        assertTrue(GuiTestSupport.fx(() -> plot.getOnContextMenuRequested() != null), "right-click offers the export");
    }

    @Test
    void aConfusionMatrixSavesSvgAndPng(@TempDir Path dir) throws Exception {
        org.convstudio.analysis.metrics.ConfusionMatrix m = org.convstudio.analysis.metrics.ConfusionMatrix.of(
                new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 2, 0}, 3);
        org.convstudio.ui.training.ConfusionMatrixView view = GuiTestSupport.fx(() -> {
            org.convstudio.ui.training.ConfusionMatrixView v = new org.convstudio.ui.training.ConfusionMatrixView();
            v.setMatrix(m, java.util.List.of("zero", "one", "two"));
            v.setMinSize(300, 300);
            v.setPrefSize(300, 300);
            v.setMaxSize(300, 300);
            stage.setScene(new Scene(new StackPane(v), 400, 400));
            stage.sizeToScene();
            stage.show();
            return v;
        });
        GuiTestSupport.waitUntil(() -> view.getWidth() == 300 && view.getRedrawCount() > 0, 20);
        for (String name : new String[] {"matrix.svg", "matrix.png"}) {
            CompletableFuture<Path> saved = new CompletableFuture<>();
            Path file = dir.resolve(name);
            GuiTestSupport.fx(() -> view.save(file, saved::complete, saved::completeExceptionally));
            assertEquals(file, saved.get(30, TimeUnit.SECONDS));
        }
        Document svg = PlotSvgTest.parse(Files.readString(dir.resolve("matrix.svg")));
        assertTrue(svg.getDocumentElement().getTextContent().contains("true zero, predicted one: 1"));
        var png = javax.imageio.ImageIO.read(dir.resolve("matrix.png").toFile());
        assertEquals(300, png.getWidth());
        assertTrue(GuiTestSupport.fx(() -> view.getOnContextMenuRequested() != null), "right-click offers the export");
    }
}
