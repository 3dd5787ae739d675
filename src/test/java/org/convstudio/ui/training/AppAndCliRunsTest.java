package org.convstudio.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.convstudio.cli.ConvStudioCli;
import org.convstudio.engine.run.InputScaling;
import org.convstudio.engine.run.NamedOptimizer;
import org.convstudio.engine.run.NamedSchedule;
import org.convstudio.engine.run.RunReader;
import org.convstudio.engine.run.TrainingJob;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same settings through the app's view-model (real engine, no toolkit) and through
 * {@code convstudio train}: the same losses and the same run folder, byte for byte where no clock is
 * involved. Then the CLI's run continued the app's way keeps its input scaling.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class AppAndCliRunsTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Written by the clock, not by training. */
    private static final Set<String> TIMED_HISTORY_FIELDS = Set.of("seconds", "imagesPerSecond");

    @AfterEach
    void unlimit() {
        System.clearProperty(TrainingViewModel.LIMIT_PROPERTY);
    }

    @Test
    void appAndCommandLineWriteTheSameRun() throws Exception {
        // the app: the form's settings, on the bundled sample cut to 256 + 64 images
        System.setProperty(TrainingViewModel.LIMIT_PROPERTY, "256");
        QueueExecutor executor = new QueueExecutor();
        TrainingViewModel vm = new TrainingViewModel(executor);
        vm.setCatalog(new RunCatalog(dir.resolve("app-runs")));
        vm.analysisProperty().set(NetworkAnalyzer.analyze(Presets.get("lenet")));
        TrainingConfig form = new FormSettings(NamedOptimizer.SGD, "0.02", NamedSchedule.STEP_HALF_EVERY_2_EPOCHS, 32, 3,
                "7", DeviceOption.CPU, false).toConfig();
        vm.configProperty().set(form.toBuilder().optIntraOpThreads(1).build()); // the CLI's --threads 1
        vm.loadDefaultData();
        executor.runUntil(() -> vm.dataProperty().get() != null && !vm.dataLoadingProperty().get(), 60);
        vm.train();
        executor.runUntil(() -> vm.getState().isTerminal(), 180);
        assertEquals(RunState.FINISHED, vm.getState(), vm.snapshotProperty().get().message());
        Path app = ((EngineRun) vm.currentRun()).request().folder();

        // the command line, the same settings by their names
        Path cli = dir.resolve("cli-run");
        int code = ConvStudioCli.run("train", "lenet", "--data", "mnist-sample", "--limit", "256", "--optimizer", "sgd",
                "--lr", "0.02", "--schedule", "step", "--batch", "32", "--epochs", "3", "--seed", "7", "--threads", "1",
                "--json", "--out", cli.toString());
        assertEquals(0, code);

        assertEquals(files(app), files(cli));
        assertTrue(files(cli).containsAll(List.of(RunFolder.ARCHITECTURE, RunFolder.CONFIG, InputScaling.FILE,
                RunFolder.WEIGHTS, RunFolder.OPTIMIZER, RunFolder.HISTORY, RunFolder.CHECKPOINT)), files(cli).toString());
        // the same network; only the editor positions differ (the app's preset is laid out by ELK, the
        // command line keeps the preset's plain column and never loads the layout engine)
        assertEquals(withoutPositions(JSON.readTree(app.resolve(RunFolder.ARCHITECTURE).toFile())),
                withoutPositions(JSON.readTree(cli.resolve(RunFolder.ARCHITECTURE).toFile())), RunFolder.ARCHITECTURE);
        for (String same : List.of(RunFolder.CONFIG, InputScaling.FILE, RunFolder.WEIGHTS, RunFolder.OPTIMIZER)) {
            assertArrayEquals(Files.readAllBytes(app.resolve(same)), Files.readAllBytes(cli.resolve(same)), same);
        }
        JsonNode appHistory = JSON.readTree(app.resolve(RunFolder.HISTORY).toFile());
        JsonNode cliHistory = JSON.readTree(cli.resolve(RunFolder.HISTORY).toFile());
        assertEquals(3, appHistory.size());
        for (JsonNode h : List.of(appHistory, cliHistory)) {
            h.forEach(epoch -> TIMED_HISTORY_FIELDS.forEach(((com.fasterxml.jackson.databind.node.ObjectNode) epoch)::remove));
        }
        assertEquals(appHistory, cliHistory, "identical losses, accuracies and learning rates");
        assertEquals(0.01, appHistory.get(2).get("learningRate").asDouble(), 1e-9, "step: ×0.5 after 2 epochs");
        JsonNode appCheckpoint = JSON.readTree(app.resolve(RunFolder.CHECKPOINT).toFile());
        JsonNode cliCheckpoint = JSON.readTree(cli.resolve(RunFolder.CHECKPOINT).toFile());
        assertTrue(cliCheckpoint.has("weightsCrc32") && cliCheckpoint.has("architectureSha256"), cliCheckpoint.toString());
        // history.json holds timings and architecture.json the editor positions: their checksums differ
        for (JsonNode c : List.of(appCheckpoint, cliCheckpoint)) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove(List.of("savedAt", "historyCrc32", "architectureSha256"));
        }
        assertEquals(appCheckpoint, cliCheckpoint);

        // the CLI's run, reopened the way the app continues it, feeds the same scaled input
        RunReader.SavedRun saved = RunReader.read(cli);
        assertEquals(InputScaling.read(app), saved.scaling());
        try (TrainingJob job = TrainingJob.resume(cli).setData(vm.dataProperty().get().split()).build()) {
            assertEquals(saved.scaling().orElseThrow(), job.scaling());
            assertArrayEquals(saved.scaling().orElseThrow().apply(vm.dataProperty().get().split().train()).pixels(),
                    job.data().train().pixels());
        }
    }

    private static Set<String> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static JsonNode withoutPositions(JsonNode design) {
        JsonNode copy = design.deepCopy();
        for (JsonNode node : copy.path("nodes")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove(List.of("x", "y"));
        }
        return copy;
    }
}
