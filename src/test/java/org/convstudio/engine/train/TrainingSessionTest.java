package org.convstudio.engine.train;

import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.device.DeviceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TrainingSessionTest {

    private static TrainingConfig.Builder adam(double lr) {
        return TrainingConfig.builder().setOptimizer(OptimizerKind.ADAM, lr).optSeed(11);
    }

    @Test
    void overfitsSixtyFourNoiseImagesToFullAccuracy() throws Exception {
        ImageSet data = TestData.noise(64, 1);
        TrainingConfig config = adam(3e-3).setBatchSize(64).setEpochs(150).build();
        try (TrainingSession s = Sessions.lenet(config).build()) {
            float[] before = s.logits(data.pixels(), data.size()).get();
            assertTrue(TestData.argmaxCorrect(before, data.labels(), 10) < 32, "untrained net already fits noise?");
            assertEquals(RunState.FINISHED, s.start(data, null).get());
            float[] logits = s.logits(data.pixels(), data.size()).get();
            assertEquals(64, TestData.argmaxCorrect(logits, data.labels(), 10));
            List<EpochRecord> h = s.history();
            assertEquals(150, h.size());
            assertEquals(1.0, h.get(h.size() - 1).trainAccuracy(), 1e-9);
            assertTrue(h.get(h.size() - 1).trainLoss() < h.get(0).trainLoss() / 10);
        }
    }

    @Test
    void checkpointReloadsToIdenticalPredictionsAndContinues(@TempDir Path dir) throws Exception {
        ImageSet train = TestData.squares(300, 2);
        ImageSet val = TestData.squares(100, 3);
        Path run = dir.resolve("run1");
        TrainingConfig config = adam(2e-3).setBatchSize(32).setEpochs(2)
                .optSchedule(LrSchedule.cosine(0.1).withWarmup(5)).optWeightDecay(1e-4).build();
        float[] expected;
        long steps;
        try (TrainingSession s = Sessions.lenet(config).optRunFolder(run, "{\"net\":\"lenet\"}").build()) {
            assertEquals(RunState.FINISHED, s.start(train, val).get());
            expected = s.logits(val.pixels(), val.size()).get();
            steps = s.steps();
            assertEquals(2 * 10, steps);
        }
        RunFolder folder = new RunFolder(run);
        assertTrue(folder.hasCheckpoint());
        assertEquals("{\"net\":\"lenet\"}", folder.readArchitecture());
        assertEquals(config, folder.readConfig());
        assertEquals(2, folder.readHistory().size());
        assertEquals(2, folder.readCheckpointInfo().epochsCompleted());
        try (Stream files = new Stream(run)) {
            assertTrue(files.names.stream().noneMatch(n -> n.endsWith(".tmp") || n.startsWith(".save")), files.names.toString());
        }
        try (TrainingSession s = TrainingSession.fromRunFolder(run, org.convstudio.engine.bench.BenchNetworks::lenet,
                new ai.djl.ndarray.types.Shape(1, 28, 28), 10).build()) {
            float[] actual = s.logits(val.pixels(), val.size()).get();
            assertArrayEquals(expected, actual, 1e-6f);
            assertEquals(steps, s.steps());
            assertEquals(2, s.history().size());
            assertEquals(2, s.epochsCompleted());
            assertEquals(RunState.FINISHED, s.continueTraining(1, train, val).get());
            assertEquals(3, s.epochsCompleted());
            assertEquals(steps + 10, s.steps());
            assertEquals(3, folder.readHistory().size());
            assertTrue(s.history().get(2).validationAccuracy() > 0.5, s.history().toString());
        }
    }

    /** File names in a folder. */
    private static final class Stream implements AutoCloseable {
        final List<String> names;

        Stream(Path dir) throws java.io.IOException {
            try (java.util.stream.Stream<Path> list = Files.list(dir)) {
                names = list.map(p -> p.getFileName().toString()).toList();
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void nanLossStopsWithMessageAndRestoresLastGoodWeights() throws Exception {
        ImageSet clean = TestData.squares(256, 4);
        ImageSet poisoned = TestData.withNaNImage(clean, 100);
        TrainingConfig config = adam(1e-3).setBatchSize(32).setEpochs(1).optShuffle(false).build();
        List<TrainingSnapshot> states = new CopyOnWriteArrayList<>();
        try (TrainingSession s = Sessions.lenet(config).optListener(new TrainingAdapter() {
            @Override
            public void onStateChanged(TrainingSnapshot snapshot) {
                states.add(snapshot);
            }
        }).build()) {
            assertEquals(RunState.FINISHED, s.start(clean, null).get());
            float[] good = s.logits(clean.pixels(), clean.size()).get();
            long goodSteps = s.steps();

            assertEquals(RunState.DIVERGED, s.continueTraining(1, poisoned, null).get());
            String message = s.lastSnapshot().message();
            // image 100 without shuffling is in batch 4 (images 96..127) of epoch 2
            assertTrue(message.startsWith("loss became NaN at epoch 2 batch 4 — lower the learning rate"), message);
            float[] restored = s.logits(clean.pixels(), clean.size()).get();
            assertArrayEquals(good, restored, 0f);
            assertEquals(goodSteps, s.steps());
            assertEquals(1, s.epochsCompleted());

            // the restored model still trains
            assertEquals(RunState.FINISHED, s.continueTraining(1, clean, null).get());
            assertTrue(Double.isFinite(s.history().get(1).trainLoss()));
        }
        assertTrue(states.stream().anyMatch(x -> x.state() == RunState.DIVERGED && x.message().contains("NaN")));
    }

    @Test
    void hugeLearningRateDiverges() throws Exception {
        ImageSet data = TestData.squares(256, 5);
        TrainingConfig config = TrainingConfig.builder().setOptimizer(OptimizerKind.SGD, 1e6).setBatchSize(32)
                .setEpochs(3).build();
        try (TrainingSession s = Sessions.lenet(config).build()) {
            assertEquals(RunState.DIVERGED, s.start(data, null).get());
            assertTrue(s.lastSnapshot().message().matches(
                    "loss became (NaN|infinite) at epoch \\d+ batch \\d+ — lower the learning rate.*"),
                    s.lastSnapshot().message());
            float[] logits = s.logits(data.pixels(), 8).get();
            for (float v : logits) {
                assertTrue(Float.isFinite(v));
            }
        }
    }

    @Test
    void pauseHoldsTheStepResumeContinuesStopKeepsModelUsable() throws Exception {
        ImageSet data = TestData.squares(2000, 6);
        TrainingConfig config = adam(1e-3).setBatchSize(16).setEpochs(100).build();
        try (TrainingSession s = Sessions.lenet(config).build()) {
            var run = s.start(data, null);
            waitUntil(() -> s.steps() >= 5);
            s.pause();
            waitUntil(() -> s.state() == RunState.PAUSED);
            long held = s.steps();
            Thread.sleep(300);
            assertEquals(held, s.steps(), "steps advanced while paused");
            assertEquals(RunState.PAUSED, s.state());
            assertEquals(held, s.lastSnapshot().step());
            s.resume();
            waitUntil(() -> s.steps() > held + 3);
            assertEquals(RunState.RUNNING, s.state());
            s.stop();
            assertEquals(RunState.STOPPED, run.get(30, TimeUnit.SECONDS));
            assertTrue(s.epochsCompleted() < 100);
            long stoppedAt = s.steps();
            float[] logits = s.logits(data.pixels(), 10).get();
            assertEquals(100, logits.length);
            for (float v : logits) {
                assertTrue(Float.isFinite(v));
            }
            // continue: from the same step count, for one more epoch
            ImageSet small = data.subset("small", java.util.stream.IntStream.range(0, 64).toArray());
            assertEquals(RunState.FINISHED, s.continueTraining(1, small, null).get());
            assertEquals(stoppedAt + 4, s.steps());
        }
    }

    @Test
    void liveNDArrayCountDoesNotGrowAcrossEpochs() throws Exception {
        ImageSet train = TestData.squares(200, 7);
        ImageSet val = TestData.squares(50, 8);
        TrainingConfig config = adam(1e-3).setBatchSize(32).setEpochs(1).build();
        try (TrainingSession s = Sessions.lenet(config).build()) {
            int initial = s.liveArrayCount().get();
            s.start(train, val).get();
            int afterOne = s.liveArrayCount().get();
            assertEquals(RunState.FINISHED, s.continueTraining(4, train, val).get());
            int afterFive = s.liveArrayCount().get();
            assertEquals(afterOne, afterFive, "NDArrays leaked across epochs");
            // the only arrays added by training are the in-memory last-good copies
            assertTrue(afterOne <= 2 * initial, initial + " -> " + afterOne);
        }
    }

    @Test
    void sameSeedGivesSameLossesDifferentSeedDoesNot() throws Exception {
        ImageSet data = TestData.squares(200, 9);
        double[] a = firstEpochLosses(data, 5);
        double[] b = firstEpochLosses(data, 5);
        double[] c = firstEpochLosses(data, 6);
        assertArrayEquals(a, b, 0.0);
        assertNotEquals(a[0], c[0]);
    }

    private static double[] firstEpochLosses(ImageSet data, long seed) throws Exception {
        TrainingConfig config = TrainingConfig.builder().setOptimizer(OptimizerKind.SGD, 0.05)
                .optMomentum(0.9, true).setBatchSize(20).setEpochs(2).optSeed(seed).build();
        try (TrainingSession s = Sessions.lenet(config).build()) {
            s.start(data, data).get();
            List<EpochRecord> h = s.history();
            return new double[] {h.get(0).trainLoss(), h.get(0).validationLoss(), h.get(1).trainLoss()};
        }
    }

    @Test
    void requestedGpuFallsBackToCpuWithAVisibleMessage() throws Exception {
        ImageSet data = TestData.squares(64, 10);
        TrainingConfig config = adam(1e-3).setBatchSize(32).setEpochs(1).optDevice(DeviceRequest.gpu(0)).build();
        List<TrainingSnapshot> states = new CopyOnWriteArrayList<>();
        try (TrainingSession s = Sessions.lenet(config).optListener(new TrainingAdapter() {
            @Override
            public void onStateChanged(TrainingSnapshot snapshot) {
                states.add(snapshot);
            }
        }).build()) {
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    org.convstudio.engine.device.Devices.gpuCount() == 0, "this machine has a GPU");
            assertTrue(s.device().fellBack());
            assertFalse(s.device().device().isGpu());
            assertTrue(s.device().notice().contains("GPU 0 was requested"), s.device().notice());
            assertTrue(s.device().notice().contains("CPU"), s.device().notice());
            assertEquals(RunState.FINISHED, s.start(data, null).get());
            assertEquals("cpu", s.lastSnapshot().device());
        }
        assertTrue(states.stream().anyMatch(x -> x.message().contains("GPU 0 was requested")), states.toString());
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 60 s");
            }
            Thread.sleep(5);
        }
    }
}
