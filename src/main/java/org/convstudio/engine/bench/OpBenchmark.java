package org.convstudio.engine.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.convstudio.engine.device.Devices;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.torch.Autograd;

/**
 * Per-operator timing through DJL on libtorch 2.7.1, forward and forward+backward, at the shapes the
 * three benchmark networks use; {@code src/bench/pytorch/op_bench.py} times the same operators and
 * shapes in PyTorch 2.13, and {@code src/bench/op-compare.sh} prints both side by side. It separates
 * what the libtorch version costs from what ConvStudio's own loop costs.
 *
 * <p>{@code OpBenchmark [--threads N] [--repeats R]}: one line per case,
 * {@code op <name> forward_ms <f> train_ms <t>} (medians of R timed calls after warm-up).
 */
public final class OpBenchmark {

    private OpBenchmark() {
    }

    /** One operator case: a name, its input shapes and the function of its inputs. */
    record Case(String name, Shape[] inputs, Function<NDList, NDArray> op) {
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(conv("conv lenet.c1 128x1x28x28 6@5x5 p2", 128, 1, 28, 6, 5, 1, 2));
        c.add(conv("conv lenet.c2 128x6x14x14 16@5x5", 128, 6, 14, 16, 5, 1, 0));
        c.add(conv("conv tinyvgg.1 32x3x64x64 10@3x3", 32, 3, 64, 10, 3, 1, 0));
        c.add(conv("conv tinyvgg.2 32x10x62x62 10@3x3", 32, 10, 62, 10, 3, 1, 0));
        c.add(conv("conv resnet.stem 64x3x32x32 64@7x7 s2", 64, 3, 32, 64, 7, 2, 3));
        c.add(conv("conv resnet.l1 64x64x8x8 64@3x3", 64, 64, 8, 64, 3, 1, 1));
        c.add(conv("conv resnet.l2 64x128x4x4 128@3x3", 64, 128, 4, 128, 3, 1, 1));
        c.add(conv("conv resnet.l3 64x256x2x2 256@3x3", 64, 256, 2, 256, 3, 1, 1));
        c.add(conv("conv resnet.l4 64x512x1x1 512@3x3", 64, 512, 1, 512, 3, 1, 1));
        c.add(new Case("linear lenet.f1 128x400 -> 120", new Shape[] {new Shape(128, 400), new Shape(120, 400),
            new Shape(120)}, l -> ai.djl.nn.core.Linear.linear(l.get(0), l.get(1), l.get(2)).singletonOrThrow()));
        c.add(new Case("maxpool tinyvgg 32x10x60x60 2x2", new Shape[] {new Shape(32, 10, 60, 60)},
                l -> Pool.maxPool2d(l.get(0), new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false)));
        c.add(new Case("batchnorm resnet.l1 64x64x8x8 train", new Shape[] {new Shape(64, 64, 8, 8), new Shape(64),
            new Shape(64)}, l -> {
                NDManager m = l.get(0).getManager();
                return BatchNorm.batchNorm(l.get(0), m.zeros(new Shape(64)), m.ones(new Shape(64)), l.get(1), l.get(2),
                        1, 0.9f, 1e-5f, true).singletonOrThrow();
            }));
        c.add(new Case("relu tinyvgg 32x10x62x62", new Shape[] {new Shape(32, 10, 62, 62)},
                l -> ai.djl.nn.Activation.relu(l.get(0))));
        return c;
    }

    private static Case conv(String name, int n, int cin, int hw, int cout, int k, int stride, int pad) {
        return new Case(name, new Shape[] {new Shape(n, cin, hw, hw), new Shape(cout, cin, k, k), new Shape(cout)},
                l -> Conv2d.conv2d(l.get(0), l.get(1), l.get(2), new Shape(stride, stride), new Shape(pad, pad),
                        new Shape(1, 1), 1).singletonOrThrow());
    }

    public static void main(String[] args) {
        int threads = TorchThreads.forHeadless().intraOp();
        int repeats = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        TorchThreads.apply(new TorchThreads.Settings(threads, 1));
        try (NDManager root = Devices.engine().newBaseManager(Device.cpu())) {
            for (Case c : cases()) {
                NDList in = new NDList();
                for (Shape s : c.inputs()) {
                    NDArray a = root.randomNormal(s);
                    a.setRequiresGradient(true);
                    in.add(a);
                }
                double f = time(root, c, in, repeats, false);
                double t = time(root, c, in, repeats, true);
                System.out.printf(Locale.ROOT, "op %-40s forward_ms %8.3f train_ms %8.3f%n", c.name(), f, t);
            }
        }
    }

    /** Median ms of one call (forward only, or forward + backward of its sum). */
    private static double time(NDManager root, Case c, NDList in, int repeats, boolean train) {
        double[] ms = new double[repeats];
        for (int r = -5; r < repeats; r++) {
            try (NDManager m = root.newSubManager()) {
                NDArray seed = m.ones(new Shape());
                long t0 = System.nanoTime(); // CPU operators are synchronous: no device sync needed
                Autograd.setEnabled(train);
                NDArray out = c.op().apply(in);
                if (train) {
                    NDArray s = out.sum();
                    Autograd.backward(s, seed);
                }
                Autograd.setEnabled(false);
                long t1 = System.nanoTime();
                if (r >= 0) {
                    ms[r] = (t1 - t0) / 1e6;
                }
                out.attach(m);
            }
            for (NDArray a : in) {
                if (a.hasGradient()) {
                    a.getGradient().subi(a.getGradient()); // keep gradients from growing
                }
            }
        }
        java.util.Arrays.sort(ms);
        return ms[repeats / 2];
    }
}
