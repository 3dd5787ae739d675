package org.convstudio.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Spinner;
import javafx.scene.image.WritableImage;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.shell.ConvStudioApp;
import org.convstudio.ui.training.TrainingViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;

/**
 * The live Feature maps and Filters panes while LeNet trains in the app, at 1280×720 and 1920×1080, written to
 * {@code -Dscreenshots.dir} (only when it is set, so the test suite does not train for pictures). Run alone:
 * {@code xvfb-run -a -s "-screen 0 1920x1200x24" mvn -B -q test -Dtest=InspectLiveScreenshots -Dscreenshots.dir=target/screenshots}.
 */
@Tag("gui")
@Tag("screenshots")
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class InspectLiveScreenshots {

    private ConvStudioApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        GuiTestSupport.isolate();
        System.setProperty(TrainingViewModel.LIMIT_PROPERTY, "6000,500");
        app = GuiTestSupport.start();
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty(TrainingViewModel.LIMIT_PROPERTY);
        GuiTestSupport.stopRunAndApp(app, 60);
    }

    @Test
    void liveMapsAndFiltersAtTwoSizes() throws Exception {
        Path dir = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(dir);
        TrainingViewModel train = app.window().training();
        GuiTestSupport.fx(() -> app.window().setTheme(org.convstudio.ui.shell.Theme.LIGHT));
        robot.clickOn("#nav-train");
        GuiTestSupport.waitUntil(() -> train.dataProperty().get() != null && !train.dataLoadingProperty().get(), 60);
        @SuppressWarnings("unchecked")
        Spinner<Integer> epochs = GuiTestSupport.lookup(app, "#train-epochs");
        GuiTestSupport.fx(() -> epochs.getValueFactory().setValue(20));
        robot.clickOn("#train-start");
        // into the second epoch, so the maps and ratios show some learning
        GuiTestSupport.waitUntil(() -> train.snapshotProperty().get().epoch() >= 2, 300);
        robot.clickOn("#nav-inspect");
        InspectWorkspace ws = GuiTestSupport.fx(() -> (InspectWorkspace) app.window().currentWorkspace());
        InspectViewModel vm = ws.viewModel();
        GuiTestSupport.fx(() -> ws.select("inspect-tab-filters"));
        GuiTestSupport.waitUntil(() -> vm.filtersProperty().get() != null
                && vm.filtersProperty().get().ratios().values().stream().allMatch(r -> r.size() >= 8), 120);
        // the explaining panes on the live copy: a unit's fields and a drawn digit
        GuiTestSupport.waitUntil(() -> vm.loaded() != null && vm.loaded().title().endsWith("(live)"), 60);
        GuiTestSupport.fx(() -> vm.selectUnit("conv2", 0, 4, 4, 1));
        GuiTestSupport.waitUntil(() -> vm.fieldProperty().get() != null, 60);
        float[] ink = new float[28 * 28];
        for (int y = 5; y < 23; y++) {
            ink[y * 28 + 13] = 1f;
            ink[y * 28 + 14] = 1f;
        }
        GuiTestSupport.fx(() -> vm.draw(ink, 28, 28));
        GuiTestSupport.waitUntil(() -> vm.drawingProperty().get() != null, 60);
        int[][] sizes = {{1280, 720}, {1920, 1080}};
        for (int[] size : sizes) {
            GuiTestSupport.fx(() -> {
                app.stage().setWidth(size[0]);
                app.stage().setHeight(size[1]);
            });
            for (String tab : new String[] {"inspect-tab-maps", "inspect-tab-filters", "inspect-tab-field", "inspect-tab-draw"}) {
                GuiTestSupport.fx(() -> ws.select(tab));
                long shownStep = GuiTestSupport.fx(() -> vm.liveProperty().get().step());
                GuiTestSupport.waitUntil(() -> vm.liveProperty().get().step() > shownStep, 30); // a fresh round, laid out
                GuiTestSupport.settle();
                Path file = dir.resolve(tab.replace("inspect-tab-", "inspect-live-") + "-" + size[0] + "x" + size[1] + ".png");
                WritableImage image = GuiTestSupport.fx(() -> app.stage().getScene().snapshot(null));
                javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
                assertTrue(Files.size(file) > 10_000, file + " looks empty");
            }
        }
        System.out.println("Live Inspect screenshots written to " + dir.toAbsolutePath());
    }
}
