package org.convstudio.analysis.embed;

import java.util.Arrays;

/**
 * t-SNE's input similarities as a symmetric sparse matrix in CSR form: {@code p_ij = (p_j|i + p_i|j) / 2N},
 * where {@code p_j|i} is a Gaussian over point i's k nearest neighbours whose bandwidth is found by binary
 * search so that its perplexity (2 to the entropy) equals the requested one. The entries sum to 1.
 */
public record Affinities(int points, int[] rowStart, int[] column, float[] value) {

    private static final int MAX_STEPS = 200;
    private static final double TOLERANCE = 1e-5;

    /** The number of stored entries. */
    public int nonZeros() {
        return rowStart[points];
    }

    /** Perplexity-calibrated, symmetrised affinities from a kNN graph. */
    public static Affinities fromNeighbors(KnnGraph knn, double perplexity, WorkerPool pool) {
        int n = knn.points();
        int k = knn.k();
        if (perplexity <= 0 || perplexity >= k + 1) {
            throw new IllegalArgumentException("perplexity " + perplexity + " needs more than " + k + " neighbours");
        }
        float[] cond = new float[n * k];
        double target = Math.log(perplexity);
        pool.forRange(n, (from, to, worker) -> {
            double[] w = new double[k];
            for (int i = from; i < to; i++) {
                calibrateRow(knn.distance2(), i * k, k, target, w);
                for (int r = 0; r < k; r++) {
                    cond[i * k + r] = (float) w[r];
                }
            }
        });
        return symmetrize(n, k, knn.index(), cond, pool);
    }

    /** Finds β with entropy(softmax(−β·d²)) = target over one row; writes the normalised weights. */
    static void calibrateRow(float[] d2, int off, int k, double target, double[] w) {
        double dmin = Double.MAX_VALUE;
        for (int r = 0; r < k; r++) {
            dmin = Math.min(dmin, d2[off + r]);
        }
        double beta = 1.0;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        for (int step = 0; step < MAX_STEPS; step++) {
            double sum = 0;
            double weighted = 0;
            for (int r = 0; r < k; r++) {
                double dd = d2[off + r] - dmin; // shifting by the nearest distance keeps exp() in range
                double e = Math.exp(-beta * dd);
                w[r] = e;
                sum += e;
                weighted += dd * e;
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            double diff = entropy - target;
            for (int r = 0; r < k; r++) {
                w[r] /= sum;
            }
            if (Math.abs(diff) < TOLERANCE) {
                return;
            }
            if (diff > 0) { // too flat: sharpen
                lo = beta;
                beta = Double.isInfinite(hi) ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
        }
    }

    /** (P + Pᵀ) / 2N from row-stochastic conditional probabilities over the neighbour lists. */
    static Affinities symmetrize(int n, int k, int[] nbr, float[] cond, WorkerPool pool) {
        // transpose: for each j, the rows i that list j
        int[] tStart = new int[n + 1];
        for (int e = 0; e < n * k; e++) {
            tStart[nbr[e] + 1]++;
        }
        for (int j = 0; j < n; j++) {
            tStart[j + 1] += tStart[j];
        }
        int[] tRow = new int[n * k];
        float[] tVal = new float[n * k];
        int[] fill = Arrays.copyOf(tStart, n);
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < k; r++) {
                int j = nbr[i * k + r];
                int at = fill[j]++;
                tRow[at] = i;
                tVal[at] = cond[i * k + r];
            }
        }
        // row i of the result: the union of i's list and the rows that list i
        int[] count = new int[n];
        int[][] marks = new int[pool.size()][];
        pool.forRange(n, (from, to, worker) -> {
            int[] mark = new int[n];
            Arrays.fill(mark, -1);
            marks[worker] = mark;
            for (int i = from; i < to; i++) {
                int c = 0;
                for (int r = 0; r < k; r++) {
                    int j = nbr[i * k + r];
                    if (j != i && mark[j] != i) {
                        mark[j] = i;
                        c++;
                    }
                }
                for (int t = tStart[i]; t < tStart[i + 1]; t++) {
                    int j = tRow[t];
                    if (j != i && mark[j] != i) {
                        mark[j] = i;
                        c++;
                    }
                }
                count[i] = c;
            }
        });
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + count[i];
        }
        int[] col = new int[start[n]];
        float[] val = new float[start[n]];
        double scale = 1.0 / (2.0 * n);
        pool.forRange(n, (from, to, worker) -> {
            int[] slot = marks[worker] != null ? marks[worker] : new int[n];
            Arrays.fill(slot, -1);
            for (int i = from; i < to; i++) {
                int at = start[i];
                for (int r = 0; r < k; r++) {
                    int j = nbr[i * k + r];
                    if (j == i) {
                        continue;
                    }
                    if (slot[j] >= start[i] && slot[j] < at && col[slot[j]] == j) {
                        val[slot[j]] += (float) (cond[i * k + r] * scale);
                    } else {
                        slot[j] = at;
                        col[at] = j;
                        val[at++] = (float) (cond[i * k + r] * scale);
                    }
                }
                for (int t = tStart[i]; t < tStart[i + 1]; t++) {
                    int j = tRow[t];
                    if (j == i) {
                        continue;
                    }
                    if (slot[j] >= start[i] && slot[j] < at && col[slot[j]] == j) {
                        val[slot[j]] += (float) (tVal[t] * scale);
                    } else {
                        slot[j] = at;
                        col[at] = j;
                        val[at++] = (float) (tVal[t] * scale);
                    }
                }
            }
        });
        return new Affinities(n, start, col, val);
    }
}
