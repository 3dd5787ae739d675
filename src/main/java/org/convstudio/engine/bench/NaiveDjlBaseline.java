package org.convstudio.engine.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The "textbook" DJL loop, kept only as the benchmark's baseline: {@code Trainer} +
 * {@code EasyTrain.trainBatch} + {@code trainer.step()} with DJL's Adam, the basic training
 * listeners (accuracy evaluated and read back every batch), each batch created from a float[] with
 * {@code manager.create}, the loss read every batch, and libtorch's default thread counts. Same
 * network, batch, synthetic data and timing as {@link TrainThroughputBenchmark}.
 *
 * <p>Run in its own JVM (it leaves the thread counts at libtorch's defaults):
 * {@code NaiveDjlBaseline [--batch 128] [--iterations N] [--warmup W]}.
 */
public final class NaiveDjlBaseline {

    private NaiveDjlBaseline() {
    }

    public static void main(String[] args) {
        int batch = 128;
        int iterations = 200;
        int warmup = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--batch": batch = Integer.parseInt(args[++i]); break;
                case "--iterations": iterations = Integer.parseInt(args[++i]); break;
                case "--warmup": warmup = Integer.parseInt(args[++i]); break;
                case "--threads": i++; break; // deliberately ignored: the baseline keeps the defaults
                default: break;
            }
        }
        int pool = 8 * batch;
        int len = 28 * 28;
        Random rnd = new Random(7);
        float[] px = new float[pool * len];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rnd.nextGaussian();
        }
        float[] labels = new float[pool];
        for (int i = 0; i < pool; i++) {
            labels[i] = rnd.nextInt(10);
        }
        Engine.getEngine("PyTorch").setRandomSeed(1);
        try (Model model = Model.newInstance("naive", Device.cpu(), "PyTorch")) {
            model.setBlock(BenchNetworks.lenet());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
                    .addEvaluator(new Accuracy())
                    .addTrainingListeners(TrainingListener.Defaults.basic());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batch, 1, 28, 28));
                steps(trainer, px, labels, warmup, batch);
                long t0 = System.nanoTime();
                steps(trainer, px, labels, iterations, batch);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.println(String.format(Locale.ROOT,
                        "naive-djl batch=%d iterations=%d seconds=%.3f images/s: %.1f",
                        batch, iterations, s, iterations * batch / s));
            }
        }
    }

    private static void steps(Trainer trainer, float[] px, float[] labels, int n, int batch) {
        int len = 28 * 28;
        int batches = labels.length / batch;
        for (int i = 0; i < n; i++) {
            int b = i % batches;
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray x = m.create(Arrays.copyOfRange(px, b * batch * len, (b + 1) * batch * len),
                        new Shape(batch, 1, 28, 28));
                NDArray y = m.create(Arrays.copyOfRange(labels, b * batch, (b + 1) * batch), new Shape(batch));
                Batch data = new Batch(m, new NDList(x), new NDList(y), batch, null, null, i, n);
                EasyTrain.trainBatch(trainer, data);
                trainer.step();
                trainer.getTrainingResult(); // typical progress display reads the metrics
            }
        }
    }
}
