package org.convstudio.ui.classroom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javax.imageio.ImageIO;
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
 * Presentation-mode pictures (1280×720 and 1920×1080) of the lessons that follow the run training now and of the
 * kernel playground on a drawing: LeNet training in the app on 3,000 images, its conv1 filters from the third
 * epoch on, a chosen conv2 unit's effective field, a digit drawn with the mouse and filtered; plus the workspace with
 * the drawing's controls. Written to {@code target/screenshots} (or {@code -Dscreenshots.dir}).
 */
@Tag("gui")
@Tag("screenshots")
@LimitedTrainingData("3000,500")
class ClassroomLiveScreenshots {

    private static final Pattern EPOCH = Pattern.compile("epoch (\\d+) · step");

    private ConvStudioApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        app = GuiTestSupport.startOn("lenet");
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.stopRunAndApp(app, 60);
    }

    private static int epoch(String text) {
        Matcher m = EPOCH.matcher(text == null ? "" : text);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static void write(Scene scene, Path file) {
        GuiTestSupport.fx(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void liveLessonsAndADrawing() throws Exception {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        TrainingViewModel training = app.window().training();
        robot.clickOn("#nav-train");
        GuiTestSupport.waitUntil(() -> training.dataProperty().get() != null && !training.dataLoadingProperty().get(), 60);
        Spinner<Integer> epochs = GuiTestSupport.lookup(app, "#train-epochs");
        Spinner<Integer> batch = GuiTestSupport.lookup(app, "#train-batch");
        GuiTestSupport.fx(() -> {
            epochs.getValueFactory().setValue(100); // stopped once the pictures are taken
            batch.getValueFactory().setValue(32);
        });
        robot.clickOn("#train-start");
        GuiTestSupport.waitUntil(() -> training.getState() == RunState.RUNNING, 60);

        robot.clickOn("#nav-classroom");
        ClassroomWorkspace classroom = GuiTestSupport.fx(() -> (ClassroomWorkspace) app.window().currentWorkspace());
        ClassroomViewModel vm = classroom.viewModel();
        GuiTestSupport.fx(() -> vm.lessonIdProperty().set("kernels"));
        GuiTestSupport.waitUntil(() -> vm.choiceProperty().get().source() != null && vm.choiceProperty().get().source().live() != null, 30);

        // a 7 drawn with the mouse
        GuiTestSupport.waitUntil(() -> app.stage().getScene().lookup("#lesson-image-draw") != null, 30);
        robot.clickOn("#lesson-image-draw");
        Node canvas = GuiTestSupport.fx(() -> app.stage().getScene().lookup("#lesson-draw-canvas"));
        javafx.geometry.Bounds b = GuiTestSupport.fx(() -> canvas.localToScreen(canvas.getBoundsInLocal()));
        double x = b.getMinX();
        double y = b.getMinY();
        double s = b.getWidth();
        robot.drag(x + 0.25 * s, y + 0.25 * s, javafx.scene.input.MouseButton.PRIMARY).moveTo(x + 0.5 * s, y + 0.24 * s)
                .moveTo(x + 0.72 * s, y + 0.25 * s).moveTo(x + 0.6 * s, y + 0.5 * s).moveTo(x + 0.5 * s, y + 0.78 * s).drop();
        GuiTestSupport.waitUntil(() -> vm.slideProperty().get().data().text().contains("your drawing"), 30);
        GuiTestSupport.fx(() -> vm.stepProperty().set(8));
        GuiTestSupport.waitUntil(() -> vm.slideProperty().get().step() == 8, 30);
        GuiTestSupport.settle();
        write(app.stage().getScene(), dir.resolve("classroom-workspace-kernels.png"));

        // the filters after the second epoch
        GuiTestSupport.waitUntil(() -> vm.liveProperty().get().network().filters() != null
                && epoch(vm.liveProperty().get().network().filters().source()) >= 3, 600);
        PresentationWindow p = GuiTestSupport.fx(() -> classroom.classroomView().present(false));
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
            GuiTestSupport.fx(() -> p.size(size[0], size[1]));
            shot(vm, p, "kernels", 8, size, dir.resolve("classroom-kernels-drawing-" + size[0] + "x" + size[1] + ".png"));
            shot(vm, p, "kernels", 9, size, dir.resolve("classroom-kernels-live-" + size[0] + "x" + size[1] + ".png"));
        }
        GuiTestSupport.fx(() -> {
            vm.lessonIdProperty().set("receptive-field");
            vm.choiceProperty().set(vm.choiceProperty().get().withField("conv2").withUnit(2, 7));
        });
        GuiTestSupport.waitUntil(() -> {
            var f = vm.liveProperty().get().network().field();
            return f != null && f.node().equals("conv2") && f.col() == 7 && epoch(f.source()) >= 3;
        }, 300);
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
            GuiTestSupport.fx(() -> p.size(size[0], size[1]));
            shot(vm, p, "receptive-field", 4, size, dir.resolve("classroom-receptive-field-unit-" + size[0] + "x" + size[1] + ".png"));
        }
        GuiTestSupport.fx(p::close);
    }

    private static void shot(ClassroomViewModel vm, PresentationWindow p, String id, int step, int[] size, Path file) throws Exception {
        GuiTestSupport.fx(() -> {
            vm.lessonIdProperty().set(id);
            vm.stepProperty().set(step);
        });
        GuiTestSupport.waitUntil(() -> {
            ClassroomViewModel.Slide sl = vm.slideProperty().get();
            return sl != null && sl.lessonId().equals(id) && sl.step() == step && sl.image().getWidth() == size[0];
        }, 60);
        GuiTestSupport.settle();
        write(p.stage().getScene(), file);
        assertTrue(Files.size(file) > 5_000, file.toString());
    }
}
