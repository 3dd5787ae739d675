package org.convstudio.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Spinner;
import javafx.scene.image.WritableImage;
import org.convstudio.ui.shell.ConvStudioApp;
import org.convstudio.ui.shell.Theme;
import org.convstudio.ui.training.RunState;
import org.convstudio.ui.training.TrainingViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Opens the real app and writes a PNG of every workspace (light and dark) to the folder given by
 * {@code -Dscreenshots.dir} (default {@code target/screenshots}), the Train workspace mid-run on the real
 * engine (bundled MNIST sample, cut to 3,000 + 1,000 images so it is quick). Run alone with
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -q test -Dtest=Screenshots}.
 */
@Tag("gui")
@Tag("screenshots")
class Screenshots {

    private ConvStudioApp app;

    @BeforeEach
    void start() throws Exception {
        GuiTestSupport.isolate();
        System.setProperty(TrainingViewModel.LIMIT_PROPERTY, "3000,1000");
        app = GuiTestSupport.start();
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.stopRunAndApp(app, 30);
        System.clearProperty(TrainingViewModel.LIMIT_PROPERTY);
    }

    @Test
    void everyWorkspaceInBothThemes() throws Exception {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        GuiTestSupport.fx(() -> {
            app.stage().setWidth(1440);
            app.stage().setHeight(900);
        });
        TrainingViewModel training = app.window().training();
        GuiTestSupport.fx(() -> app.window().show("train"));
        GuiTestSupport.waitUntil(() -> training.dataProperty().get() != null && !training.dataLoadingProperty().get(), 60);
        @SuppressWarnings("unchecked")
        Spinner<Integer> epochs = GuiTestSupport.lookup(app, "#train-epochs");
        @SuppressWarnings("unchecked")
        Spinner<Integer> batch = GuiTestSupport.lookup(app, "#train-batch");
        // an earlier short run, so the runs list has more than the current one
        GuiTestSupport.fx(() -> {
            epochs.getValueFactory().setValue(2);
            batch.getValueFactory().setValue(64);
        });
        GuiTestSupport.fx(training::train);
        GuiTestSupport.waitUntil(() -> training.getState() == RunState.FINISHED, 120);
        // the run in the pictures: paused in its fourth epoch, with three epochs of curves behind it
        GuiTestSupport.fx(() -> {
            epochs.getValueFactory().setValue(8);
            batch.getValueFactory().setValue(32);
        });
        GuiTestSupport.fx(training::train);
        GuiTestSupport.waitUntil(() -> training.snapshotProperty().get().valAccuracy().size() >= 3
                && training.snapshotProperty().get().epochProgress() > 0.4, 180);
        GuiTestSupport.fx(training::togglePause);
        GuiTestSupport.waitUntil(() -> training.snapshotProperty().get().state() == RunState.PAUSED, 30);
        for (Theme theme : Theme.values()) {
            GuiTestSupport.fx(() -> app.window().setTheme(theme));
            for (String id : app.window().workspaceIds()) {
                GuiTestSupport.fx(() -> app.window().show(id));
                if (id.equals("design")) {
                    GuiTestSupport.fx(() -> app.window().design().fitToView());
                }
                Thread.sleep(250);
                GuiTestSupport.settle();
                Path file = dir.resolve(id + "-" + theme.key() + ".png");
                save(file);
                assertTrue(Files.size(file) > 10_000, file + " looks empty");
            }
        }
        // the Train workspace projected: large text
        GuiTestSupport.fx(() -> {
            app.window().setTheme(Theme.LIGHT);
            app.window().show("train");
            app.window().setLargeText(true);
        });
        Thread.sleep(300);
        GuiTestSupport.settle();
        save(dir.resolve("train-large-text-light.png"));
        GuiTestSupport.fx(() -> app.window().setLargeText(false));
        // the design workspace with a block selected and an invalid setting
        GuiTestSupport.fx(() -> {
            app.window().show("design");
            var vm = app.window().design().viewModel();
            vm.getSelection().add("conv2");
            vm.setLayer("conv2", org.convstudio.model.layer.Conv2d.of(16, 30), null);
        });
        Thread.sleep(250);
        GuiTestSupport.settle();
        save(dir.resolve("design-invalid-light.png"));
        // ... and the Train workspace saying why it cannot train it
        GuiTestSupport.fx(() -> training.stop());
        GuiTestSupport.waitUntil(() -> !training.getState().isActive(), 30);
        GuiTestSupport.fx(() -> app.window().show("train"));
        Thread.sleep(250);
        GuiTestSupport.settle();
        save(dir.resolve("train-blocked-light.png"));
        System.out.println("Screenshots written to " + dir.toAbsolutePath());
    }

    private void save(Path file) throws Exception {
        WritableImage image = GuiTestSupport.fx(() -> app.stage().getScene().snapshot(null));
        javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
