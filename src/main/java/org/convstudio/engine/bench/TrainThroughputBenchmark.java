package org.convstudio.engine.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.device.Devices;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.probe.LiveProbe;
import org.convstudio.engine.train.BatchTrainer;
import org.convstudio.engine.train.OptimizerKind;
import org.convstudio.engine.train.TrainingConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Steady-state training throughput (images/s) of ConvStudio's training step on synthetic input of a
 * preset's shape: CPU, Adam, the same {@link BatchTrainer} the sessions use (batch assembly from a
 * float[] included), warm-up excluded, loss read back once at the end of the timed part.
 *
 * <p>CLI: {@code TrainThroughputBenchmark <preset> [--batch 128] [--iterations N] [--warmup W]
 * [--threads T]}; prints one line {@code images/s: X}. The lead wires it as {@code bench train}.
 */
public final class TrainThroughputBenchmark {

    /** Benchmark parameters. */
    public record Options(String preset, int batch, int iterations, int warmup, int threads, boolean phases,
                          java.nio.file.Path profile, double probes) {
        public Options(String preset, int batch, int iterations, int warmup, int threads) {
            this(preset, batch, iterations, warmup, threads, false, null);
        }

        public Options(String preset, int batch, int iterations, int warmup, int threads, boolean phases,
                       java.nio.file.Path profile) {
            this(preset, batch, iterations, warmup, threads, phases, profile, 0);
        }

        /**
         * Also runs a {@link LiveProbe} at most {@code roundsPerSecond} times a second on the first synthetic
         * image, as the app does while a run trains (0: no probe). Needs a network built through
         * {@code NetworkBlock} (any preset or design via {@link #run(org.convstudio.model.graph.Network, Options)}).
         */
        public Options withProbes(double roundsPerSecond) {
            return new Options(preset, batch, iterations, warmup, threads, phases, profile, roundsPerSecond);
        }

        /** Also times the phases of every timed step (data, forward, backward, optimiser). */
        public Options withPhases(boolean on) {
            return new Options(preset, batch, iterations, warmup, threads, on, profile, probes);
        }

        /** Also records 20 extra steps with libtorch's profiler into this Chrome-trace file. */
        public Options withProfile(java.nio.file.Path file) {
            return new Options(preset, batch, iterations, warmup, threads, phases, file, probes);
        }

        public static Options defaults(String preset) {
            return new Options(preset, 128, 200, 30, TorchThreads.forHeadless().intraOp());
        }
    }

    /** Measured result. */
    public record Result(Options options, double imagesPerSecond, double seconds, float finalLoss, long[] phaseNanos,
                         long probeRounds, long probeNanos) {
        public Result(Options options, double imagesPerSecond, double seconds, float finalLoss) {
            this(options, imagesPerSecond, seconds, finalLoss, null);
        }

        public Result(Options options, double imagesPerSecond, double seconds, float finalLoss, long[] phaseNanos) {
            this(options, imagesPerSecond, seconds, finalLoss, phaseNanos, 0, 0);
        }

        @Override
        public String toString() {
            String s = String.format(Locale.ROOT, "preset=%s batch=%d iterations=%d threads=%d seconds=%.3f images/s: %.1f",
                    options.preset(), options.batch(), options.iterations(), options.threads(), seconds,
                    imagesPerSecond);
            return phaseNanos == null ? s : s + System.lineSeparator() + phases();
        }

        /** "phases ms/batch: data 0.1 forward+loss 2.0 ..." (empty without phase timing). */
        public String phases() {
            if (phaseNanos == null) {
                return "";
            }
            StringBuilder b = new StringBuilder("phases ms/batch:");
            for (int i = 0; i < phaseNanos.length; i++) {
                b.append(String.format(Locale.ROOT, " %s %.3f", BatchTrainer.PHASES.get(i),
                        phaseNanos[i] / 1e6 / options.iterations()));
            }
            return b.toString();
        }
    }

    private TrainThroughputBenchmark() {
    }

    /** Benchmarks a hand-built network of {@link BenchNetworks} (the before/after reference). */
    public static Result run(Options o) {
        return run(BenchNetworks.preset(o.preset()), o);
    }

    /** Benchmarks any network the app can build: a preset or design through its {@code NetworkBlock}. */
    public static Result run(org.convstudio.model.graph.Network network, Options o) {
        org.convstudio.engine.build.NetworkBlock probe = org.convstudio.engine.build.NetworkBlock.of(network);
        return run(new BenchNetworks.Preset(network.name(), () -> org.convstudio.engine.build.NetworkBlock.of(network),
                probe.inputShape(1).slice(1), probe.classCount()), o);
    }

