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
 * The Embed workspace on a briefly trained LeNet: t-SNE of the pixels beside its last hidden layer for 2,000 images,
 * a lasso selection around the 9s with its gallery, a misclassified point hovered; written at 1280×720 and
 * 1920×1080 to {@code target/screenshots/embed-light-WxH.png} (or {@code -Dscreenshots.dir}).
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
    void inputSpaceBesideATrainedLayer() throws Exception {
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
        GuiTestSupport.waitUntil(() -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().done()
                && !vm.snapshotProperty().get().inputSpace(), 400);
        EmbedSnapshot s = vm.snapshotProperty().get();
        GuiTestSupport.fx(() -> vm.select(s, around(s, 9)));
        GuiTestSupport.waitUntil(() -> !vm.selectionProperty().get().isEmpty(), 10);
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
            GuiTestSupport.fx(() -> {
                app.stage().setWidth(size[0]);
                app.stage().setHeight(size[1]);
            });
            GuiTestSupport.settle();
            int wrong = GuiTestSupport.fx(() -> wrongNearTheBottom(s, ws.plot()));
            Point2D p = GuiTestSupport.fx(() -> ws.plot().localToScreen(ws.plot().position(wrong)));
            robot.moveTo(p);
            GuiTestSupport.waitUntil(() -> ws.plot().hoveredSample() >= 0, 5);
            GuiTestSupport.settle();
            Path file = dir.resolve("embed-light-" + size[0] + "x" + size[1] + ".png");
            WritableImage image = GuiTestSupport.fx(() -> app.stage().getScene().snapshot(null));
            javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            assertTrue(Files.size(file) > 10_000, file + " looks empty");
            System.out.println("Embed screenshot written to " + file.toAbsolutePath() + "; " + vm.statusProperty().get()
                    + "; input space: " + vm.inputProperty().get().quality());
        }
    }

    /** A misclassified sample (not a 9) drawn nearest to the middle of the map's lower part, away from the lasso. */
    private static int wrongNearTheBottom(EmbedSnapshot s, ScatterPlot plot) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.points(); i++) {
            if (s.wrong(i) && s.labels()[i] != 9) {
                Point2D p = plot.position(i);
                double d = Math.hypot(p.getX() - 0.45 * plot.getWidth(), p.getY() - 0.8 * plot.getHeight());
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
        }
        return best;
    }

    /** A lasso (16-gon, in map coordinates) around the centre of class {@code cls}'s points. */
    static float[] around(EmbedSnapshot s, int cls) {
        double cx = 0;
        double cy = 0;
        int count = 0;
        for (int i = 0; i < s.points(); i++) {
            if (s.labels()[i] == cls) {
                cx += s.layout()[2 * i];
                cy += s.layout()[2 * i + 1];
                count++;
            }
        }
        cx /= Math.max(1, count);
        cy /= Math.max(1, count);
        double r = 0.12 * EmbedLiveTest.spread(s.layout());
        float[] p = new float[32];
        for (int v = 0; v < 16; v++) {
            double a = 2 * Math.PI * v / 16;
            p[2 * v] = (float) (cx + r * Math.cos(a));
            p[2 * v + 1] = (float) (cy + r * Math.sin(a));
        }
        return p;
    }
}
