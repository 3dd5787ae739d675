package org.convstudio.engine.train;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import org.convstudio.engine.build.NetworkBlock;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetLoader;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.model.graph.Network;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training the blocks the app really builds: a preset through NetworkBlock, and batch norm + dropout. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NetworkBlockTrainingTest {

    @Test
    void lenetPresetLearnsTheBundledMnistSample() throws Exception {
        DataSplit mnist = DatasetLoader.load("mnist-sample");
        Network net = Presets.get("lenet");
        NetworkBlock probe = NetworkBlock.of(net);
        Shape chw = probe.inputShape(1).slice(1);
        TrainingConfig config = TrainingConfig.builder().setOptimizer(OptimizerKind.ADAM, 2e-3).setBatchSize(64)
                .setEpochs(2).build();
        try (TrainingSession s = TrainingSession.builder()
                .setNetwork(() -> NetworkBlock.of(net), chw, probe.classCount())
                .setConfig(config).optThreads(TorchThreads.forHeadless()).build()) {
            assertEquals(RunState.FINISHED, s.start(mnist.train(), mnist.test()).get());
            EpochRecord last = s.history().get(1);
            assertTrue(last.validationAccuracy() > 0.8, s.history().toString());
        }
    }

    private static SequentialBlock withBatchNorm() {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(8).build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Dropout.builder().optRate(0.2f).build())
                .add(Linear.builder().setUnits(10).build());
    }

    @Test
    void batchNormStatisticsAreCheckpointedAndRestored(@TempDir Path dir) throws Exception {
        ImageSet train = TestData.squares(200, 31);
        ImageSet val = TestData.squares(60, 32);
        TrainingConfig config = TrainingConfig.builder().setOptimizer(OptimizerKind.SGD, 0.05)
                .optMomentum(0.9, false).setBatchSize(20).setEpochs(3).build();
        float[] expected;
        try (TrainingSession s = TrainingSession.builder()
                .setNetwork(NetworkBlockTrainingTest::withBatchNorm, new Shape(1, 28, 28), 10)
                .setConfig(config).optRunFolder(dir, "bn").optThreads(TorchThreads.forHeadless()).build()) {
            assertEquals(RunState.FINISHED, s.start(train, val).get());
            assertTrue(s.history().get(2).validationAccuracy() > 0.6, s.history().toString());
            expected = s.logits(val.pixels(), val.size()).get();
            // divergence restores the running statistics too: predictions unchanged afterwards
            assertEquals(RunState.DIVERGED, s.continueTraining(1, TestData.withNaNImage(train, 0), null).get());
            assertArrayEquals(expected, s.logits(val.pixels(), val.size()).get(), 0f);
        }
        try (TrainingSession s = TrainingSession.fromRunFolder(dir, NetworkBlockTrainingTest::withBatchNorm,
                new Shape(1, 28, 28), 10).optThreads(TorchThreads.forHeadless()).build()) {
            assertArrayEquals(expected, s.logits(val.pixels(), val.size()).get(), 1e-6f);
        }
    }
}
