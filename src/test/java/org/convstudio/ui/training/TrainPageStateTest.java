package org.convstudio.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.convstudio.engine.train.EpochRecord;
import org.convstudio.engine.train.OptimizerKind;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.io.NetworkJson;
import org.convstudio.model.layer.Input;
import org.convstudio.model.preset.Presets;
import org.convstudio.ui.common.AppendOnlySeries;
import org.convstudio.ui.common.TaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Train page's state belongs to the design and the run it shows (issue 9, item 5): another design
 * clears the dashboard, errors go when their cause goes, runs are named after the design's document and
 * listed with their settings, and time left stands still while paused. No toolkit: the test thread is
 * the UI thread ({@link QueueExecutor}), runs are fakes the test publishes for.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrainPageStateTest {

    @TempDir
    Path dir;

    /** A {@link QueueExecutor} whose next background job can be made to fail as if the heap ran out. */
    static final class FailingExecutor implements TaskExecutor {
        final QueueExecutor queue = new QueueExecutor();
        boolean outOfMemoryNext;

        @Override
        public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
            if (outOfMemoryNext) {
                outOfMemoryNext = false;
                queue.runOnUi(() -> onError.accept(new OutOfMemoryError("Java heap space")));
                return;
            }
            queue.submit(work, onSuccess, onError);
        }

        @Override
        public void runOnUi(Runnable action) {
            queue.runOnUi(action);
        }
    }

    private final FailingExecutor executor = new FailingExecutor();
    private final List<TrainingViewModelTest.FakeRun> started = new ArrayList<>();
    private TrainingViewModel vm;

    @BeforeAll
    static void limit() {
        System.setProperty(TrainingViewModel.LIMIT_PROPERTY, "64,16");
    }

    @AfterAll
    static void unlimit() {
        System.clearProperty(TrainingViewModel.LIMIT_PROPERTY);
    }

    @BeforeEach
    void create() throws InterruptedException {
        vm = new TrainingViewModel(executor);
        vm.setCatalog(new RunCatalog(dir.resolve("runs")));
        vm.runFactoryProperty().set(request -> {
            var r = new TrainingViewModelTest.FakeRun(request);
            started.add(r);
            return r;
        });
        vm.analysisProperty().set(NetworkAnalyzer.analyze(Presets.get("lenet")));
        vm.loadDefaultData();
        executor.queue.runUntil(() -> vm.dataProperty().get() != null && !vm.dataLoadingProperty().get(), 30);
    }

    private static TrainingSnapshot snapshot(RunState state, long step, double eta, String message) {
        AppendOnlySeries loss = new AppendOnlySeries();
        loss.append(0.5, 2.0);
        loss.append(1.0, 1.5);
        AppendOnlySeries.Snapshot e = AppendOnlySeries.Snapshot.EMPTY;
        return new TrainingSnapshot(state, 1, 3, 2, 4, step, 100, 1e-3, eta, loss.snapshot(), e, e, e, null, "cpu",
                message, "lenet on mnist-sample");
    }

    private void publish(TrainingSnapshot s) throws InterruptedException {
        started.get(started.size() - 1).publisher.accept(s);
        executor.queue.runUntil(() -> vm.snapshotProperty().get().step() == s.step()
                && vm.snapshotProperty().get().state() == s.state(), 10);
    }

    @Test
    void anotherDesignClearsTheLastRunButNotARunInProgress() throws Exception {
        vm.train();
        publish(snapshot(RunState.RUNNING, 5, 60, ""));
        vm.designReplaced();
        assertEquals(RunState.RUNNING, vm.getState(), "a run in progress goes on");
        assertEquals(2, vm.snapshotProperty().get().trainLoss().size(), "and stays shown");

        publish(snapshot(RunState.FINISHED, 6, 0, ""));
        assertEquals(2, vm.snapshotProperty().get().trainLoss().size());
        vm.designReplaced();
        assertEquals(RunState.IDLE, vm.getState());
        TrainingSnapshot shown = vm.snapshotProperty().get();
        assertEquals(0, shown.trainLoss().size(), "no curves of the previous design's run");
        assertEquals("", shown.title());
        assertEquals("", shown.message());
    }

    @Test
    void aFailedRunsMessageGoesWhenANewRunStartsOrTheDataChange() throws Exception {
        vm.train();
        publish(snapshot(RunState.FAILED, 3, Double.NaN, "Training failed: ConvStudio ran out of memory."));
        assertEquals("Training failed: ConvStudio ran out of memory.", vm.snapshotProperty().get().message());

        vm.train();
        assertEquals("", vm.snapshotProperty().get().message(), "a new run starts without the old error");
        publish(snapshot(RunState.FAILED, 4, Double.NaN, "Training failed: ConvStudio ran out of memory."));

        vm.loadData("mnist-sample");
        executor.queue.runUntil(() -> !vm.dataLoadingProperty().get(), 30);
        assertEquals("", vm.snapshotProperty().get().message(), "another data set: the run's error is moot");
        assertEquals(2, vm.snapshotProperty().get().trainLoss().size(), "the run's curves stay");
    }

    @Test
    void aConversionErrorGoesWithTheDesignItWasFor() throws Exception {
        var rgb = Presets.get("lenet").withLayer("input", new Input(3, 32, 32));
        vm.analysisProperty().set(NetworkAnalyzer.analyze(rgb));
        executor.outOfMemoryNext = true;
        vm.adaptData();
        executor.queue.runUntil(() -> !vm.dataLoadingProperty().get(), 10);
        assertTrue(vm.dataErrorProperty().get().contains("ran out of memory"), vm.dataErrorProperty().get());

        vm.designReplaced();
        assertEquals("", vm.dataErrorProperty().get(), "another design: the old conversion error goes");

        executor.outOfMemoryNext = true;
        vm.adaptData();
        executor.queue.runUntil(() -> !vm.dataLoadingProperty().get(), 10);
        assertFalse(vm.dataErrorProperty().get().isEmpty());
        vm.analysisProperty().set(NetworkAnalyzer.analyze(rgb.withName("same input, other name")));
        assertFalse(vm.dataErrorProperty().get().isEmpty(), "an edit that keeps the input shape keeps it");
        vm.analysisProperty().set(NetworkAnalyzer.analyze(Presets.get("lenet")));
        assertEquals("", vm.dataErrorProperty().get(), "the input now fits the data: nothing to convert");
    }

    @Test
    void aDataErrorGoesWhenARunStartsOnTheDataInUse() throws Exception {
        vm.loadData("idx:" + dir.resolve("nothing-here"));
        executor.queue.runUntil(() -> !vm.dataLoadingProperty().get(), 10);
        assertFalse(vm.dataErrorProperty().get().isEmpty());
        vm.train();
        assertEquals(1, started.size());
        assertEquals("", vm.dataErrorProperty().get());
    }

    @Test
    void timeLeftStandsStillWhilePaused() throws Exception {
        vm.train();
        publish(snapshot(RunState.RUNNING, 5, 100, ""));
        vm.togglePause();
        publish(snapshot(RunState.RUNNING, 6, 90, "")); // batches finishing on their way to the pause
        assertEquals(100, vm.snapshotProperty().get().etaSeconds());
        publish(snapshot(RunState.PAUSED, 7, 97, ""));
        assertEquals(100, vm.snapshotProperty().get().etaSeconds());
        vm.togglePause();
        publish(snapshot(RunState.RUNNING, 8, 80, ""));
        assertEquals(80, vm.snapshotProperty().get().etaSeconds(), "resumed: the run's estimate again");
    }

    @Test
    void runsAreNamedAfterTheDesignsDocument() throws Exception {
        vm.designNameProperty().set("My LeNet" + NetworkJson.EXTENSION);
        vm.train();
        var request = started.get(0).request;
        assertEquals("My LeNet", request.network().name());
        assertTrue(request.folder().getFileName().toString().endsWith("-My-LeNet"), request.folder().toString());

        var lenet = Presets.get("lenet");
        assertEquals(lenet.name(), RunCatalog.namedAfter(lenet, "").name(), "no document title: the network's name");
        assertEquals("tiny", RunCatalog.namedAfter(lenet, "tiny.json").name());
    }

    @Test
    void theRunsListShowsNameSettingsAndBestAccuracyFromTheRunFolder() throws IOException {
        Path run = dir.resolve("runs").resolve("20261202-171500-My-LeNet");
        Files.createDirectories(run);
        RunFolder folder = new RunFolder(run);
        folder.writeArchitecture(NetworkJson.toJson(Presets.get("lenet").withName("My LeNet")));
        folder.writeConfig(TrainingConfig.builder().setOptimizer(OptimizerKind.ADAM, 1e-3).setBatchSize(32)
                .setEpochs(5).build());
        new ObjectMapper().writeValue(run.resolve(RunFolder.HISTORY).toFile(), List.of(
                new EpochRecord(1, 0.9, 0.7, 0.6, 0.81, 1e-3, 2, 500),
                new EpochRecord(2, 0.5, 0.85, 0.45, 0.912, 1e-3, 2, 500)));

        List<RunCatalog.RunInfo> runs = new RunCatalog(dir.resolve("runs")).list();
        assertEquals(1, runs.size());
        RunCatalog.RunInfo info = runs.get(0);
        assertEquals("My LeNet", info.name());
        assertEquals("Adam · lr 1.0e-03 · batch 32 · 2 of 5 epochs", info.settingsText());
        assertEquals("best 91.2 %", info.bestText());

        Files.writeString(run.resolve(RunFolder.CONFIG), "{ not json");
        RunCatalog.RunInfo unreadable = RunCatalog.read(run);
        assertEquals("2 epochs", unreadable.settingsText(), "without config.json: what history.json says");
    }

    @Test
    void theOfflineDownloadErrorIsOneSentenceWithARemedyAndTheDetailsFolded() {
        // the engine's message (engine.data.BuiltinDatasets.offlineMessage), written for the command line too
        String engine = "Cannot download Fashion-MNIST: the download server djl-ai.s3.amazonaws.com cannot be reached. "
                + "Without internet, use the bundled sample (mnist-sample), or import the data set from files: idx:DIR "
                + "for a folder of MNIST-format IDX files (e.g. the four *-ubyte.gz files of Fashion-MNIST copied from "
                + "another computer), or folder:DIR for a folder with one sub-folder of images per class. (If "
                + "Fashion-MNIST was downloaded before, DJL keeps it in its cache: set DJL_OFFLINE=true to use that copy.)";
        ErrorSummary e = ErrorSummary.ofDataError(engine);
        assertEquals("Fashion-MNIST cannot be downloaded now (no internet?): choose \"MNIST sample (bundled)\" to "
                + "train offline, or \"IDX folder (MNIST format)\" with its files copied from another computer.",
                e.headline());
        assertFalse(e.headline().contains("idx:"), "no command-line syntax on the page");
        assertEquals(engine, e.details());

        ErrorSummary other = ErrorSummary.ofDataError("The folder /x/y has no IDX files. Copy the four files there.");
        assertEquals("The folder /x/y has no IDX files.", other.headline());
        assertEquals("The folder /x/y has no IDX files. Copy the four files there.", other.details());
        assertEquals(new ErrorSummary("Unknown data set 'z'", ""), ErrorSummary.ofDataError("Unknown data set 'z'"));
        assertEquals(ErrorSummary.NONE, ErrorSummary.ofDataError(""));
        String idx = "The folder /tmp/some/where/with/a/long/name is not a complete MNIST-format data set: the files "
                + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte are missing. More.";
        assertEquals("The folder /tmp/some/where/with/a/long/name is not a complete MNIST-format data set.",
                ErrorSummary.ofDataError(idx).headline(), "a long first sentence: its list goes to Details");
    }
}
