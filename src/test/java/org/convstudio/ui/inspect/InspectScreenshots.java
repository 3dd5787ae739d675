package org.convstudio.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import org.convstudio.cli.ConvStudioCli;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.shell.ConvStudioApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Every Inspect pane on a briefly trained LeNet, at 1280×720 and 1920×1080, written to
 * {@code -Dscreenshots.dir} (default target/screenshots). Run alone:
 * {@code xvfb-run -a -s "-screen 0 1920x1200x24" mvn -B -q test -Dtest=InspectScreenshots}.
 */
@Tag("gui")
@Tag("screenshots")
class InspectScreenshots {

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
    void everyPaneAtTwoSizes() throws Exception {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path run = Files.createTempDirectory("inspect-shots").resolve("lenet-run");
        assertEquals(0, ConvStudioCli.run("train", "lenet", "--epochs", "1", "--limit", "3000", "--seed", "3",
                "--out", run.toString()));
        GuiTestSupport.fx(() -> {
            app.window().setTheme(org.convstudio.ui.shell.Theme.LIGHT);
            app.window().show("inspect");
        });
        InspectWorkspace ws = GuiTestSupport.fx(() -> (InspectWorkspace) app.window().currentWorkspace());
        InspectViewModel vm = ws.viewModel();
        GuiTestSupport.fx(() -> ws.open(InspectSource.run("Run lenet-run (1 epoch)", run)));
        GuiTestSupport.waitUntil(() -> vm.sampleProperty().get() != null && vm.errorsProperty().get() != null, 120);
        GuiTestSupport.fx(() -> ws.fieldPane().click(4, 6));
        GuiTestSupport.waitUntil(() -> vm.fieldProperty().get() != null, 30);
        GuiTestSupport.fx(() -> ws.attributionPane().explain());
        GuiTestSupport.waitUntil(() -> vm.attributionProperty().get() != null, 60);
        var layer = vm.loaded().convs().get(vm.loaded().convs().size() - 1);
        vm.computeWanted(layer, 3).get();
        int[][] sizes = {{1280, 720}, {1920, 1080}};
        String[] tabs = {"inspect-tab-maps", "inspect-tab-filters", "inspect-tab-field", "inspect-tab-attribution",
            "inspect-tab-errors", "inspect-tab-draw"};
        for (int[] size : sizes) {
            GuiTestSupport.fx(() -> {
                app.stage().setWidth(size[0]);
                app.stage().setHeight(size[1]);
            });
            for (String tab : tabs) {
                GuiTestSupport.fx(() -> ws.select(tab));
                Thread.sleep(300);
                GuiTestSupport.settle();
                if (tab.equals("inspect-tab-maps")) {
                    GuiTestSupport.lookup(app, "#inspect-maps-conv1"); // drawn on the render thread
                    GuiTestSupport.fx(() -> {
                        var maps = (javafx.scene.Node) app.stage().getScene().lookup("#inspect-maps-conv1");
                        if (maps != null) {
                            var b = maps.localToScreen(maps.getBoundsInLocal());
                            robot.clickOn(b.getMinX() + 20, b.getMinY() + 20);
                        }
                    });
                }
                if (tab.equals("inspect-tab-errors")) {
                    var top = vm.errorsProperty().get().matrix().topConfusions(1);
                    if (!top.isEmpty()) {
                        String id = "#inspect-cell-" + top.get(0).trueClass() + "-" + top.get(0).predictedClass();
                        robot.clickOn(id);
                    }
                }
                if (tab.equals("inspect-tab-draw") && size[0] == 1280) {
                    var canvas = (javafx.scene.Node) GuiTestSupport.fx(() -> app.stage().getScene().lookup("#inspect-draw-canvas"));
                    Point2D a = GuiTestSupport.fx(() -> canvas.localToScreen(90, 60));
                    Point2D b = GuiTestSupport.fx(() -> canvas.localToScreen(190, 60));
                    Point2D c = GuiTestSupport.fx(() -> canvas.localToScreen(120, 240));
                    robot.drag(a).moveTo(b).moveTo(c).drop();
                    Thread.sleep(800);
                }
                GuiTestSupport.settle();
                Thread.sleep(300);
                Path file = dir.resolve(tab.replace("inspect-tab-", "inspect-") + "-" + size[0] + "x" + size[1] + ".png");
                WritableImage image = GuiTestSupport.fx(() -> app.stage().getScene().snapshot(null));
                javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
                assertTrue(Files.size(file) > 10_000, file + " looks empty");
            }
        }
        System.out.println("Inspect screenshots written to " + dir.toAbsolutePath());
    }
}
