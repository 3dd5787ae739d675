package org.convstudio.ui.embed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Spinner;
import javafx.scene.image.WritableImage;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.LimitedTrainingData;
import org.convstudio.ui.shell.ConvStudioApp;
import org.convstudio.ui.training.RunState;
import org.convstudio.ui.training.TrainingViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Live mode at 1280×720: LeNet trained in the app for 3 epochs on 3,000 images, the Embed workspace re-embedding
 * relu4 for 1,000 validation images after each epoch, beside the pixels mapped before training; written to
 * {@code target/screenshots/embed-live-1280x720.png} (or {@code -Dscreenshots.dir}) once the run finished.
 */
@Tag("gui")
@Tag("screenshots")
@LimitedTrainingData("3000,500")
class EmbedLiveScreenshots {

    private ConvStudioApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        app = GuiTestSupport.start();
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.stopRunAndApp(app, 20);
    }

    @Test
    void liveMapAfterThreeEpochs() throws Exception {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        TrainingViewModel training = app.window().training();
        GuiTestSupport.fx(() -> {
            app.window().setTheme(org.convstudio.ui.shell.Theme.LIGHT);
            app.stage().setWidth(1280);
            app.stage().setHeight(720);
        });
        robot.clickOn("#nav-embed");
        EmbedWorkspace ws = GuiTestSupport.fx(() -> (EmbedWorkspace) app.window().currentWorkspace());
        EmbedViewModel vm = ws.viewModel();
        // the pixels first (as a student opening Embed would): the input space is then ready for every epoch
        GuiTestSupport.fx(() -> ws.compute("t-SNE", 30, 1000));
        GuiTestSupport.waitUntil(() -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().done(), 300);
        robot.clickOn("#embed-live");
        robot.clickOn("#nav-train");
        GuiTestSupport.waitUntil(() -> training.dataProperty().get() != null && !training.dataLoadingProperty().get(), 60);
        GuiTestSupport.fx(() -> {
            @SuppressWarnings("unchecked")
            Spinner<Integer> e = (Spinner<Integer>) app.stage().getScene().lookup("#train-epochs");
            e.getValueFactory().setValue(3);
        });
        robot.clickOn("#train-start");
        robot.clickOn("#nav-embed");
        GuiTestSupport.waitUntil(() -> training.getState() == RunState.FINISHED, 300);
        GuiTestSupport.waitUntil(() -> !vm.busyProperty().get() && !vm.epochs().isEmpty()
                && vm.epochs().get(vm.epochs().size() - 1).epoch() == 3, 300);
        GuiTestSupport.settle();
        Path file = dir.resolve("embed-live-1280x720.png");
        WritableImage image = GuiTestSupport.fx(() -> app.stage().getScene().snapshot(null));
        javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        assertTrue(Files.size(file) > 10_000, file + " looks empty");
        System.out.println("Embed live screenshot written to " + file.toAbsolutePath() + "; epochs embedded: "
                + vm.epochs().stream().map(EmbedSnapshot::epoch).toList() + "; " + vm.statusProperty().get());
    }
}
