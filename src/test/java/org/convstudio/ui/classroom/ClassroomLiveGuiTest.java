package org.convstudio.ui.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.convstudio.analysis.lesson.Lessons;
import org.convstudio.analysis.lesson.LocalityLesson;
import org.convstudio.analysis.lesson.OverfittingLesson;
import org.convstudio.analysis.lesson.TrainingCurves;
import org.convstudio.engine.lesson.LessonArms;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.shell.ConvStudioApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The lessons' live parts in the real app: training runs, the current design's layers, the designer link. */
@Tag("gui")
class ClassroomLiveGuiTest {

    /** Small runs: the same pipeline and networks as the lessons', fewer images and epochs. */
    static final LessonTraining.ArmsFactory SMALL = id -> LocalityLesson.ID.equals(id)
            ? LessonArms.locality(new LessonArms.Size(256, 128, 2))
            : LessonArms.overfitting(new LessonArms.Size(128, 128, 3));

    private ConvStudioApp app;
    private ClassroomWorkspace classroom;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        GuiTestSupport.isolate();
        app = GuiTestSupport.startOn("lenet");
        robot.clickOn("#nav-classroom");
        classroom = GuiTestSupport.fx(() -> (ClassroomWorkspace) app.window().currentWorkspace());
        GuiTestSupport.fx(() -> classroom.viewModel().useTrainingArms(SMALL));
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.fx(() -> classroom.viewModel().stopTraining());
        GuiTestSupport.stop(app);
    }

    /** The node with {@code selector}, once the scene holds it (lesson controls are rebuilt as lessons change). */
    private <T extends Node> T node(String selector) throws java.util.concurrent.TimeoutException {
        T n = GuiTestSupport.lookup(app, selector);
        assertNotNull(n, selector);
        return n;
    }

    private String numbers() {
        return GuiTestSupport.fx(() -> ((Label) app.stage().getScene().lookup("#classroom-numbers")).getText());
    }

    private void shows(String text, int seconds) throws Exception {
        try {
            GuiTestSupport.waitUntil(() -> ((Label) app.stage().getScene().lookup("#classroom-numbers")).getText().contains(text), seconds);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("expected '" + text + "' on screen, found: " + numbers());
        }
    }

    private double shown(String key) {
        Matcher m = Pattern.compile("(?:^|·  )" + Pattern.quote(key) + " (-?[0-9.,]+)").matcher(numbers());
        assertTrue(m.find(), key + " in " + numbers());
        return Double.parseDouble(m.group(1).replace(",", ""));
    }

    private void lesson(String id) throws Exception {
        ListView<Lessons.Entry> list = node("#classroom-lessons");
        GuiTestSupport.fx(() -> list.getSelectionModel().select(Lessons.IDS.indexOf(id)));
        GuiTestSupport.waitUntil(() -> classroom.viewModel().slideProperty().get() != null
                && classroom.viewModel().slideProperty().get().lessonId().equals(id), 30);
    }

    private String slideTitle() {
        return GuiTestSupport.fx(() -> classroom.viewModel().slideProperty().get().data().title());
    }

    /** Train draws the four runs' curves as they come, on the lesson's last step; Stop ends them. */
    @Test
    void localityTrainsMlpAndLenetOnRealAndShuffledPixels() throws Exception {
        lesson("locality");
        robot.clickOn("#lesson-train");
        GuiTestSupport.waitUntil(() -> classroom.viewModel().trainingProperty().get(), 10);
        assertEquals(3, GuiTestSupport.fx(() -> classroom.viewModel().stepProperty().get()), "Train shows the curves' step");
        GuiTestSupport.waitUntil(() -> {
            TrainingCurves c = classroom.viewModel().liveProperty().get().locality();
            return c != null && !c.running() && c.arms().get(3).validation().size() == 2;
        }, 240);
        shows("LeNet, shuffled val", 30);
        for (String run : LocalityLesson.RUN_LABELS) {
            double acc = shown(run + " val");
            assertTrue(acc >= 0 && acc <= 1, run + " validated: " + acc);
        }
        assertTrue(slideTitle().contains("Train both"), slideTitle());
        String status = GuiTestSupport.fx(() -> ((Label) app.stage().getScene().lookup("#lesson-train-status")).getText());
        assertTrue(status.startsWith("4 runs of 2 epochs on 256 training images"), status);
        assertFalse(GuiTestSupport.fx(() -> classroom.viewModel().trainingProperty().get()));

        // a new comparison, stopped at once: the runs end and say so
        robot.clickOn("#lesson-train");
        GuiTestSupport.waitUntil(() -> !((Button) app.stage().getScene().lookup("#lesson-stop")).isDisabled(), 10);
        robot.clickOn("#lesson-stop");
        GuiTestSupport.waitUntil(() -> !classroom.viewModel().trainingProperty().get(), 120);
        assertEquals("Stopped.", GuiTestSupport.fx(() -> classroom.viewModel().liveProperty().get().locality().status()));
    }

    @Test
    void overfittingShowsTrainingAgainstValidation() throws Exception {
        lesson("overfitting");
        robot.clickOn("#lesson-train");
        GuiTestSupport.waitUntil(() -> {
            TrainingCurves c = classroom.viewModel().liveProperty().get().overfitting();
            return c != null && !c.running() && c.arms().get(2).train().size() == 3;
        }, 240);
        TrainingCurves c = GuiTestSupport.fx(() -> classroom.viewModel().liveProperty().get().overfitting());
        assertEquals(OverfittingLesson.RUN_LABELS, c.arms().stream().map(TrainingCurves.Arm::label).toList());
        shows("dropout + augmentation val", 30);
        assertTrue(GuiTestSupport.fx(() -> classroom.viewModel().slideProperty().get().data().text()).contains("plain "));
    }

    /** The case studies' button opens the step's preset in the designer, counts and all. */
    @Test
    void caseStudyOpensInTheDesigner() throws Exception {
        lesson("case-studies");
        GuiTestSupport.fx(() -> classroom.viewModel().stepProperty().set(1));
        GuiTestSupport.waitUntil(() -> ((Button) app.stage().getScene().lookup("#lesson-open-preset")).getText()
                .equals("Open alexnet in the designer"), 10);
        robot.clickOn("#lesson-open-preset");
        GuiTestSupport.waitUntil(() -> "design".equals(app.window().currentWorkspace().id()), 10);
        assertEquals("AlexNet", GuiTestSupport.fx(() -> app.window().design().viewModel().getNetwork().name()).split(" ")[0]);
        assertEquals(60_965_224L, GuiTestSupport.fx(() -> app.window().design().viewModel().analysisProperty().get().totals().params()));
    }

    /** The current design's layers: a real convolution step by step, its learned filters, an effective field. */
    @Test
    void networkLessonsLookIntoTheCurrentDesign() throws Exception {
        lesson("receptive-field");
        GuiTestSupport.waitUntil(() -> slideTitle().startsWith("Layer 1"), 30);
        ComboBox<LessonNetwork.Source> source = node("#lesson-network");
        GuiTestSupport.waitUntil(() -> source.getValue() != null, 30);
        assertEquals(ClassroomWorkspace.CURRENT_DESIGN, GuiTestSupport.fx(() -> source.getValue().label()));
        GuiTestSupport.waitUntil(() -> classroom.viewModel().liveProperty().get().network().field() != null, 60);
        GuiTestSupport.fx(() -> classroom.viewModel().stepProperty().set(4));
        shows("theoreticalField 16", 30);
        ComboBox<String> fieldLayer = node("#lesson-field-layer");
        assertTrue(GuiTestSupport.fx(() -> fieldLayer.getItems().containsAll(List.of("conv1", "pool1", "conv2", "pool2"))));
        GuiTestSupport.fx(() -> fieldLayer.setValue("conv2"));
        shows("theoreticalField 14", 60);
        double side = numbersValue("effectiveSide50");
        assertTrue(side >= 1 && side <= 14, "half of the gradient within the field: " + side);
        // a unit the teacher picks: conv2's output is 10×10, its centre (4, 4); the corner's field reaches into the padding
        shows("unit 4,4", 10);
        javafx.scene.control.CheckBox centre = node("#lesson-field-centre");
        javafx.scene.control.Spinner<Integer> row = node("#lesson-field-row");
        javafx.scene.control.Spinner<Integer> col = node("#lesson-field-col");
        assertTrue(GuiTestSupport.fx(row::isDisabled), "the centre unit: no row to choose");
        GuiTestSupport.fx(() -> centre.setSelected(false));
        GuiTestSupport.fx(() -> {
            row.getValueFactory().setValue(0);
            col.getValueFactory().setValue(9);
        });
        shows("unit 0,9", 60);
        assertTrue(GuiTestSupport.fx(() -> classroom.viewModel().slideProperty().get().data().text()).contains("The unit at (0, 9) of conv2"));
        assertEquals(9, GuiTestSupport.fx(() -> classroom.viewModel().liveProperty().get().network().field().col()));

        lesson("convolution");
        ComboBox<String> layer = node("#lesson-layer");
        assertTrue(GuiTestSupport.fx(() -> layer.getItems().equals(List.of(LiveControls.TOY, "conv1", "conv2"))));
        GuiTestSupport.fx(() -> layer.setValue("conv1"));
        shows("floor((28 − 5 + 2×2) / 1) + 1 = 28", 60);
        Node stride = node("#lesson-stride");
        assertFalse(GuiTestSupport.fx(stride::isVisible), "the layer's own stride, not the toy's");
        GuiTestSupport.fx(() -> layer.setValue(LiveControls.TOY));
        shows("floor((7 − 3 + 2×0) / 1) + 1 = 5", 30);
        assertTrue(GuiTestSupport.fx(stride::isVisible));

        lesson("kernels");
        ComboBox<String> kernel = node("#lesson-kernel");
        GuiTestSupport.waitUntil(() -> kernel.getItems().contains("Learned: conv1"), 60);
        GuiTestSupport.fx(() -> kernel.getSelectionModel().select("Learned: conv1"));
        GuiTestSupport.waitUntil(() -> slideTitle().equals("Learned: conv1"), 30);
        shows("filters 6", 30);
    }

    private double numbersValue(String key) {
        return shown(key);
    }
}
