package org.convstudio.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.layer.Input;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Train view-model without the JavaFX toolkit: the test thread is the UI thread
 * ({@link QueueExecutor}); runs are fakes that publish the snapshots the test hands them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrainingViewModelTest {

    @TempDir
    Path dir;

    private final QueueExecutor executor = new QueueExecutor();
    private TrainingViewModel vm;
    private final List<FakeRun> started = new ArrayList<>();

    @BeforeAll
    static void limit() {
        System.setProperty(TrainingViewModel.LIMIT_PROPERTY, "128,32");
    }

    @AfterAll
    static void unlimit() {
        System.clearProperty(TrainingViewModel.LIMIT_PROPERTY);
    }

    @BeforeEach
    void create() {
        vm = new TrainingViewModel(executor);
        vm.setCatalog(new RunCatalog(dir.resolve("runs")));
        vm.runFactoryProperty().set(request -> {
            FakeRun r = new FakeRun(request);
            started.add(r);
            return r;
        });
    }

    /** A run that does nothing by itself: the test publishes for it. */
    static final class FakeRun implements TrainingRun {
        final EngineRun.Request request;
        Consumer<TrainingSnapshot> publisher;
        final List<String> calls = new ArrayList<>();

        FakeRun(EngineRun.Request request) {
            this.request = request;
        }

        @Override
        public void start(Consumer<TrainingSnapshot> publisher) {
            this.publisher = publisher;
            calls.add("start");
        }

        @Override
        public void pause() {
            calls.add("pause");
        }

        @Override
        public void resume() {
            calls.add("resume");
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        void publish(RunState state, int epoch, long step) {
            TrainingSnapshot idle = TrainingSnapshot.idle();
            publisher.accept(new TrainingSnapshot(state, epoch, 3, 1, 4, step, 100, 1e-3, 1, idle.trainLoss(),
                    idle.valLoss(), idle.trainAccuracy(), idle.valAccuracy(), null, "cpu", "", "fake"));
        }
    }

    private void lenetWithData() throws InterruptedException {
        vm.analysisProperty().set(NetworkAnalyzer.analyze(Presets.get("lenet")));
        vm.loadDefaultData();
        executor.runUntil(() -> vm.dataProperty().get() != null && !vm.dataLoadingProperty().get(), 30);
    }

    @Test
    void blockersComeInTheOrderAStudentFixesThem() throws Exception {
        assertTrue(vm.blockerProperty().get().startsWith("This design cannot be trained yet"), vm.blockerProperty().get());
        assertFalse(vm.canStartProperty().get());
        vm.analysisProperty().set(NetworkAnalyzer.analyze(Presets.get("lenet")));
        assertEquals("Choose a data set to train on.", vm.blockerProperty().get());
        vm.loadDefaultData();
        // the load ran at once; its result waits for the UI thread
        assertEquals("Loading the data set…", vm.blockerProperty().get());
        executor.runPending();
        assertEquals("", vm.blockerProperty().get());
        assertTrue(vm.canStartProperty().get());
        assertEquals(128, vm.dataProperty().get().split().train().size());
        assertEquals(32, vm.dataProperty().get().split().test().size());

        vm.setFormError("The seed must be a whole number, like 42.");
        assertEquals("The seed must be a whole number, like 42.", vm.blockerProperty().get());
        assertFalse(vm.canStartProperty().get());
        vm.setFormError("");

        var rgb = Presets.get("lenet").withLayer("input", new Input(3, 32, 32));
        vm.analysisProperty().set(NetworkAnalyzer.analyze(rgb));
        assertTrue(vm.blockerProperty().get().startsWith("The data set has 1×28×28 images but the network expects 3×32×32."),
                vm.blockerProperty().get());
        assertEquals(vm.blockerProperty().get(), vm.adaptOfferProperty().get());
        vm.adaptData();
        executor.runUntil(() -> !vm.dataLoadingProperty().get() && vm.dataProperty().get().adapted(), 30);
        assertEquals("", vm.blockerProperty().get());
        assertTrue(vm.dataProperty().get().summary().contains("(converted from 1×28×28)"));
    }

    @Test
    void aDataSetThatDoesNotLoadKeepsTheCurrentOneAndSaysWhy() throws Exception {
        lenetWithData();
        LoadedData before = vm.dataProperty().get();
        vm.loadData("idx:" + dir.resolve("nothing-here"));
        executor.runUntil(() -> !vm.dataLoadingProperty().get(), 10);
        assertTrue(vm.dataErrorProperty().get().contains("nothing-here"), vm.dataErrorProperty().get());
        assertSame(before, vm.dataProperty().get());
        vm.loadData("no-such-data");
        assertTrue(vm.dataErrorProperty().get().startsWith("Unknown data set 'no-such-data'"), vm.dataErrorProperty().get());
    }

    @Test
    void trainPauseResumeStopFollowTheUiFirstThenTheRun() throws Exception {
        lenetWithData();
        vm.train();
        assertEquals(1, started.size());
        FakeRun run = started.get(0);
        assertEquals(RunState.STARTING, vm.getState());
        assertNotNull(run.request.folder());
        assertTrue(run.request.folder().startsWith(dir.resolve("runs")), run.request.folder().toString());
        assertTrue(run.request.folder().getFileName().toString().endsWith("-" + Presets.get("lenet").name()),
                run.request.folder().toString());
        assertSame(vm.dataProperty().get().split(), run.request.data(), "the run gets the data as loaded (raw)");

        run.publish(RunState.RUNNING, 1, 5);
        executor.runUntil(() -> vm.getState() == RunState.RUNNING, 10);
        assertEquals("cpu", vm.deviceProperty().get());

        vm.togglePause();
        assertEquals(RunState.PAUSED, vm.getState(), "the UI shows the pause at once");
        assertEquals(List.of("start", "pause"), run.calls);
        assertTrue(vm.canStartProperty().get(), "Train resumes a paused run");
        run.publish(RunState.RUNNING, 1, 6); // a snapshot from before the pause arrives late
        executor.runUntil(() -> vm.snapshotProperty().get().step() == 6, 10);
        assertEquals(RunState.PAUSED, vm.getState(), "a late RUNNING snapshot does not undo the pause");

        vm.train();
        assertEquals(RunState.RUNNING, vm.getState());
        assertEquals("resume", run.calls.get(run.calls.size() - 1));

        vm.stop();
        assertEquals(RunState.STOPPING, vm.getState());
        run.publish(RunState.RUNNING, 1, 7);
        executor.runUntil(() -> vm.snapshotProperty().get().step() == 7, 10);
        assertEquals(RunState.STOPPING, vm.getState());
        run.publish(RunState.STOPPED, 1, 8);
        executor.runUntil(() -> vm.getState() == RunState.STOPPED, 10);
        assertFalse(vm.isRunActive());
        assertTrue(vm.canStartProperty().get(), "a new run can start");

        vm.train();
        assertEquals(2, started.size());
        assertTrue(!started.get(1).request.folder().equals(run.request.folder()), "every run has its own folder");
    }

    @Test
    void continueExplainsWhatIsMissing() throws Exception {
        var lenet = Presets.get("lenet");
        var info = new RunCatalog.RunInfo(dir.resolve("r"), "lenet", java.time.Instant.now(), "", lenet, List.of(), false);
        assertEquals("This run has no checkpoint to continue from.", executor.continueRun(vm, info, 1));
        var resumable = new RunCatalog.RunInfo(dir.resolve("r"), "lenet", java.time.Instant.now(), "", lenet, List.of(),
                true);
        assertEquals("Load a data set first.", executor.continueRun(vm, resumable, 1));
        lenetWithData();
        var rgb = new RunCatalog.RunInfo(dir.resolve("r"), "rgb", java.time.Instant.now(), "",
                lenet.withLayer("input", new Input(3, 28, 28)), List.of(), true);
        assertTrue(executor.continueRun(vm, rgb, 1).startsWith("The run's network takes 3×28×28 images"), executor.continueRun(vm, rgb, 1));
        assertEquals("", executor.continueRun(vm, resumable, 2));
        assertEquals(2, started.get(0).request.moreEpochs());
        assertEquals(dir.resolve("r"), started.get(0).request.folder());
        assertEquals("A run is in progress.", executor.continueRun(vm, resumable, 1));
    }
}
