package org.convstudio.engine.run;
import org.convstudio.engine.explain.RunSetupException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetSpec;
import org.convstudio.engine.train.EpochRecord;
import org.convstudio.engine.train.OptimizerKind;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.engine.train.RunState;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.engine.train.TrainingSession;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.layer.Input;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The one run pipeline: checks before the engine loads, the step hook, run folder names. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TrainingJobTest {

    static DataSplit data;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        data = RunData.load(DatasetSpec.mnistSample(), null, new RunData.Limit(96, 32));
    }

    private static TrainingConfig config() {
        return TrainingConfig.builder().setOptimizer(OptimizerKind.ADAM, 1e-3).setBatchSize(32).setEpochs(1).optSeed(5)
                .optIntraOpThreads(1).build();
    }

    @Test
    void badSetupsAreRefusedBeforeTheEngineLoadsWithASentence() throws Exception {
        var lenet = Presets.get("lenet");
        RunSetupException rgb = assertThrows(RunSetupException.class, () -> TrainingJob.builder()
                .setDesign(lenet.withLayer("input", new Input(3, 32, 32))).setData(data).setConfig(config()).validate());
        assertEquals("The data set has 1×28×28 images but the network expects 3×32×32. Resize to 32×32 and convert to RGB?",
                rgb.getMessage());
        String lastDense = lenet.nodes().stream().filter(n -> n.layer() instanceof Dense).reduce((a, b) -> b)
                .orElseThrow().id();
        RunSetupException classes = assertThrows(RunSetupException.class, () -> TrainingJob.builder()
                .setDesign(lenet.withLayer(lastDense, Dense.of(4))).setData(data).setConfig(config()).validate());
        assertTrue(classes.getMessage().startsWith("The data set has 10 classes but the network's last layer has 4 outputs"),
                classes.getMessage());
        Path taken = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(taken.resolve(RunFolder.CHECKPOINT), "{}");
        Files.writeString(taken.resolve(RunFolder.WEIGHTS), "");
        RunSetupException folder = assertThrows(RunSetupException.class, () -> TrainingJob.builder().setDesign(lenet)
                .setData(data).setConfig(config()).optRunFolder(taken).validate());
        assertTrue(folder.getMessage().contains("already holds a run"), folder.getMessage());
        RunSetupException none = assertThrows(RunSetupException.class, () -> TrainingJob.resume(dir.resolve("nothing")));
        assertTrue(none.getMessage().startsWith("There is no run in "), none.getMessage());
    }

    @Test
    void newRunFoldersAreNamedAndNumberedTheSameWayEverywhere() throws Exception {
        Path first = RunLocation.newRunFolder(dir, "LeNet 5 (1998)");
        assertTrue(first.getFileName().toString().matches("\\d{8}-\\d{6}-LeNet-5-1998"), first.toString());
        Files.createDirectories(first);
        Path second = RunLocation.newRunFolder(dir, "LeNet 5 (1998)");
        // the same second: numbered (a new second: a new stamp)
        assertTrue(second.getFileName().toString().equals(first.getFileName() + "-2")
                || !second.getFileName().toString().startsWith(first.getFileName().toString()), second.toString());
        assertEquals("network", RunLocation.safeName("  "));
    }

    @Test
    void theStepHookSeesEveryStepOnTheTrainingThreadAndChangesNothing() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        double[] withHook;
        try (TrainingJob job = TrainingJob.builder().setDesign(Presets.get("lenet")).setData(data).setConfig(config())
                .optRunsRoot(dir).optStepHook((block, step) -> {
                    Pair<String, Parameter> first = block.getParameters().get(0);
                    float probe = first.getValue().getArray().sum().getFloat(); // a live read of the weights
                    seen.add(Thread.currentThread().getName() + ":" + step + ":" + Float.isFinite(probe));
                }).build()) {
            assertEquals(RunState.FINISHED, job.start().get());
            withHook = losses(job.session().history());
            assertTrue(job.folder().startsWith(dir), job.folder().toString());
        }
        assertEquals(List.of(TrainingSession.WORKER_THREAD + ":1:true", TrainingSession.WORKER_THREAD + ":2:true",
                TrainingSession.WORKER_THREAD + ":3:true"), seen);
        try (TrainingJob job = TrainingJob.builder().setDesign(Presets.get("lenet")).setData(data).setConfig(config())
                .optRunsRoot(dir).build()) {
            job.start().get();
            assertEquals(java.util.Arrays.toString(withHook), java.util.Arrays.toString(losses(job.session().history())));
        }
    }

    private static double[] losses(List<EpochRecord> h) {
        return h.stream().flatMapToDouble(r -> java.util.stream.DoubleStream.of(r.trainLoss(), r.validationLoss(),
                r.validationAccuracy())).toArray();
    }
}
