package org.convstudio.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Spinner;
import javafx.scene.image.WritableImage;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.Truncation;
import org.convstudio.ui.common.LinePlot;
import org.convstudio.ui.shell.ConvStudioApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Large Text on the Train page after a short real run (curves, confusion matrix, samples and a listed
 * run on screen): the charts, matrix and samples grow with the text, and at 1280×720 and 1920×1080 no
 * label of the window is cut or pushed outside it. Writes {@code train-large-text-WxH.png} to
 * {@code -Dscreenshots.dir} (default {@code target/screenshots}) for looking at.
 */
@Tag("gui")
class TrainLargeTextGuiTest {

    private ConvStudioApp app;

    @BeforeEach
    void start() throws Exception {
        GuiTestSupport.isolate();
        System.setProperty(TrainingViewModel.LIMIT_PROPERTY, "512,200");
        app = GuiTestSupport.start();
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.fx(() -> app.window().setLargeText(false));
        GuiTestSupport.stopRunAndApp(app, 30);
        System.clearProperty(TrainingViewModel.LIMIT_PROPERTY);
    }

    @Test
    void largeTextEnlargesTheChartsMatrixAndSamplesAndCutsNothingAtProjectorSizes() throws Exception {
        TrainingViewModel vm = app.window().training();
        GuiTestSupport.fx(() -> app.window().show("train"));
        GuiTestSupport.waitUntil(() -> vm.dataProperty().get() != null && !vm.dataLoadingProperty().get(), 60);
        @SuppressWarnings("unchecked")
        Spinner<Integer> epochs = GuiTestSupport.lookup(app, "#train-epochs");
        GuiTestSupport.fx(() -> epochs.getValueFactory().setValue(1));
        GuiTestSupport.fx(vm::train);
        GuiTestSupport.waitUntil(() -> vm.getState() == RunState.FINISHED, 120);
        GuiTestSupport.waitUntil(() -> vm.runs().size() == 1, 20);

        LinePlot loss = GuiTestSupport.lookup(app, "#plot-loss");
        SampleStrip strip = GuiTestSupport.lookup(app, "#train-samples");
        double normalFont = GuiTestSupport.fx(() -> plotFont(loss));
        assertEquals(SampleStrip.IMAGE_SIZE, GuiTestSupport.fx(strip::imageSize), 0.01);
        long redraws = GuiTestSupport.fx(loss::getRedrawCount);

        GuiTestSupport.fx(() -> app.window().setLargeText(true));
        GuiTestSupport.settle();
        double largeFont = GuiTestSupport.fx(() -> plotFont(loss));
        assertTrue(largeFont >= normalFont * 1.25, "the charts' text grows: " + normalFont + " → " + largeFont);
        assertTrue(GuiTestSupport.fx(strip::imageSize) >= SampleStrip.IMAGE_SIZE * 1.25, "the sample images grow");
        assertTrue(GuiTestSupport.fx(loss::getRedrawCount) > redraws, "the chart was redrawn at the new size");

        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
            GuiTestSupport.fx(() -> {
                app.stage().setWidth(size[0]);
                app.stage().setHeight(size[1]);
            });
            GuiTestSupport.waitUntil(() -> app.stage().getScene().getWidth() == size[0]
                    && app.stage().getScene().getHeight() == size[1], 10);
            GuiTestSupport.settle();
            Thread.sleep(300); // a few pulses: layout passes after the resize
            GuiTestSupport.settle();
            Path file = dir.resolve("train-large-text-" + size[0] + "x" + size[1] + ".png");
            WritableImage image = GuiTestSupport.fx(() -> app.stage().getScene().snapshot(null));
            javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            List<String> cut = GuiTestSupport.fx(() -> Truncation.cutLabels(app.stage().getScene().getRoot()));
            assertTrue(cut.isEmpty(), "at " + size[0] + "×" + size[1] + " with Large Text, cut: " + String.join("; ", cut)
                    + " (see " + file + ")");
        }
    }

    /** The font the plot draws with (its text probe follows the theme and Large Text). */
    private static double plotFont(LinePlot plot) {
        return ((javafx.scene.control.Label) plot.lookup(".line-plot-text")).getFont().getSize();
    }
}
