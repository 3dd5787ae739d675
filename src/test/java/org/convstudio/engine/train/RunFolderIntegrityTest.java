package org.convstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.store.CheckpointWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Run-folder guarantees on the real engine: ownership, roll-forward after a kill, weights vs architecture. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunFolderIntegrityTest {

    @TempDir
    Path dir;

    private static Supplier<Block> mlp(int hidden) {
        return () -> new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(hidden).build())
                .add(Linear.builder().setUnits(10).build());
    }

    private static final Shape IN = new Shape(1, 28, 28);

    private static TrainingSession.Builder fresh(Path run, int hidden, int epochs) {
        TrainingConfig c = TrainingConfig.builder().setOptimizer(OptimizerKind.ADAM, 1e-3).setBatchSize(32)
                .setEpochs(epochs).optSeed(5).build();
        return TrainingSession.builder().setNetwork(mlp(hidden), IN, 10).setConfig(c)
                .optRunFolder(run, "{\"hidden\":" + hidden + "}").optThreads(TorchThreads.forHeadless());
    }

    @Test
    void aSecondSessionOnTheSameFolderIsRefusedUntilTheFirstCloses() throws Exception {
        Path run = dir.resolve("run");
        try (TrainingSession first = fresh(run, 16, 1).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> fresh(run, 16, 1).build());
            assertTrue(e.getMessage().contains("is in use by process " + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(first.state() == RunState.READY);
        }
        try (TrainingSession again = fresh(run, 16, 1).build()) {
            assertEquals(RunState.READY, again.state());
        }
    }

    @Test
    void aKillBetweenTheRenamesIsRolledForwardOnOpen() throws Exception {
        ImageSet train = TestData.squares(64, 1);
        Path run = dir.resolve("run");
        try (TrainingSession s = fresh(run, 16, 2).build()) {
            s.runFolder().optStepHook(step -> {
                if (step.equals("move " + RunFolder.OPTIMIZER) && s.epochsCompleted() == 2) {
                    throw new CheckpointWriterKill(step); // weights of epoch 2 in place, the rest still staged
                }
            });
            assertEquals(RunState.FAILED, s.start(train, null).get());
        }
        try (Stream<Path> files = Files.list(run)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith(CheckpointWriter.STAGING_PREFIX)));
        }
        assertEquals(1, new RunFolder(run).readCheckpointInfo().epochsCompleted(), "the kill left epoch 1's record");
        try (TrainingSession s = TrainingSession.fromRunFolder(run, mlp(16), IN, 10)
                .optThreads(TorchThreads.forHeadless()).build()) {
            assertEquals(2, s.epochsCompleted(), "the sealed epoch 2 was rolled forward");
            assertEquals(2, s.history().size());
            assertEquals(RunState.FINISHED, s.continueTraining(1, train, null).get());
        }
        try (Stream<Path> files = Files.list(run)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(CheckpointWriter.STAGING_PREFIX)));
        }
    }

    /** Stops the checkpoint like a kill: an Error no catch in the writer handles. */
    static final class CheckpointWriterKill extends Error {
        CheckpointWriterKill(String step) {
            super("killed before " + step, null, false, false);
        }
    }

    @Test
    void weightsThatDoNotFitTheArchitectureAreRefused() throws Exception {
        Path run = dir.resolve("run");
        try (TrainingSession s = fresh(run, 16, 1).build()) {
            assertEquals(RunState.FINISHED, s.start(TestData.squares(32, 1), null).get());
        }
        // a folder from before fingerprints were recorded, whose network was then edited (16 → 32 units)
        Path ck = run.resolve(RunFolder.CHECKPOINT);
        Files.writeString(ck, Files.readString(ck).replaceAll("\"architectureSha256\"\\s*:\\s*\"[0-9a-f]+\"",
                "\"architectureSha256\":\"\""));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TrainingSession.fromRunFolder(run, mlp(32), IN, 10).optThreads(TorchThreads.forHeadless()).build());
        assertTrue(e.getMessage().contains("weights.params does not fit architecture.json")
                || e.getMessage().contains("cannot be read into the network"), e.getMessage());
        assertTrue(e.getMessage().contains("new run"), e.getMessage());
    }

    @Test
    void unknownValuesInConfigNameTheFileAndThePath() throws Exception {
        Path run = dir.resolve("run");
        try (TrainingSession s = fresh(run, 16, 1).build()) {
            assertEquals(RunState.READY, s.state());
        }
        Path cfg = run.resolve(RunFolder.CONFIG);
        String good = Files.readString(cfg);
        Files.writeString(cfg, good.replace("\"ADAM\"", "\"ADAGRAD\""));
        String m = assertThrows(java.io.IOException.class, () -> new RunFolder(run).readConfig()).getMessage();
        assertTrue(m.contains("config.json") && m.contains("$.optimizer") && m.contains("\"ADAGRAD\"")
                && m.contains("expected one of") && m.contains("RMSPROP"), m);
        Files.writeString(cfg, good.replaceFirst("\"batchSize\"\\s*:\\s*32", "\"batchSize\" : \"big\""));
        m = assertThrows(java.io.IOException.class, () -> new RunFolder(run).readConfig()).getMessage();
        assertTrue(m.contains("config.json") && m.contains("$.batchSize"), m);
        Files.writeString(cfg, good.replaceFirst("\"batchSize\"\\s*:\\s*32", "\"batchSize\" : -3"));
        m = assertThrows(java.io.IOException.class, () -> new RunFolder(run).readConfig()).getMessage();
        assertTrue(m.contains("config.json") && m.contains("batch size"), m);
    }

    @Test
    void aFullDiskWhileSavingIsASentenceAndThePreviousEpochStaysResumable() throws Exception {
        ImageSet train = TestData.squares(64, 1);
        Path run = dir.resolve("run");
        try (TrainingSession s = fresh(run, 16, 3).build()) {
            s.runFolder().optStepHook(step -> {
                if (step.equals("stage " + RunFolder.OPTIMIZER) && s.epochsCompleted() == 2) {
                    throw new java.nio.file.FileSystemException(run.resolve(".save-1/optimizer.ndlist").toString(), null,
                            "No space left on device");
                }
            });
            assertEquals(RunState.FAILED, s.start(train, null).get());
            String m = s.lastSnapshot().message();
            assertEquals("The disk is full: epoch 2 could not be saved in " + run + "; epoch 1 is intact. "
                    + "Free some space, then continue the run from epoch 1.", m);
        }
        org.convstudio.engine.store.RunIntegrity.check(run, true);
        try (TrainingSession s = TrainingSession.fromRunFolder(run, mlp(16), IN, 10)
                .optThreads(TorchThreads.forHeadless()).build()) {
            assertEquals(1, s.epochsCompleted());
        }
        try (Stream<Path> files = Files.list(run)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(CheckpointWriter.STAGING_PREFIX)));
        }
    }

    @Test
    void anOutOfMemoryErrorIsASentenceAndTheLastEpochIsKept() throws Exception {
        ImageSet train = TestData.squares(64, 1);
        Path run = dir.resolve("run");
        try (TrainingSession s = fresh(run, 16, 3).build()) {
            s.runFolder().optStepHook(step -> {
                if (step.equals("stage " + RunFolder.OPTIMIZER) && s.epochsCompleted() == 2) {
                    throw new OutOfMemoryError("Java heap space"); // injected: where a real one would strike
                }
            });
            assertEquals(RunState.FAILED, s.start(train, null).get());
            String m = s.lastSnapshot().message();
            assertTrue(m.startsWith("Java ran out of memory (its limit is ") && m.contains("during epoch 2: the run stopped; "
                    + "epoch 1 is kept in " + run) && m.contains("smaller batch"), m);
        }
        try (TrainingSession s = TrainingSession.fromRunFolder(run, mlp(16), IN, 10)
                .optThreads(TorchThreads.forHeadless()).build()) {
            assertEquals(1, s.epochsCompleted());
        }
    }
}
