package org.convstudio.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
 * Inspect follows the run training in the Train workspace: its feature maps show successive probe rounds, and
 * the run is probed only while the workspace is shown.
 */
@Tag("gui")
@LimitedTrainingData("1024,200")
class InspectLiveGuiTest {

    private static final Pattern STEP = Pattern.compile("epoch (\\d+) · step (\\d+)");

    private ConvStudioApp app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        app = GuiTestSupport.start();
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.fx(() -> train().stop());
        GuiTestSupport.waitUntil(() -> !train().getState().isActive(), 30);
        GuiTestSupport.stop(app);
    }

    private TrainingViewModel train() {
        return app.window().training();
    }

    @Test
    void featureMapsFollowTheTrainingRunAndProbesStopWhenInspectIsHidden() throws Exception {
        EngineRun run = startLongRun();
        assertFalse(run.probes().isProbing(), "nobody is looking yet: the run trains without probes");

        robot.clickOn("#nav-inspect");
        InspectWorkspace ws = GuiTestSupport.fx(() -> (InspectWorkspace) app.window().currentWorkspace());
        InspectViewModel vm = ws.viewModel();
        ComboBox<InspectSource> source = GuiTestSupport.lookup(app, "#inspect-source");
        GuiTestSupport.waitUntil(() -> source.getValue() != null && source.getValue().live() == run, 10);

        // every text the feature-map pane shows for a probe round, as it changes
        Label live = GuiTestSupport.lookup(app, "#inspect-maps-live");
        Set<Long> steps = new ConcurrentSkipListSet<>();
        GuiTestSupport.fx(() -> live.textProperty().addListener((o, a, text) -> {
            Matcher m = STEP.matcher(text);
            if (m.find()) {
                steps.add(Long.parseLong(m.group(2)));
            }
        }));
        GuiTestSupport.waitUntil(() -> steps.size() >= 2, 60);
        assertTrue(run.probes().isProbing());
        var shown = GuiTestSupport.fx(() -> vm.liveProperty().get());
        assertNotNull(shown);
        assertEquals(14, shown.sample().activations().ids().size(), "every lenet block's maps");
        assertNotNull(GuiTestSupport.lookup(app, "#inspect-maps-conv1"), "conv1's grid is drawn (on the render thread)");

        // the filters follow too: kernels, histograms and the update ratios of every layer's weights
        GuiTestSupport.fx(() -> ws.select("inspect-tab-filters"));
        GuiTestSupport.waitUntil(() -> {
            var f = vm.filtersProperty().get();
            return f != null && f.caption().contains("live at") && !f.ratios().isEmpty()
                    && f.ratios().values().stream().allMatch(r -> r.size() >= 1);
        }, 30);
        assertTrue(GuiTestSupport.fx(() -> vm.filtersProperty().get().weights().size()) >= 10, "lenet's parameters");
        assertTrue(run.probes().isProbing(), "the Filters pane follows the run as well");

        // another workspace: nobody looks, the run trains without probes
        robot.clickOn("#nav-train");
        assertFalse(GuiTestSupport.fx(() -> run.probes().isProbing()), "probes stop when Inspect is hidden");
        assertTrue(GuiTestSupport.fx(() -> train().getState().isActive()), "the run still trains");
        robot.clickOn("#nav-inspect");
        GuiTestSupport.waitUntil(() -> run.probes().isProbing(), 10);

        // the run ends (after its first epoch was saved): Inspect opens its folder, so every pane can look at the
        // trained weights, and the Errors pane offers the predictions saved with each epoch
        GuiTestSupport.waitUntil(() -> train().snapshotProperty().get().valAccuracy().size() >= 1, 120);
        GuiTestSupport.fx(() -> train().stop());
        GuiTestSupport.waitUntil(() -> !train().getState().isActive(), 60);
        assertFalse(run.probes().isProbing());
        GuiTestSupport.waitUntil(() -> source.getValue() != null && source.getValue().live() == null
                && run.request().folder().equals(source.getValue().run()), 20);
        GuiTestSupport.fx(() -> ws.select("inspect-tab-errors"));
        ComboBox<Integer> saved = GuiTestSupport.lookup(app, "#inspect-errors-epoch");
        GuiTestSupport.waitUntil(() -> vm.errorsProperty().get() != null && saved.isVisible() && !saved.getItems().isEmpty(), 60);
        int newest = GuiTestSupport.fx(() -> saved.getItems().get(saved.getItems().size() - 1));
        assertEquals(newest, GuiTestSupport.fx(() -> vm.errorsProperty().get().epoch()), "the newest saved epoch first");
        assertEquals(200, GuiTestSupport.fx(() -> vm.errorsProperty().get().labels().length), "the run's 200 validation images");
        GuiTestSupport.fx(() -> saved.setValue(1));
        GuiTestSupport.waitUntil(() -> vm.errorsProperty().get().epoch() == 1, 20);
        assertTrue(GuiTestSupport.fx(() -> vm.errorsProperty().get().imagesKnown()), "validated on the sample's first 200 images");
    }

    /** Starts a long run of lenet on the sample (stopped by the teardown) and returns it. */
    private EngineRun startLongRun() throws Exception {
        robot.clickOn("#nav-train");
        GuiTestSupport.waitUntil(() -> train().dataProperty().get() != null && !train().dataLoadingProperty().get(), 60);
        javafx.scene.control.Spinner<Integer> epochs = GuiTestSupport.lookup(app, "#train-epochs");
        javafx.scene.control.Spinner<Integer> batch = GuiTestSupport.lookup(app, "#train-batch");
        GuiTestSupport.fx(() -> {
            epochs.getValueFactory().setValue(100);
            batch.getValueFactory().setValue(32);
        });
        robot.clickOn("#train-start");
        GuiTestSupport.waitUntil(() -> train().getState() == RunState.RUNNING, 60);
        return (EngineRun) GuiTestSupport.fx(() -> train().currentRun());
    }

    @Test
    void receptiveFieldAttributionAndDrawingLookAtTheWeightsTheRunHasNow() throws Exception {
        EngineRun run = startLongRun();
        robot.clickOn("#nav-inspect");
        InspectWorkspace ws = GuiTestSupport.fx(() -> (InspectWorkspace) app.window().currentWorkspace());
        InspectViewModel vm = ws.viewModel();
        GuiTestSupport.fx(() -> ws.select("inspect-tab-field"));
        // the explaining panes get a copy of the run's network, built from its first probe round
        GuiTestSupport.waitUntil(() -> vm.loaded() != null && vm.loaded().title().endsWith("(live)"), 60);
        assertTrue(run.probes().isProbing(), "the Receptive fields pane needs the run's rounds too");

        // work asked for now sees the weights of the newest round shown, exactly
        var pair = GuiTestSupport.fx(() -> java.util.Map.entry(vm.liveProperty().get(), vm.requireModel()));
        var shownWeights = pair.getKey().filters().weights();
        var copied = pair.getValue().call((p, g) -> p.weights(false));
        assertEquals(shownWeights.size(), copied.size());
        for (int i = 0; i < copied.size(); i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(shownWeights.get(i).value().values(),
                    copied.get(i).value().values(), shownWeights.get(i).node() + " " + shownWeights.get(i).name());
        }

        // a later round has other weights (the run trains) and the next request copies those in
        long firstStep = pair.getKey().step();
        GuiTestSupport.waitUntil(() -> GuiTestSupport.fx(() -> vm.liveProperty().get().step()) > firstStep, 30);
        var later = GuiTestSupport.fx(() -> java.util.Map.entry(vm.liveProperty().get(), vm.requireModel()));
        float[] conv1Later = later.getKey().filters().weights().get(0).value().values();
        float[] conv1Copied = later.getValue().call((p, g) -> p.weights(false)).get(0).value().values();
        org.junit.jupiter.api.Assertions.assertArrayEquals(conv1Later, conv1Copied);
        assertFalse(java.util.Arrays.equals(shownWeights.get(0).value().values(), conv1Later), "training moved conv1's weights");

        // a unit's effective receptive field and the attribution are computed on the live copy
        GuiTestSupport.fx(() -> vm.selectUnit("conv1", 0, 3, 3, 1));
        GuiTestSupport.waitUntil(() -> vm.fieldProperty().get() != null, 30);
        GuiTestSupport.fx(() -> ws.select("inspect-tab-attribution"));
        String lastConv = GuiTestSupport.fx(() -> vm.loaded().convs().get(vm.loaded().convs().size() - 1));
        GuiTestSupport.fx(() -> vm.computeAttribution(-1, lastConv));
        GuiTestSupport.waitUntil(() -> vm.attributionProperty().get() != null, 60);

        // a drawing's prediction is re-run as the weights change, without another stroke
        GuiTestSupport.fx(() -> ws.select("inspect-tab-draw"));
        float[] ink = new float[28 * 28];
        for (int y = 6; y < 22; y++) {
            ink[y * 28 + 14] = 1f;
        }
        GuiTestSupport.fx(() -> vm.draw(ink, 28, 28));
        GuiTestSupport.waitUntil(() -> vm.drawingProperty().get() != null, 30);
        var firstDrawing = GuiTestSupport.fx(() -> vm.drawingProperty().get());
        GuiTestSupport.waitUntil(() -> GuiTestSupport.fx(() -> vm.drawingProperty().get()) != firstDrawing, 30);
        assertTrue(GuiTestSupport.fx(() -> train().getState().isActive()), "all of it while the run trains");
    }
}
