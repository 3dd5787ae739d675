package org.convstudio.analysis.embed;

import java.util.Random;

/**
 * How many of the true k nearest neighbours an approximate kNN graph found, measured on a seeded sample of
 * points whose exact neighbours are computed by brute force ({@link ExactKnn}) against all points.
 */
public final class KnnRecall {

    private KnnRecall() {
    }

    /**
     * The fraction of the sampled points' exact k nearest neighbours (by index) that {@code graph} lists. {@code samples} points are drawn without replacement (all when ≥ n).
     */
    public static double sampled(KnnGraph graph, float[] data, int n, int d, int samples, long seed, WorkerPool pool) {
        int k = graph.k();
        int m = Math.min(n, samples);
        int[] pick = new int[n];
        for (int i = 0; i < n; i++) {
            pick[i] = i;
        }
        Random rnd = new Random(seed);
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = pick[i];
            pick[i] = pick[j];
            pick[j] = t;
        }
        float[] queries = new float[m * d];
        for (int s = 0; s < m; s++) {
            System.arraycopy(data, pick[s] * d, queries, s * d, d);
        }
        // k + 1 from all points: the point itself is among them (distance 0)
        KnnGraph exact = ExactKnn.query(queries, m, data, n, d, k + 1, false, pool, () -> false);
        long found = 0;
        java.util.HashSet<Integer> truth = new java.util.HashSet<>();
        for (int s = 0; s < m; s++) {
            int i = pick[s];
            truth.clear();
            for (int r = 0; r <= k && truth.size() < k; r++) {
                int j = exact.index()[s * (k + 1) + r];
                if (j != i) {
                    truth.add(j);
                }
            }
            for (int r = 0; r < k; r++) {
                if (truth.contains(graph.index()[i * k + r])) {
                    found++;
                }
            }
        }
        return found / (double) ((long) m * k);
    }
}
