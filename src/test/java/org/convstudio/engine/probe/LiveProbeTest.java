package org.convstudio.engine.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.DoubleStream;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetSpec;
import org.convstudio.engine.run.RunData;
import org.convstudio.engine.run.TrainingJob;
import org.convstudio.engine.train.EpochRecord;
import org.convstudio.engine.train.OptimizerKind;
import org.convstudio.engine.train.RunState;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.engine.train.TrainingSession;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The live probe sees every step's gradients and outputs, keeps to its rate, and never changes training. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LiveProbeTest {

    @TempDir
    Path dir;

    private static TrainingConfig config() {
        return TrainingConfig.builder().setOptimizer(OptimizerKind.ADAM, 1e-3).setBatchSize(32).setEpochs(2).optSeed(11)
                .optIntraOpThreads(1).build();
    }

    private static double[] losses(List<EpochRecord> h) {
        return h.stream().flatMapToDouble(r -> DoubleStream.of(r.trainLoss(), r.validationLoss(),
                r.validationAccuracy())).toArray();
    }

    @Test
    void probingEveryStepLeavesThePerEpochLossesBitForBitTheSame() throws Exception {
        DataSplit data = RunData.load(DatasetSpec.mnistSample(), null, new RunData.Limit(128, 64));
        float[] sample = ProbeTest.images(1, 784, 5);
        List<LiveProbe.Snapshot> seen = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        LiveProbe live = LiveProbe.everyStep(sample, s -> {
            seen.add(s);
            threads.add(Thread.currentThread().getName());
        });
        double[] probed;
        try (TrainingJob job = TrainingJob.builder().setDesign(Presets.get("lenet")).setData(data).setConfig(config())
                .optRunsRoot(dir).optStepHook(live).build()) {
            assertEquals(RunState.FINISHED, job.start().get());
            probed = losses(job.session().history());
        }
        double[] plain;
        try (TrainingJob job = TrainingJob.builder().setDesign(Presets.get("lenet")).setData(data).setConfig(config())
                .optRunsRoot(dir).build()) {
            assertEquals(RunState.FINISHED, job.start().get());
            plain = losses(job.session().history());
        }
        assertEquals(6, plain.length, "two epochs of train loss, validation loss and accuracy");
        assertEquals(Arrays.toString(plain), Arrays.toString(probed), "same seed: probes on and off train alike");

        assertNull(live.lastFailure());
        assertEquals(8, seen.size(), "2 epochs × 4 batches of 32, one round per step");
        assertEquals(8, live.rounds());
        assertTrue(threads.stream().allMatch(TrainingSession.WORKER_THREAD::equals), threads.toString());
        for (int i = 0; i < seen.size(); i++) {
            LiveProbe.Snapshot s = seen.get(i);
            assertEquals(i + 1, s.step());
            assertEquals(14, s.activations().ids().size(), "every lenet block's output");
            assertEquals(1, s.activations().logits().dim(0));
            for (LiveProbe.ParameterStats p : s.parameters()) {
                // read after backward, before the optimiser zeroes it: a real gradient
                assertNotNull(p.gradient(), p.node() + "." + p.name());
                assertTrue(p.gradient().rms() > 0, p.node() + "." + p.name() + " gradient " + p.gradient());
                // Adam's first steps move every weight by about the learning rate
                assertTrue(p.updateRatio() > 0 && p.updateRatio() < 1, p.node() + "." + p.name() + " " + p.updateRatio());
            }
        }
        assertEquals(61_706, seen.get(0).parameters().stream().mapToInt(p -> p.value().count()).sum(),
                "LeNet's published parameter count");
    }

    @Test
    void roundsKeepToTheRateByTheClockAndFreeTheirTemporaries() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        List<LiveProbe.Snapshot> seen = new ArrayList<>();
        LiveProbe live = new LiveProbe(ProbeTest.images(1, 784, 2), 4, seen::add, now::get); // every 250 ms at most
        List<Long> probedSteps = new ArrayList<>();
        try (InspectionModel lenet = InspectionModel.open(Presets.get("lenet"), 3)) {
            lenet.call((probe, g) -> {
                int before = probe.parent().getManagedArrays().size();
                for (long step = 1; step <= 10; step++) { // a step every 100 ms
                    live.beforeUpdate(probe.block(), step);
                    live.afterStep(probe.block(), step);
                    now.addAndGet(100_000_000L);
                }
                assertEquals(before, probe.parent().getManagedArrays().size(), "every temporary freed");
                return null;
            });
        }
        seen.forEach(s -> probedSteps.add(s.step()));
        assertEquals(List.of(1L, 4L, 7L, 10L), probedSteps, "at t = 0, 300, 600, 900 ms: never two within 250 ms");
        assertNull(live.lastFailure());
        // no training here: no gradient (or an all-zero one), weights unchanged between the two reads
        TensorStats grad = seen.get(0).parameters().get(0).gradient();
        assertTrue(grad == null || grad.rms() == 0, String.valueOf(grad));
        assertEquals(0.0, seen.get(0).parameters().get(0).updateRatio());
    }
}
