package org.convstudio.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.convstudio.model.layer.Input;
import org.convstudio.model.preset.Presets;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.LimitedTrainingData;
import org.convstudio.ui.common.LinePlot;
import org.convstudio.ui.shell.ConvStudioApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The Train workspace on the real engine, with the bundled sample cut to a few hundred images. */
@Tag("gui")
@LimitedTrainingData("512,200")
class TrainWorkspaceGuiTest {

    private ConvStudioApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        app = GuiTestSupport.start();
        robot.clickOn("#nav-train");
        GuiTestSupport.waitUntil(() -> vm().dataProperty().get() != null && !vm().dataLoadingProperty().get(), 60);
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.fx(() -> vm().stop());
        GuiTestSupport.waitUntil(() -> !vm().getState().isActive(), 20);
        GuiTestSupport.fx(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w instanceof Stage s && s != app.stage()) {
                    s.close();
                }
            }
        });
        GuiTestSupport.stop(app);
    }

    private TrainingViewModel vm() {
        return app.window().training();
    }

    /** The node with {@code selector}, once the scene holds it (see {@link GuiTestSupport#lookup}). */
    @SuppressWarnings("unchecked")
    private <T extends Node> T lookup(String selector) {
        try {
            return (T) GuiTestSupport.lookup(app, selector);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("nothing matches " + selector + " in the window", e);
        }
    }

    private String text(String selector) {
        return GuiTestSupport.fx(() -> ((Label) app.stage().getScene().lookup(selector)).getText());
    }

    private void setEpochsAndBatch(int epochs, int batch) {
        Spinner<Integer> e = lookup("#train-epochs");
        Spinner<Integer> b = lookup("#train-batch");
        GuiTestSupport.fx(() -> {
            e.getValueFactory().setValue(epochs);
            b.getValueFactory().setValue(batch);
        });
    }

    @Test
    void trainsAnEpochFillsTheDashboardListsReopensComparesAndContinuesRuns() throws Exception {
        assertTrue(text("#train-data-summary").startsWith("512 training · 200 validation · 1×28×28 · 10 classes"),
                text("#train-data-summary"));
        setEpochsAndBatch(1, 32);
        robot.clickOn("#train-start");
        GuiTestSupport.waitUntil(() -> vm().getState() == RunState.FINISHED, 60);

        LinePlot loss = lookup("#plot-loss");
        LinePlot acc = lookup("#plot-accuracy");
        assertTrue(GuiTestSupport.fx(() -> loss.getSeries().get(0).size()) >= 1, "training loss points");
        assertEquals(1, GuiTestSupport.fx(() -> loss.getSeries().get(1).size()), "one validation loss point");
        assertEquals(1, GuiTestSupport.fx(() -> acc.getSeries().get(1).size()), "one validation accuracy point");
        double valAcc = GuiTestSupport.fx(() -> acc.getSeries().get(1).y(0));
        assertTrue(valAcc > 0.2, "a LeNet learns something from 512 digits in one epoch: " + valAcc);

        ConfusionMatrixView matrix = lookup("#train-confusion");
        assertEquals(200, GuiTestSupport.fx(() -> matrix.getMatrix().total()));
        assertEquals(valAcc, GuiTestSupport.fx(() -> matrix.getMatrix().accuracy()), 1e-9);
        SampleStrip strip = lookup("#train-samples");
        assertEquals(16, GuiTestSupport.fx(strip::tileCount));
        assertEquals(16, GuiTestSupport.fx(() -> strip.rightCount() + strip.wrongCount()));
        assertTrue(text("#train-samples-title").contains("epoch 1"), text("#train-samples-title"));
        assertEquals("Finished", text("#status-run"));
        assertEquals("CPU · PyTorch", text("#status-device"));
        assertFalse(text("#metric-rate").equals("–"));
        assertTrue(text("#train-progress-run-text").equals("Epoch 1 of 1"), text("#train-progress-run-text"));

        ListView<RunCatalog.RunInfo> runs = lookup("#train-runs");
        GuiTestSupport.waitUntil(() -> runs.getItems().size() == 1, 10);
        RunCatalog.RunInfo first = GuiTestSupport.fx(() -> runs.getItems().get(0));
        assertEquals(1, first.epochs());
        assertEquals(valAcc, first.bestAccuracy(), 1e-9);
        assertTrue(first.resumable());
        assertTrue(Files.isRegularFile(first.dir().resolve("weights.params")));
        assertTrue(first.dir().startsWith(Path.of(System.getProperty("convstudio.home"))), first.dir().toString());

        // continue the run for one more epoch
        GuiTestSupport.fx(() -> runs.getSelectionModel().clearAndSelect(0));
        javafx.scene.control.Button cont = lookup("#train-run-continue");
        GuiTestSupport.waitUntil(() -> !cont.isDisabled() && cont.isVisible(), 30);
        // fired rather than clicked: with the taller setup panel the button can sit below the test window's edge
        GuiTestSupport.fx(cont::fire);
        GuiTestSupport.waitUntil(() -> vm().getState() == RunState.FINISHED
                && vm().snapshotProperty().get().valAccuracy().size() == 2, 120);
        GuiTestSupport.waitUntil(() -> runs.getItems().size() == 1 && runs.getItems().get(0).epochs() == 2, 10);
        assertEquals(2, GuiTestSupport.fx(() -> acc.getSeries().get(1).size()), "history + the new epoch");

        // a second run, then compare the two
        robot.clickOn("#train-start");
        GuiTestSupport.waitUntil(() -> vm().getState() == RunState.FINISHED, 60);
        GuiTestSupport.waitUntil(() -> runs.getItems().size() == 2, 10);
        // the list is re-read after each run (twice: epoch end and run end); a late re-read replaces the items
        // and clears the selection, so select, wait for Compare to be enabled, and click again if it was lost
        Button compareButton = lookup("#train-run-compare");
        for (int attempt = 0; attempt < 3 && !compareOpen(); attempt++) {
            GuiTestSupport.waitUntil(() -> GuiTestSupport.fx(() -> {
                runs.getSelectionModel().selectAll();
                return runs.getItems().size() == 2 && !compareButton.isDisabled();
            }), 10);
            robot.clickOn("#train-run-compare");
            try {
                GuiTestSupport.waitUntil(this::compareOpen, 5);
            } catch (java.util.concurrent.TimeoutException e) {
                // the selection was cleared before the click landed: try again
            }
        }
        assertTrue(compareOpen(), "Compare opens a window");
        LinePlot compare = GuiTestSupport.fx(() -> Window.getWindows().stream()
                .filter(w -> w != app.stage() && w.getScene() != null)
                .map(w -> (LinePlot) w.getScene().lookup("#compare-plot")).filter(p -> p != null)
                .findFirst().orElseThrow());
        assertEquals(2, GuiTestSupport.fx(() -> compare.getSeries().size()));
        List<Integer> sizes = GuiTestSupport.fx(() -> compare.getSeries().stream().map(LinePlot.Series::size).toList());
        assertTrue(sizes.containsAll(List.of(1, 2)), sizes.toString());

        // reopen the continued (older) run: its two epochs are shown
        GuiTestSupport.fx(() -> {
            int older = runs.getItems().get(0).epochs() == 2 ? 0 : 1;
            runs.getSelectionModel().clearAndSelect(older);
        });
        robot.clickOn("#train-run-open");
        GuiTestSupport.settle();
        assertEquals(2, GuiTestSupport.fx(() -> acc.getSeries().get(1).size()));
        assertTrue(text("#train-title").startsWith("Run "), text("#train-title"));
        // ... and the confusion matrix and samples of its last epoch, read back from its folder
        GuiTestSupport.waitUntil(() -> text("#train-confusion-title").contains("epoch 2"), 10);
        assertEquals(200, GuiTestSupport.fx(() -> matrix.getMatrix().total()));
        assertEquals(GuiTestSupport.fx(() -> acc.getSeries().get(1).y(1)),
                GuiTestSupport.fx(() -> matrix.getMatrix().accuracy()), 1e-9);
        assertTrue(text("#train-samples-title").contains("epoch 2"), text("#train-samples-title"));
        assertEquals(16, GuiTestSupport.fx(strip::tileCount));

        // runs are named after the design's document and listed with their settings
        String designTitle = GuiTestSupport.fx(() -> app.window().design().viewModel().titleProperty().get());
        RunCatalog.RunInfo listed = GuiTestSupport.fx(() -> runs.getItems().get(0));
        assertEquals(RunCatalog.namedAfter(Presets.get("lenet"), designTitle).name(), listed.name());
        assertTrue(listed.settingsText().contains("batch 32") && listed.settingsText().contains(" · lr "),
                listed.settingsText());
        saveScreenshot("train-runs-listed.png");

        // another design: the dashboard forgets the previous design's run
        GuiTestSupport.fx(() -> app.window().design().viewModel().load(Presets.get("alexnet"), null));
        GuiTestSupport.settle();
        assertEquals(0, GuiTestSupport.fx(() -> acc.getSeries().get(1).size()), "no curves of the other design's run");
        assertEquals(0, GuiTestSupport.fx(() -> loss.getSeries().get(0).size()));
        assertEquals("", text("#train-title"));
        assertEquals(null, GuiTestSupport.fx(matrix::getMatrix));
        saveScreenshot("train-after-design-switch.png");
    }

    private boolean compareOpen() {
        return GuiTestSupport.fx(() -> Window.getWindows().stream().anyMatch(w -> w != app.stage() && w.getScene() != null
                && w.getScene().lookup("#compare-plot") != null));
    }

    /** For looking at the page (target/screenshots); not a check. */
    private void saveScreenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        var image = GuiTestSupport.fx(() -> app.stage().getScene().snapshot(null));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                dir.resolve(name).toFile());
    }

    @Test
    void pauseResumeKeepsTheStepAndStopLeavesTheAppUsable() throws Exception {
        setEpochsAndBatch(200, 16);
        List<Long> steps = new ArrayList<>();
        GuiTestSupport.fx(() -> vm().snapshotProperty().addListener((o, a, s) -> steps.add(s.step())));
        robot.clickOn("#train-start");
        GuiTestSupport.waitUntil(() -> vm().getState() == RunState.RUNNING
                && vm().snapshotProperty().get().step() > 20, 60);
        assertEquals("Training", text("#status-run"));

        Button stopButton = lookup("#train-stop");
        double stopX = GuiTestSupport.fx(() -> stopButton.localToScene(0, 0).getX());
        // Space pauses (focus not in a text field or on a button)
        GuiTestSupport.fx(() -> app.stage().getScene().getRoot().requestFocus());
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        GuiTestSupport.settle();
        assertEquals(RunState.PAUSED, GuiTestSupport.fx(() -> vm().getState()));
        Button pauseButton = lookup("#train-pause");
        assertEquals("Resume", GuiTestSupport.fx(pauseButton::getText));
        assertEquals(stopX, GuiTestSupport.fx(() -> stopButton.localToScene(0, 0).getX()), 0.5,
                "the toolbar does not move when Pause becomes Resume");
        saveScreenshot("train-paused.png");
        GuiTestSupport.waitUntil(() -> vm().snapshotProperty().get().state() == RunState.PAUSED, 10);
        long paused = GuiTestSupport.fx(() -> vm().snapshotProperty().get().step());
        EngineRun run = (EngineRun) GuiTestSupport.fx(() -> vm().currentRun());
        assertEquals(paused, run.session().steps(), "the dashboard shows the step the engine paused at");
        Thread.sleep(500);
        assertEquals(paused, run.session().steps(), "no step while paused");
        LinePlot loss = lookup("#plot-loss");
        long redraws = GuiTestSupport.fx(loss::getRedrawCount);
        Thread.sleep(300);
        assertEquals(redraws, GuiTestSupport.fx(loss::getRedrawCount), "an idle plot does not redraw");

        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        GuiTestSupport.waitUntil(() -> vm().snapshotProperty().get().step() > paused + 10, 30);
        robot.clickOn("#train-stop");
        GuiTestSupport.waitUntil(() -> vm().getState() == RunState.STOPPED, 30);
        TrainingSnapshot end = GuiTestSupport.fx(() -> vm().snapshotProperty().get());
        // the optimiser step counter and the epoch's batch counter agree: nothing skipped or repeated
        assertEquals((long) (end.epoch() - 1) * end.batchesPerEpoch() + end.batch(), end.step(), end.toString());
        List<Long> seen = GuiTestSupport.fx(() -> List.copyOf(steps));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "step went back: " + seen);
        }
        assertTrue(seen.stream().anyMatch(s -> s > paused), "training went on after resume");
        assertEquals("Stopped", text("#status-run"));

        // the app stays usable: a new run starts from step 0 and can be stopped again
        Button train = lookup("#train-start");
        assertFalse(GuiTestSupport.fx(train::isDisabled));
        robot.clickOn("#train-start");
        GuiTestSupport.waitUntil(() -> vm().getState() == RunState.RUNNING
                && vm().snapshotProperty().get().step() > 5, 60);
        assertTrue(GuiTestSupport.fx(() -> vm().snapshotProperty().get().step()) < end.step() + 5000);
        robot.clickOn("#train-stop");
        GuiTestSupport.waitUntil(() -> vm().getState() == RunState.STOPPED, 30);
        assertFalse(GuiTestSupport.fx(train::isDisabled));
    }

    @Test
    void quittingDuringARunAsksFirstAndWaitsForTheCheckpoint() throws Exception {
        setEpochsAndBatch(200, 16);
        robot.clickOn("#train-start");
        GuiTestSupport.waitUntil(() -> vm().getState() == RunState.RUNNING, 60);
        javafx.application.Platform.runLater(() -> app.window().requestQuit()); // shows a modal dialog: don't wait
        GuiTestSupport.waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w != app.stage() && w.getScene() != null
                && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane), 10);
        javafx.scene.control.DialogPane ask = GuiTestSupport.fx(() -> Window.getWindows().stream()
                .filter(w -> w != app.stage() && w.getScene() != null
                        && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
                .map(w -> (javafx.scene.control.DialogPane) w.getScene().getRoot()).findFirst().orElseThrow());
        assertTrue(GuiTestSupport.fx(ask::getHeaderText).contains("Stop training and quit?"));
        GuiTestSupport.fx(() -> ((javafx.scene.control.Button) ask.lookupButton(javafx.scene.control.ButtonType.CANCEL)).fire());
        GuiTestSupport.settle();
        assertTrue(GuiTestSupport.fx(() -> vm().getState().isActive()), "Cancel keeps the run going");
        assertTrue(GuiTestSupport.fx(() -> app.stage().isShowing()));

        // what OK does before exiting: stop, then wait (off the FX thread) until the worker has let go
        java.util.concurrent.Callable<Boolean> wait = GuiTestSupport.fx(() -> vm().stopForQuit(30_000));
        assertTrue(wait.call(), "the run's worker finished within the limit");
        GuiTestSupport.waitUntil(() -> !vm().getState().isActive(), 10);
    }

    @Test
    void aDataSetErrorShowsAMessageAndLeavesTheFormAsItWas(@TempDir Path empty) throws Exception {
        String summary = text("#train-data-summary");
        TextField lr = lookup("#train-lr");
        GuiTestSupport.fx(() -> lr.setText("0.002"));
        ComboBox<DataChoice> choice = lookup("#train-data-choice");
        GuiTestSupport.fx(() -> choice.setValue(DataChoice.IDX));
        TextField folder = lookup("#train-data-folder");
        GuiTestSupport.fx(() -> folder.setText(empty.toString()));
        robot.clickOn("#train-data-load");
        GuiTestSupport.waitUntil(() -> !vm().dataErrorProperty().get().isEmpty(), 20);
        Label error = lookup("#train-data-error");
        assertTrue(GuiTestSupport.fx(error::isVisible));
        String message = text("#train-data-error");
        assertTrue(message.length() > 20 && message.contains(empty.getFileName().toString()), message);
        Node more = lookup("#train-data-error-more");
        if (GuiTestSupport.fx(more::isVisible)) { // a longer message: its first sentence shows, the rest on demand
            robot.clickOn("#train-data-error-more");
            assertTrue(GuiTestSupport.fx(() -> lookup("#train-data-error-details").isVisible()));
            saveScreenshot("train-data-error.png");
            robot.clickOn("#train-data-error-more");
            assertFalse(GuiTestSupport.fx(() -> lookup("#train-data-error-details").isVisible()));
        }
        // nothing lost: the sample is still loaded and chosen, the form keeps its values, Train works
        assertEquals(summary, text("#train-data-summary"));
        assertEquals(DataChoice.SAMPLE, GuiTestSupport.fx(choice::getValue));
        assertEquals(empty.toString(), GuiTestSupport.fx(() -> folder.getText()));
        assertEquals("0.002", GuiTestSupport.fx(() -> lr.getText()));
        assertEquals(0.002, GuiTestSupport.fx(() -> vm().configProperty().get().learningRate()), 1e-12);
        assertTrue(GuiTestSupport.fx(() -> vm().canStartProperty().get()));

        // the augmentation checkbox reaches the training configuration
        assertFalse(GuiTestSupport.fx(() -> vm().configProperty().get().augments()));
        robot.clickOn("#train-augment");
        assertEquals(2, GuiTestSupport.fx(() -> vm().configProperty().get().augmentShift()));
        assertEquals(12.0, GuiTestSupport.fx(() -> vm().configProperty().get().augmentDegrees()), 0);
    }

    @Test
    void anUntrainableDesignOrMismatchedDataDisablesTrainWithTheReasonAndOffersToConvert() throws Exception {
        Button train = lookup("#train-start");
        assertFalse(GuiTestSupport.fx(train::isDisabled));
        var design = app.window().design().viewModel();
        GuiTestSupport.fx(() -> design.setLayer("conv2", org.convstudio.model.layer.Conv2d.of(16, 30), null));
        GuiTestSupport.settle();
        assertTrue(GuiTestSupport.fx(train::isDisabled));
        String banner = text("#train-banner");
        assertTrue(banner.startsWith("This design cannot be trained yet: ")
                && banner.equals("This design cannot be trained yet: "
                        + GuiTestSupport.fx(() -> design.getAnalysis().trainBlocker().orElseThrow())), banner);
        Node adapt = lookup("#train-adapt");
        assertFalse(GuiTestSupport.fx(adapt::isVisible));
        GuiTestSupport.fx(design::undo);
        GuiTestSupport.settle();
        assertFalse(GuiTestSupport.fx(train::isDisabled));

        // RGB 32×32 input: the grey 28×28 digits do not fit; the message offers the conversion
        GuiTestSupport.fx(() -> design.setLayer("input", new Input(3, 32, 32), null));
        GuiTestSupport.settle();
        assertTrue(GuiTestSupport.fx(train::isDisabled));
        assertTrue(text("#train-banner").startsWith(
                "The data set has 1×28×28 images but the network expects 3×32×32."), text("#train-banner"));
        assertTrue(GuiTestSupport.fx(adapt::isVisible));
        robot.clickOn("#train-adapt");
        GuiTestSupport.waitUntil(() -> !vm().dataLoadingProperty().get()
                && vm().dataProperty().get().adapted(), 30);
        GuiTestSupport.settle();
        assertFalse(GuiTestSupport.fx(train::isDisabled));
        assertTrue(text("#train-data-summary").contains("3×32×32 · 10 classes (converted from 1×28×28)"),
                text("#train-data-summary"));
    }
}
