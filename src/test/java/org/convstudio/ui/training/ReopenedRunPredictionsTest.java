package org.convstudio.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.train.EpochPredictions;
import org.convstudio.engine.train.EpochRecord;
import org.convstudio.engine.train.PredictionsFile;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.graph.Network;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a saved run in the Train view-model (no toolkit; the test thread is the UI thread) shows the
 * confusion matrix of the predictions its folder kept, and the sample strip when the loaded data set is the
 * run's validation set.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReopenedRunPredictionsTest {

    @TempDir
    Path dir;

    private final QueueExecutor executor = new QueueExecutor();
    private TrainingViewModel vm;

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
        executor.runPending();
    }

    @Test
    void openingASavedRunShowsItsConfusionMatrixAndWithItsDataItsSamples() throws Exception {
        vm.analysisProperty().set(NetworkAnalyzer.analyze(Presets.get("lenet")));
        vm.loadDefaultData();
        executor.runUntil(() -> vm.dataProperty().get() != null && !vm.dataLoadingProperty().get(), 30);
        ImageSet val = vm.dataProperty().get().split().test();
        int n = val.size();
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = i % 4 == 0 ? (val.labels()[i] + 1) % 10 : val.labels()[i]; // every fourth one wrong
        }
        Path run = saved("with-data", val.labels().clone(), predicted, val.classNames());

        vm.open(info(run));
        assertNull(vm.snapshotProperty().get().lastEpoch(), "read off the UI thread, shown when it arrives");
        executor.runPending();
        TrainingSnapshot.EpochResult e = vm.snapshotProperty().get().lastEpoch();
        assertNotNull(e);
        assertEquals(2, e.epoch());
        assertEquals(n, e.matrix().total());
        int wrong = (n + 3) / 4;
        assertEquals((n - wrong) / (double) n, e.matrix().accuracy(), 1e-12);
        for (int i = 0; i < n; i++) {
            assertEquals(1, Math.min(1, e.matrix().count(val.labels()[i], predicted[i])), "image " + i);
        }
        assertEquals(val.classNames(), e.classNames());
        assertSame(vm.dataProperty().get().samples(), e.samples());
        assertArrayEquals(e.samples().select(predicted), e.samplePredictions());
        assertEquals("Run " + run.getFileName(), vm.snapshotProperty().get().title());

        // another data set (other labels): the matrix still shows, without images
        int[] otherLabels = new int[n];
        Path other = saved("other-data", otherLabels, new int[n], List.of());
        vm.open(info(other));
        executor.runPending();
        e = vm.snapshotProperty().get().lastEpoch();
        assertNotNull(e);
        assertEquals(n, e.matrix().count(0, 0));
        assertEquals(0, e.samples().size());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), e.classNames());
    }

    @Test
    void aRunThatKeptNoPredictionsShowsItsCurvesOnly() throws Exception {
        Path run = dir.resolve("runs").resolve("old");
        Files.createDirectories(run);
        vm.open(info(run));
        executor.runPending();
        assertEquals("Run old", vm.snapshotProperty().get().title());
        assertNull(vm.snapshotProperty().get().lastEpoch());
    }

    private Path saved(String name, int[] labels, int[] predicted, List<String> names) throws Exception {
        Path run = dir.resolve("runs").resolve(name);
        Files.createDirectories(run);
        float[] probs = new float[labels.length * 10];
        for (int i = 0; i < labels.length; i++) {
            probs[i * 10 + predicted[i]] = 0.9f;
            probs[i * 10 + (predicted[i] + 1) % 10] = 0.1f;
        }
        EpochPredictions p = EpochPredictions.of(2, names, labels, predicted, probs, 10);
        try (OutputStream out = Files.newOutputStream(run.resolve(PredictionsFile.FILE))) {
            PredictionsFile.write(p, out);
        }
        return run;
    }

    private static RunCatalog.RunInfo info(Path run) {
        Network lenet = Presets.get("lenet");
        List<EpochRecord> history = List.of(new EpochRecord(1, 1.0, 0.5, 1.0, 0.5, 1e-3, 1, 100),
                new EpochRecord(2, 0.5, 0.7, 0.6, 0.75, 1e-3, 1, 100));
        return new RunCatalog.RunInfo(run, run.getFileName().toString(), Instant.now(), "", lenet, history, true);
    }
}
