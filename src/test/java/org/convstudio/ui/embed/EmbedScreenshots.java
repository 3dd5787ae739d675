package org.convstudio.ui.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import org.convstudio.cli.ConvStudioCli;
import org.convstudio.engine.run.RunReader;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.shell.ConvStudioApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Embed workspace at 1280×720 on a briefly trained LeNet: t-SNE of its last hidden layer for 2,000 images,
 * a point hovered, written to {@code target/screenshots/embed-light-1280x720.png} (or {@code -Dscreenshots.dir}).
 */
@Tag("gui")
@Tag("screenshots")
class EmbedScreenshots {

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

    @Test
    void tsneOfATrainedLayer() throws Exception {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path run = Files.createTempDirectory("embed-shots").resolve("lenet-run");
        assertEquals(0, ConvStudioCli.run("train", "lenet", "--epochs", "1", "--limit", "3000", "--seed", "3",
                "--out", run.toString()));
        var net = RunReader.read(run).design();
        GuiTestSupport.fx(() -> {
            app.window().setTheme(org.convstudio.ui.shell.Theme.LIGHT);
            app.window().show("embed");
            app.stage().setWidth(1280);
            app.stage().setHeight(720);
        });
        EmbedWorkspace ws = GuiTestSupport.fx(() -> (EmbedWorkspace) app.window().currentWorkspace());
        GuiTestSupport.fx(() -> ws.chooseRun("Run lenet-run (1 epoch)", run, net));
        GuiTestSupport.fx(() -> ws.compute("t-SNE", 30, 2000));
        EmbedViewModel vm = ws.viewModel();
        GuiTestSupport.waitUntil(() -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().done(), 180);
        GuiTestSupport.settle();
        var s = vm.snapshotProperty().get();
        int wrong = 0;
        for (int i = 0; i < s.points(); i++) {
            if (s.wrong(i)) {
                wrong = i;
                break;
            }
        }
        int target = wrong;
        Point2D p = GuiTestSupport.fx(() -> ws.plot().localToScreen(ws.plot().position(target)));
        robot.moveTo(p);
        GuiTestSupport.waitUntil(() -> ws.plot().hoveredSample() >= 0, 5);
        GuiTestSupport.settle();
        Thread.sleep(300);
        Path file = dir.resolve("embed-light-1280x720.png");
        WritableImage image = GuiTestSupport.fx(() -> app.stage().getScene().snapshot(null));
        javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        assertTrue(Files.size(file) > 10_000, file + " looks empty");
        System.out.println("Embed screenshot written to " + file.toAbsolutePath() + "; " + vm.statusProperty().get());
    }
}
