package org.convstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.convstudio.engine.bench.BenchNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session that fails while it is being built (continuing a damaged run, or a run of another network)
 * leaves nothing behind: no open model, no training or listener thread. Counts, no sleeps: close and the
 * failed build wait for their threads to end.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FailedBuildReleasesTest {

    static long liveThreads(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals(name)).count();
    }

    private static Path savedRun(Path dir) throws Exception {
        Path run = dir.resolve("run");
        TrainingConfig config = TrainingConfig.builder().setOptimizer(OptimizerKind.ADAM, 1e-3).setBatchSize(32)
                .setEpochs(1).build();
        try (TrainingSession s = Sessions.lenet(config).optRunFolder(run, "{}").build()) {
            assertEquals(RunState.FINISHED, s.start(TestData.squares(64, 1), null).get());
        }
        return run;
    }

    private static void assertReleasedAfterFailedBuild(TrainingSession.Builder builder) {
        int models = SessionModel.openCount();
        long workers = liveThreads(TrainingSession.WORKER_THREAD);
        long events = liveThreads(TrainingSession.EVENTS_THREAD);
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertTrue(e.getMessage().startsWith("could not build the model"), e.getMessage());
        assertEquals(models, SessionModel.openCount(), "the model of the failed build is closed");
        assertEquals(workers, liveThreads(TrainingSession.WORKER_THREAD), "its training thread has ended");
        assertEquals(events, liveThreads(TrainingSession.EVENTS_THREAD), "its listener thread has ended");
    }

    @Test
    void continuingADamagedRunReleasesEverything(@TempDir Path dir) throws Exception {
        Path run = savedRun(dir);
        byte[] weights = Files.readAllBytes(run.resolve(RunFolder.WEIGHTS));
        Files.write(run.resolve(RunFolder.WEIGHTS), java.util.Arrays.copyOf(weights, weights.length / 2));
        assertReleasedAfterFailedBuild(TrainingSession.fromRunFolder(run, BenchNetworks::lenet, new Shape(1, 28, 28), 10)
                .optThreads(org.convstudio.engine.device.TorchThreads.forHeadless()));
    }

    @Test
    void continuingWithAnotherNetworkReleasesTheLoadedModel(@TempDir Path dir) throws Exception {
        Path run = savedRun(dir);
        java.util.function.Supplier<Block> other = () -> new SequentialBlock()
                .add(ai.djl.nn.Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(10).build());
        assertReleasedAfterFailedBuild(TrainingSession.fromRunFolder(run, other, new Shape(1, 28, 28), 10)
                .optThreads(org.convstudio.engine.device.TorchThreads.forHeadless()));
    }

    @Test
    void closingASessionEndsItsThreads() throws Exception {
        long workers = liveThreads(TrainingSession.WORKER_THREAD);
        int models = SessionModel.openCount();
        TrainingSession s = Sessions.lenet(TrainingConfig.builder().setEpochs(1).build()).build();
        assertEquals(workers + 1, liveThreads(TrainingSession.WORKER_THREAD));
        assertEquals(models + 1, SessionModel.openCount());
        s.close();
        assertEquals(workers, liveThreads(TrainingSession.WORKER_THREAD));
        assertEquals(models, SessionModel.openCount());
        assertEquals(RunState.CLOSED, s.state());
    }
}
