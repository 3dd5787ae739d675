package org.convstudio.analysis.embed;

import java.util.Random;

/**
 * How faithful a 2-D map is, the scores shown with every embedding:
 * <ul>
 *   <li><b>neighbourhood hit</b> (k = {@value #HIT_K}): the fraction of each point's k nearest map
 *       neighbours that share its label, averaged over points;</li>
 *   <li><b>trustworthiness</b> (k = {@value #TRUST_K}, Venna &amp; Kaski): 1 minus a normalised penalty for map
 *       neighbours that are not neighbours in the input space, weighted by their input-space rank; exact up to
 *       {@value #TRUST_SAMPLE} points, above that averaged over {@value #TRUST_SAMPLE} randomly chosen points;</li>
 *   <li><b>k-NN accuracy</b>: leave-one-out accuracy of a {@value #HIT_K}-nearest-neighbour majority vote in the map
 *       (ties go to the nearest neighbour's label).</li>
 * </ul>
 */
public record EmbeddingQuality(double neighborhoodHit, int k, double trustworthiness, int trustK, double knnAccuracy) {

    public static final int HIT_K = 6;
    public static final int TRUST_K = 12;
    public static final int TRUST_SAMPLE = 2000;

    /**
     * Scores a layout. {@code labels} may be null (then hit and accuracy are NaN); {@code input} ({@code n × d},
     * the space the map was made from) may be null (then trustworthiness is NaN).
     */
    public static EmbeddingQuality score(float[] layout, int n, int[] labels, float[] input, int d, WorkerPool pool) {
        double hit = Double.NaN;
        double acc = Double.NaN;
        if (labels != null && n > HIT_K) {
            KnnGraph g = Knn2d.compute(layout, n, HIT_K, pool);
            hit = neighborhoodHit(g, labels);
            acc = knnAccuracy(g, labels);
        }
        double trust = input != null && n > 3 * TRUST_K + 1 ? trustworthiness(layout, input, n, d, 42, pool) : Double.NaN;
        return new EmbeddingQuality(hit, HIT_K, trust, TRUST_K, acc);
    }

    static double neighborhoodHit(KnnGraph g, int[] labels) {
        long same = 0;
        for (int i = 0; i < g.points(); i++) {
            for (int r = 0; r < g.k(); r++) {
                if (labels[g.index()[i * g.k() + r]] == labels[i]) {
                    same++;
                }
            }
        }
        return same / (double) ((long) g.points() * g.k());
    }

    static double knnAccuracy(KnnGraph g, int[] labels) {
        int classes = 0;
        for (int l : labels) {
            classes = Math.max(classes, l + 1);
        }
        int[] votes = new int[classes];
        long correct = 0;
        for (int i = 0; i < g.points(); i++) {
            java.util.Arrays.fill(votes, 0);
            int best = labels[g.index()[i * g.k()]];
            for (int r = 0; r < g.k(); r++) {
                int l = labels[g.index()[i * g.k() + r]];
                votes[l]++;
                if (votes[l] > votes[best]) {
                    best = l;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return correct / (double) g.points();
    }

    /** Trustworthiness with k = {@value #TRUST_K}, over all points or a seeded sample of {@value #TRUST_SAMPLE}. */
    static double trustworthiness(float[] layout, float[] input, int n, int d, long seed, WorkerPool pool) {
        int k = TRUST_K;
        KnnGraph map = Knn2d.compute(layout, n, k, pool);
        int[] sample;
        if (n <= TRUST_SAMPLE) {
            sample = java.util.stream.IntStream.range(0, n).toArray();
        } else {
            sample = new Random(seed).ints(0, n).distinct().limit(TRUST_SAMPLE).toArray();
        }
        float[] norms = ExactKnn.norms(input, n, d);
        double[] penalty = new double[pool.size()];
        int block = 512;
        pool.forRange(sample.length, (from, to, worker) -> {
            float[] refT = new float[d * block];
            float[] acc = new float[block];
            int count = to - from;
            float[] thr = new float[count * k];
            float[] tmax = new float[count];
            int[] closer = new int[count * k];
            for (int s = from; s < to; s++) {
                int i = sample[s];
                float mx = 0f;
                for (int r = 0; r < k; r++) {
                    int j = map.index()[i * k + r];
                    float dot = 0f;
                    for (int c = 0; c < d; c++) {
                        dot += input[i * d + c] * input[j * d + c];
                    }
                    float t = norms[i] + norms[j] - 2f * dot;
                    thr[(s - from) * k + r] = t;
                    mx = Math.max(mx, t);
                }
                tmax[s - from] = mx;
            }
            for (int j0 = 0; j0 < n; j0 += block) {
                int len = Math.min(block, n - j0);
                for (int r = 0; r < len; r++) {
                    for (int c = 0; c < d; c++) {
                        refT[c * block + r] = input[(j0 + r) * d + c];
                    }
                }
                for (int s = from; s < to; s++) {
                    int i = sample[s];
                    java.util.Arrays.fill(acc, 0, len, 0f);
                    for (int c = 0; c < d; c++) {
                        float x = input[i * d + c];
                        int off = c * block;
                        for (int r = 0; r < len; r++) {
                            acc[r] += x * refT[off + r];
                        }
                    }
                    int base = (s - from) * k;
                    float top = tmax[s - from];
                    float ni = norms[i];
                    for (int r = 0; r < len; r++) {
                        float d2 = ni + norms[j0 + r] - 2f * acc[r];
                        if (d2 < top) {
                            int j = j0 + r;
                            if (j == i) {
                                continue;
                            }
                            for (int q = 0; q < k; q++) {
                                if (d2 < thr[base + q] && map.index()[i * k + q] != j) {
                                    closer[base + q]++;
                                }
                            }
                        }
                    }
                }
            }
            double pen = 0;
            for (int e = 0; e < count * k; e++) {
                int rank = 1 + closer[e]; // 1 = the nearest other point
                if (rank > k) {
                    pen += rank - k;
                }
            }
            penalty[worker] += pen;
        });
        double sum = 0;
        for (double p : penalty) {
            sum += p;
        }
        double m = sample.length;
        return 1 - 2.0 / (m * k * (2.0 * n - 3.0 * k - 1.0)) * sum;
    }
}
