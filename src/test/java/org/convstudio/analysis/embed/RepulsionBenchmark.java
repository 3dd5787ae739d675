package org.convstudio.analysis.embed;

import java.nio.file.Path;
import java.util.Locale;
import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Benchmark (prints, never asserts): the FFT repulsion's time per call and its error against the exact O(N²)
 * sums, for several grid caps and interpolation nodes per box, on a real layout ({@code embedding.csv} written by
 * {@code embed}) or a synthetic one; and the cost of the convolution against JTransforms' 2-D transforms.
 *
 * <p>Run with the test class path, e.g. {@code java -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.convstudio.analysis.embed.RepulsionBenchmark [embedding.csv] [threads]}.
 */
public final class RepulsionBenchmark {

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private RepulsionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        try (WorkerPool pool = new WorkerPool(threads)) {
            try (WorkerPool one = new WorkerPool(1)) {
                org.visnow.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
                fftCost(one); // one thread: CPU time of the calling thread is the whole cost
            }
            float[] y = args.length > 0 ? EmbeddingFiles.readLayout(Path.of(args[0])) : FftGradientTest.layout(10_000, 140, 1);
            accuracy(pool, y);
        }
    }

    static void fftCost(WorkerPool pool) {
        for (int p : new int[] {256, 512, 1024, 2048}) {
            int m = p / 2 - (p / 2) % 3;
            GridConvolution conv = new GridConvolution(pool);
            conv.prepare(m, p);
            java.util.Random rnd = new java.util.Random(1);
            int reps = Math.max(3, (1 << 24) / (p * p));
            double best = Double.MAX_VALUE;
            long cpu = 0;
            for (int r = 0; r < reps + 3; r++) {
                for (int e = 0; e < 2 * m * p; e++) {
                    conv.first()[e] = rnd.nextDouble();
                    conv.second()[e] = rnd.nextDouble();
                }
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                conv.convolve(m, p, 0.3 + r * 1e-3); // a new spacing each call: the kernel spectrum is recomputed
                long t1 = System.nanoTime();
                if (r >= 3) {
                    best = Math.min(best, (t1 - t0) / 1e6);
                    cpu += THREADS.getCurrentThreadCpuTime() - c0;
                }
            }
            double cached = Double.MAX_VALUE;
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                conv.convolve(m, p, 0.5);
                cached = Math.min(cached, (System.nanoTime() - t0) / 1e6);
            }
            DoubleFFT_2D two = new DoubleFFT_2D(p, p);
            double[] g = new double[2 * p * p];
            double old = Double.MAX_VALUE;
            for (int r = 0; r < Math.min(reps, 6) + 1; r++) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                for (int f = 0; f < 5; f++) { // the previous path: five full 2-D complex transforms
                    two.complexForward(g);
                }
                if (r > 0) {
                    old = Math.min(old, (THREADS.getCurrentThreadCpuTime() - t0) / 1e6);
                }
            }
            System.out.printf(Locale.ROOT, "grid %4d², one thread: convolution %.2f ms wall (%.2f ms CPU), %.2f ms wall with the kernel cached;"
                    + " five 2-D JTransforms FFTs (the previous path) %.2f ms CPU%n", p, best, cpu / 1e6 / reps, cached, old);
        }
    }

    static void accuracy(WorkerPool pool, float[] y) {
        int n = y.length / 2;
        float[] exact = new float[2 * n];
        long t0 = System.nanoTime();
        double z0 = new ExactRepulsion(pool).compute(y, n, exact);
        System.out.printf(Locale.ROOT, "%d points, exact: %.1f ms%n", n, (System.nanoTime() - t0) / 1e6);
        for (int nodes : new int[] {3, 4, 5}) {
            for (int grid : new int[] {256, 512, 1024, 2048}) {
                FftRepulsion fft = new FftRepulsion(pool, nodes, grid, 1.0);
                float[] out = new float[2 * n];
                fft.compute(y, n, out);
                long best = Long.MAX_VALUE;
                double z = 0;
                for (int r = 0; r < 4; r++) {
                    long s = System.nanoTime();
                    z = fft.compute(y, n, out);
                    best = Math.min(best, System.nanoTime() - s);
                }
                System.out.printf(Locale.ROOT, "nodes %d, cap %4d: grid %4d, %3d boxes (%.2f wide): force error %.4f, Z error %.2e, %.1f ms%n",
                        nodes, grid, fft.lastGrid(), fft.lastBoxes(), span(y) / fft.lastBoxes(),
                        FftGradientTest.relativeError(out, exact), Math.abs(z - z0) / z0, best / 1e6);
            }
        }
    }

    static double span(float[] y) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : y) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }
}
