package org.convstudio.analysis.embed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Benchmark (prints, never asserts): the cost of one t-SNE gradient's parts at the size of a PCA input saved by
 * {@code embed --save-input} (.npy): attraction over the sparse P and FFT repulsion, on a layout of a given span,
 * in milliseconds of wall and process CPU time per call (mean over the timed calls).
 *
 * <p>{@code java -cp target/classes:target/test-classes:target/lib/* org.convstudio.analysis.embed.GradientBenchmark
 * input.npy [span] [calls]}
 */
public final class GradientBenchmark {

    private GradientBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        float[][] holder = new float[1][];
        int[] shape = KnnBenchmark.readNpy(Path.of(args[0]), holder);
        int n = shape[0];
        int d = shape[1];
        double span = args.length > 1 ? Double.parseDouble(args[1]) : 150;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        try (WorkerPool pool = new WorkerPool(Integer.getInteger("threads", 2))) {
            if (Boolean.getBoolean("reorder")) { // points grouped by k-means cell, as if the input came in that order
                int cells = (int) Math.round(Math.sqrt(n));
                int[] cell = CellKnn.nearestCentres(holder[0], n, d, CellKnn.kMeans(holder[0], n, d, cells, 1, pool), cells, 1, pool);
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                java.util.Arrays.sort(order, (a, b) -> Integer.compare(cell[a], cell[b]));
                float[] x = new float[n * d];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(holder[0], order[i] * d, x, i * d, d);
                }
                holder[0] = x;
            }
            KnnGraph knn = n <= Embedder.EXACT_KNN_MAX ? ExactKnn.compute(holder[0], n, d, 90, pool, () -> false)
                    : CellKnn.compute(holder[0], n, d, 90, pool, () -> false);
            Affinities p = Affinities.fromNeighbors(knn, 30, pool);
            // the PCA layout stretched to the span: neighbours in P are near each other, as in a real run
            float[] y = Tsne.pcaInitialization(holder[0], n, d, 1);
            float lo = Float.MAX_VALUE;
            float hi = -Float.MAX_VALUE;
            for (float v : y) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            for (int e = 0; e < y.length; e++) {
                y[e] = (float) ((y[e] - lo) / (hi - lo) * span);
            }
            FftRepulsion fft = new FftRepulsion(pool);
            float[] out = new float[2 * n];
            System.out.printf(Locale.ROOT, "n=%d, %d stored entries of P, span %.0f, load %s%n", n, p.nonZeros(), span,
                    java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            Attraction attraction = new Attraction(p, pool);
            float[] zero = new float[2 * n];
            float[] grad = new float[2 * n];
            time("attraction", calls, () -> attraction.compute(y, 1, zero, 1, grad));
            time("FFT repulsion", calls, () -> fft.compute(y, n, out));
            System.out.printf(Locale.ROOT, "  (grid %d², boxes %d)%n", fft.lastGrid(), fft.lastBoxes());
        }
    }

    private static void time(String what, int calls, Runnable r) {
        for (int i = 0; i < 5; i++) {
            r.run();
        }
        long c0 = CpuClock.processNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            r.run();
        }
        double wall = (System.nanoTime() - t0) / 1e6 / calls;
        double cpu = (CpuClock.processNanos() - c0) / 1e6 / calls;
        System.out.printf(Locale.ROOT, "  %-14s %7.2f ms wall %7.2f ms CPU per call (mean of %d)%n", what, wall, cpu, calls);
    }
}
