package org.convstudio.analysis.embed;

import java.util.function.BooleanSupplier;

/**
 * Exact k nearest neighbours by brute force, blocked for the cache and split over the worker pool:
 * queries are taken a block at a time against a block of reference points stored dimension-major,
 * so the inner loop is a vectorisable multiply-add over reference points ({@link DotKernel}) (distances as
 * |x|² + |y|² − 2x·y). Each query keeps its k best in a small max-heap. O(N²·d): used up to ~20,000 points.
 */
public final class ExactKnn {

    private static final int REF_BLOCK = 512;

    private ExactKnn() {
    }

    /** The k nearest neighbours of each of the {@code n} rows of {@code data} ({@code n × d}, row-major). */
    public static KnnGraph compute(float[] data, int n, int d, int k, WorkerPool pool, BooleanSupplier cancelled) {
        return query(data, n, data, n, d, k, true, pool, cancelled);
    }

    /**
     * The k nearest rows of {@code ref} for each row of {@code queries}; with {@code sameSet} the query
     * i is skipped among its own candidates.
     */
    public static KnnGraph query(float[] queries, int nq, float[] ref, int nr, int d, int k, boolean sameSet,
                                 WorkerPool pool, BooleanSupplier cancelled) {
        int available = sameSet ? nr - 1 : nr;
        if (k > available) {
            throw new IllegalArgumentException("asked for " + k + " neighbours among " + available + " points");
        }
        float[] refNorm = norms(ref, nr, d);
        float[] qNorm = sameSet ? refNorm : norms(queries, nq, d);
        int[] index = new int[nq * k];
        float[] dist = new float[nq * k];
        int blocks = (nr + REF_BLOCK - 1) / REF_BLOCK;
        pool.forRange(nq, (from, to, worker) -> {
            float[][] refT = new float[d][REF_BLOCK];
            float[] acc = new float[REF_BLOCK];
            int[] heapIdx = new int[k];
            float[] heapD = new float[k];
            // heaps of all queries of this worker, kept in the output arrays (unsorted until the end)
            for (int q = from; q < to; q++) {
                java.util.Arrays.fill(dist, q * k, q * k + k, Float.POSITIVE_INFINITY);
                java.util.Arrays.fill(index, q * k, q * k + k, -1);
            }
            for (int b = 0; b < blocks; b++) {
                if (cancelled.getAsBoolean()) {
                    return;
                }
                int r0 = b * REF_BLOCK;
                int len = Math.min(REF_BLOCK, nr - r0);
                DotKernel.transpose(ref, d, r0, len, refT);
                for (int q = from; q < to; q++) {
                    DotKernel.dots(queries, q * d, d, refT, len, acc);
                    int h = q * k;
                    float worst = dist[h];
                    float qn = qNorm[q];
                    for (int r = 0; r < len; r++) {
                        int j = r0 + r;
                        float d2 = qn + refNorm[j] - 2f * acc[r];
                        if (d2 < worst && !(sameSet && j == q)) {
                            if (d2 < 0f) {
                                d2 = 0f;
                            }
                            replaceTop(index, dist, h, k, j, d2);
                            worst = dist[h];
                        }
                    }
                }
            }
            for (int q = from; q < to; q++) {
                sortHeap(index, dist, q * k, k, heapIdx, heapD);
            }
        });
        return new KnnGraph(nq, k, index, dist);
    }

    static float[] norms(float[] x, int n, int d) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            float s = 0f;
            int b = i * d;
            for (int c = 0; c < d; c++) {
                s += x[b + c] * x[b + c];
            }
            out[i] = s;
        }
        return out;
    }

    /** Replaces the root of the max-heap at {@code [h, h+k)} by (j, d2) and sifts it down. */
    static void replaceTop(int[] idx, float[] dist, int h, int k, int j, float d2) {
        int pos = 0;
        while (true) {
            int left = 2 * pos + 1;
            if (left >= k) {
                break;
            }
            int right = left + 1;
            int big = right < k && dist[h + right] > dist[h + left] ? right : left;
            if (dist[h + big] <= d2) {
                break;
            }
            dist[h + pos] = dist[h + big];
            idx[h + pos] = idx[h + big];
            pos = big;
        }
        dist[h + pos] = d2;
        idx[h + pos] = j;
    }

    /** Turns the max-heap at {@code [h, h+k)} into ascending order of distance. */
    static void sortHeap(int[] idx, float[] dist, int h, int k, int[] tmpIdx, float[] tmpD) {
        for (int end = k - 1; end >= 0; end--) {
            tmpIdx[end] = idx[h];
            tmpD[end] = dist[h];
            // move the last element to the root and sift it down within [0, end)
            int lastI = idx[h + end];
            float lastD = dist[h + end];
            int pos = 0;
            while (true) {
                int left = 2 * pos + 1;
                if (left >= end) {
                    break;
                }
                int right = left + 1;
                int big = right < end && dist[h + right] > dist[h + left] ? right : left;
                if (dist[h + big] <= lastD) {
                    break;
                }
                dist[h + pos] = dist[h + big];
                idx[h + pos] = idx[h + big];
                pos = big;
            }
            if (end > 0) {
                dist[h + pos] = lastD;
                idx[h + pos] = lastI;
            }
        }
        System.arraycopy(tmpIdx, 0, idx, h, k);
        System.arraycopy(tmpD, 0, dist, h, k);
    }
}
