package org.convstudio.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import org.convstudio.ui.shell.ConvStudioApp;
import org.convstudio.ui.shell.Theme;
import org.convstudio.ui.training.RunState;
import org.convstudio.ui.training.SimulatedRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Opens the real app and writes a PNG of every workspace (light and dark) to the folder given by
 * {@code -Dscreenshots.dir} (default {@code target/screenshots}). Run alone with
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -q test -Dtest=Screenshots}.
 */
@Tag("gui")
@Tag("screenshots")
class Screenshots {

    private ConvStudioApp app;

    @BeforeEach
    void start() throws Exception {
        GuiTestSupport.isolate();
        app = GuiTestSupport.start();
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.stop(app);
    }

    @Test
    void everyWorkspaceInBothThemes() throws Exception {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        GuiTestSupport.fx(() -> {
            app.stage().setWidth(1440);
            app.stage().setHeight(900);
            app.window().training().runFactoryProperty().set(() -> new SimulatedRun(12, 600, 0, 42));
        });
        // a finished run, so the Train workspace shows curves
        GuiTestSupport.fx(() -> app.window().show("train"));
        GuiTestSupport.fx(() -> app.window().training().train());
        GuiTestSupport.waitUntil(() -> app.window().training().getState() == RunState.FINISHED, 30);
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
        // the design workspace with a block selected and an invalid setting
        GuiTestSupport.fx(() -> {
            app.window().setTheme(Theme.LIGHT);
            app.window().show("design");
            var vm = app.window().design().viewModel();
            vm.getSelection().add("conv2");
            vm.setLayer("conv2", org.convstudio.model.layer.Conv2d.of(16, 30), null);
        });
        Thread.sleep(250);
        GuiTestSupport.settle();
        save(dir.resolve("design-invalid-light.png"));
        System.out.println("Screenshots written to " + dir.toAbsolutePath());
    }

    private void save(Path file) throws Exception {
        WritableImage image = GuiTestSupport.fx(() -> app.stage().getScene().snapshot(null));
        javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
