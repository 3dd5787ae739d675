package org.convstudio.ui.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Spinner;
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
 * Live mode in the real app: a LeNet trained in the Train workspace (the bundled sample cut to 512 + 200 images)
 * for two epochs, the Embed workspace re-embedding its layer from each saved checkpoint.
 */
@Tag("gui")
@LimitedTrainingData("512,200")
class EmbedLiveGuiTest {

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
    void eachEpochOfTheRunTrainingInTheAppIsMappedFromItsCheckpoint() throws Exception {
        TrainingViewModel training = app.window().training();
        robot.clickOn("#nav-embed");
        EmbedWorkspace ws = GuiTestSupport.fx(() -> (EmbedWorkspace) app.window().currentWorkspace());
        EmbedViewModel vm = ws.viewModel();
        GuiTestSupport.fx(() -> ws.choose("t-SNE", 10, 300));
        robot.clickOn("#embed-live");
        assertTrue(vm.liveProperty().get());

        robot.clickOn("#nav-train");
        GuiTestSupport.waitUntil(() -> training.dataProperty().get() != null && !training.dataLoadingProperty().get(), 60);
        GuiTestSupport.fx(() -> {
            @SuppressWarnings("unchecked")
            Spinner<Integer> e = (Spinner<Integer>) app.stage().getScene().lookup("#train-epochs");
            @SuppressWarnings("unchecked")
            Spinner<Integer> b = (Spinner<Integer>) app.stage().getScene().lookup("#train-batch");
            e.getValueFactory().setValue(2);
            b.getValueFactory().setValue(32);
        });
        robot.clickOn("#train-start");
        GuiTestSupport.waitUntil(() -> training.getState() == RunState.FINISHED, 120);
        GuiTestSupport.waitUntil(() -> !vm.busyProperty().get() && !vm.epochs().isEmpty()
                && vm.epochs().get(vm.epochs().size() - 1).epoch() == 2, 120);

        java.nio.file.Path folder = ((EngineRun) training.currentRun()).request().folder();
        EmbedSnapshot last = vm.snapshotProperty().get();
        assertEquals(folder, last.request().run(), "the map is of the run that trained");
        assertEquals(2, last.epoch());
        assertTrue(last.done());
        assertEquals(folder, GuiTestSupport.fx(ws::chosenRun), "the followed run is the chosen source");
        assertTrue(vm.comparingProperty().get(), "side by side: the input space beside the live layer");
        assertEquals(300, vm.inputProperty().get().points());
    }
}
