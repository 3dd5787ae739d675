package org.convstudio.ui.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import org.convstudio.analysis.lesson.LearnedFilters;
import org.convstudio.analysis.lesson.Lessons;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.LimitedTrainingData;
import org.convstudio.ui.shell.ConvStudioApp;
import org.convstudio.ui.training.EngineRun;
import org.convstudio.ui.training.RunState;
import org.convstudio.ui.training.TrainingViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The network lessons follow the run training in the Train workspace: its learned filters change from epoch to
 * epoch on screen, the effective field is read again each epoch, and the run is probed only while a network
 * lesson is shown.
 */
@Tag("gui")
@LimitedTrainingData("1024,200")
class ClassroomFollowsRunGuiTest {

    private static final Pattern EPOCH = Pattern.compile("epoch (\\d+) · step (\\d+)");

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

    private TrainingViewModel train() {
        return app.window().training();
    }

    /** The epoch of the weights the lessons show now (0 before the first round). */
    private static int epoch(String source) {
        Matcher m = EPOCH.matcher(source == null ? "" : source);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Test
    void learnedFiltersFollowTheRunTrainingNow() throws Exception {
        robot.clickOn("#nav-train");
        GuiTestSupport.waitUntil(() -> train().dataProperty().get() != null && !train().dataLoadingProperty().get(), 60);
        Spinner<Integer> epochs = GuiTestSupport.lookup(app, "#train-epochs");
        Spinner<Integer> batch = GuiTestSupport.lookup(app, "#train-batch");
        GuiTestSupport.fx(() -> {
            epochs.getValueFactory().setValue(100); // far longer than the test: stopped at the end
            batch.getValueFactory().setValue(32);
        });
        robot.clickOn("#train-start");
        GuiTestSupport.waitUntil(() -> train().getState() == RunState.RUNNING, 60);
        EngineRun run = (EngineRun) GuiTestSupport.fx(() -> train().currentRun());

        robot.clickOn("#nav-classroom");
        ClassroomWorkspace classroom = GuiTestSupport.fx(() -> (ClassroomWorkspace) app.window().currentWorkspace());
        ClassroomViewModel vm = classroom.viewModel();
        ListView<Lessons.Entry> list = GuiTestSupport.lookup(app, "#classroom-lessons");
        GuiTestSupport.fx(() -> list.getSelectionModel().select(Lessons.IDS.indexOf("kernels")));
        GuiTestSupport.waitUntil(() -> source() != null && source().getValue() != null
                && source().getValue().live() == run.probes(), 30);
        assertTrue(GuiTestSupport.fx(() -> source().getValue().label()).startsWith(ClassroomWorkspace.LIVE_PREFIX));
        GuiTestSupport.waitUntil(() -> run.probes().isProbing(), 30);

        // the first-layer filters as the run has them now, then again a later epoch: other values
        GuiTestSupport.waitUntil(() -> epoch(filtersSource(vm)) >= 1, 120);
        LearnedFilters first = GuiTestSupport.fx(() -> vm.liveProperty().get().network().filters());
        int firstEpoch = epoch(first.source());
        GuiTestSupport.waitUntil(() -> epoch(filtersSource(vm)) > firstEpoch, 180);
        LearnedFilters later = GuiTestSupport.fx(() -> vm.liveProperty().get().network().filters());
        assertEquals(first.node(), later.node());
        assertTrue(first.trained() && later.trained(), "live weights are training weights");
        assertTrue(maxDifference(first.kernels(), later.kernels()) > 1e-6, "the kernels moved between epochs");
        // and the slide shows them: the learned filters' step names the epoch
        GuiTestSupport.waitUntil(() -> app.stage().getScene().lookup("#lesson-kernel") != null, 10);
        ComboBox<String> kernel = GuiTestSupport.lookup(app, "#lesson-kernel");
        GuiTestSupport.fx(() -> kernel.getSelectionModel().select("Learned: conv1"));
        GuiTestSupport.waitUntil(() -> vm.slideProperty().get().data().title().equals("Learned: conv1")
                && epoch(vm.slideProperty().get().data().text()) >= 1, 60);
        long rounds = GuiTestSupport.fx(vm::liveRounds);
        assertTrue(rounds >= 2, "rounds reached the lesson: " + rounds);

        // the receptive field of a chosen unit, read with the run's weights
        GuiTestSupport.fx(() -> list.getSelectionModel().select(Lessons.IDS.indexOf("receptive-field")));
        GuiTestSupport.fx(() -> vm.choiceProperty().set(vm.choiceProperty().get().withField("conv2").withUnit(1, 2)));
        GuiTestSupport.waitUntil(() -> {
            var f = vm.liveProperty().get().network().field();
            return f != null && f.node().equals("conv2") && f.row() == 1 && f.col() == 2 && epoch(f.source()) >= 1;
        }, 120);

        // a lesson without a network: nobody looks, the run trains without probes
        GuiTestSupport.fx(() -> list.getSelectionModel().select(Lessons.IDS.indexOf("pooling")));
        assertFalse(GuiTestSupport.fx(() -> run.probes().isProbing()), "probes stop when no network lesson is shown");
        assertNotNull(GuiTestSupport.fx(() -> vm.liveProperty().get().network().filters()));
        GuiTestSupport.fx(() -> list.getSelectionModel().select(Lessons.IDS.indexOf("kernels")));
        GuiTestSupport.waitUntil(() -> run.probes().isProbing(), 10);
        robot.clickOn("#nav-design");
        assertFalse(GuiTestSupport.fx(() -> run.probes().isProbing()), "probes stop when the Classroom is hidden");
        assertTrue(GuiTestSupport.fx(() -> train().getState().isActive()), "the run still trains");

        // the Inspect workspace takes the same tap over, and hands it back
        robot.clickOn("#nav-inspect");
        GuiTestSupport.waitUntil(() -> run.probes().isProbing(), 30);
        assertEquals(null, GuiTestSupport.fx(vm::listeningTo));
        long before = GuiTestSupport.fx(vm::liveRounds);
        robot.clickOn("#nav-classroom");
        GuiTestSupport.waitUntil(() -> vm.listeningTo() == run.probes() && run.probes().isProbing(), 30);
        GuiTestSupport.waitUntil(() -> vm.liveRounds() > before, 60);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<LessonNetwork.Source> source() throws java.util.concurrent.TimeoutException {
        return GuiTestSupport.lookup(app, "#lesson-network");
    }

    private static String filtersSource(ClassroomViewModel vm) {
        LearnedFilters f = vm.liveProperty().get().network().filters();
        return f == null ? "" : f.source();
    }

    private static double maxDifference(List<double[][]> a, List<double[][]> b) {
        double d = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int r = 0; r < a.get(i).length; r++) {
                for (int c = 0; c < a.get(i)[r].length; c++) {
                    d = Math.max(d, Math.abs(a.get(i)[r][c] - b.get(i)[r][c]));
                }
            }
        }
        return d;
    }
}