    private static Result run(BenchNetworks.Preset preset, Options o) {
        TorchThreads.apply(new TorchThreads.Settings(o.threads(), 1));
        long[] chw = preset.inputShape().getShape();
        int len = Math.toIntExact(chw[0] * chw[1] * chw[2]);
        int pool = 8 * o.batch();
        Random rnd = new Random(7);
        float[] px = new float[pool * len];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rnd.nextGaussian();
        }
        int[] labels = new int[pool];
        for (int i = 0; i < pool; i++) {
            labels[i] = rnd.nextInt(preset.classCount());
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < preset.classCount(); i++) {
            names.add("c" + i);
        }
        ImageSet data = new ImageSet("synthetic", (int) chw[0], (int) chw[1], (int) chw[2], px, labels, names);
        int[] order = new int[pool];
        for (int i = 0; i < pool; i++) {
            order[i] = i;
        }
        TrainingConfig config = TrainingConfig.builder().setOptimizer(OptimizerKind.ADAM, 1e-3)
                .setBatchSize(o.batch()).build();
        Devices.engine().setRandomSeed(1);
        try (Model model = Model.newInstance("bench", ai.djl.Device.cpu(), Devices.ENGINE)) {
            Block block = preset.factory().get();
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, chw[0], chw[1], chw[2]));
            org.convstudio.engine.torch.Autograd.setEnabled(false);
            try (BatchTrainer trainer = new BatchTrainer(block, config, model.getNDManager(), chw)) {
                ProbeCost cost = new ProbeCost();
                LiveProbe live = o.probes() > 0
                        ? new LiveProbe(java.util.Arrays.copyOf(px, len), o.probes(), cost::add) : null;
                trainer.setStepHook(live);
                steps(trainer, live, block, data, order, o.warmup(), o.batch(), model.getNDManager());
                trainer.timePhases(o.phases());
                cost.reset();
                long t0 = System.nanoTime();
                float loss = steps(trainer, live, block, data, order, o.iterations(), o.batch(), model.getNDManager());
                double s = (System.nanoTime() - t0) / 1e9;
                if (live != null && live.lastFailure() != null) {
                    throw new IllegalStateException("the live probe failed: " + live.lastFailure().getMessage(),
                            live.lastFailure());
                }
                long[] phases = trainer.phaseNanos();
                trainer.timePhases(false);
                if (o.profile() != null) {
                    org.convstudio.engine.torch.NativeProfiler.start();
                    steps(trainer, live, block, data, order, 20, o.batch(), model.getNDManager());
                    org.convstudio.engine.torch.NativeProfiler.stop(o.profile());
                }
                return new Result(o, (double) o.iterations() * o.batch() / s, s, loss, phases, cost.rounds, cost.nanos);
            }
        }
    }

    /** Runs {@code n} steps; reads the losses back once at the end (that read is the only sync). */
    private static float steps(BatchTrainer trainer, LiveProbe live, Block block, ImageSet data, int[] order, int n,
                               int batch, NDManager root) {
        int batchesInPool = data.size() / batch;
        try (NDManager keep = root.newSubManager()) {
            NDList losses = new NDList();
            for (int i = 0; i < n; i++) {
                int b = i % batchesInPool;
                BatchTrainer.Result r = trainer.train(data, order, b * batch, (b + 1) * batch, 1e-3f, keep);
                if (live != null) {
                    live.afterStep(block, trainer.steps());
                }
                losses.add(r.loss());
                r.correct().close();
            }
            if (losses.isEmpty()) {
                return Float.NaN;
            }
            try (NDArray all = NDArrays.stack(losses)) {
                float[] l = all.toFloatArray();
                return l[l.length - 1];
            }
        }
    }

    /** Probe rounds and the time they held up training (the listener of the benchmark's probe). */
    private static final class ProbeCost {
        long rounds;
        long nanos;

        void add(LiveProbe.Snapshot s) {
            rounds++;
            nanos += s.costNanos();
        }

        void reset() {
            rounds = 0;
            nanos = 0;
        }
    }

    public static void main(String[] args) {
        String presetName = "lenet";
        Options d = Options.defaults(presetName);
        int batch = d.batch();
        int iterations = d.iterations();
        int warmup = d.warmup();
        int threads = d.threads();
        boolean phases = false;
        java.nio.file.Path profile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--batch": batch = Integer.parseInt(args[++i]); break;
                case "--iterations": iterations = Integer.parseInt(args[++i]); break;
                case "--warmup": warmup = Integer.parseInt(args[++i]); break;
                case "--threads": threads = Integer.parseInt(args[++i]); break;
                case "--phases": phases = true; break;
                case "--profile": profile = java.nio.file.Path.of(args[++i]); break;
                default:
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    presetName = args[i];
            }
        }
        Result r = run(new Options(presetName, batch, iterations, warmup, threads, phases, profile));
        System.out.println(r);
    }
}
