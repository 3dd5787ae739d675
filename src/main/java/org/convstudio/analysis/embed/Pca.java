package org.convstudio.analysis.embed;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Exact principal component analysis: the covariance matrix (d × d, accumulated in double from
 * blocks of rows on the worker pool) is eigen-decomposed with EJML's symmetric solver and the
 * leading eigenvectors, sorted by variance, become the components. Component signs are fixed so
 * that each component's largest-magnitude entry is positive (results are reproducible).
 *
 * @param mean      the column means (length d)
 * @param components {@code c × d}, row-major, orthonormal rows
 * @param variance  the variance along each component (the covariance eigenvalues, divisor n − 1)
 */
public record Pca(int dimensions, float[] mean, double[] components, double[] variance) {

    private static final int ROW_BLOCK = 128;

    public int componentCount() {
        return variance.length;
    }

    /** Fits {@code c} components to the {@code n} rows of {@code data} ({@code n × d}, row-major). */
    public static Pca fit(float[] data, int n, int d, int c, WorkerPool pool) {
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 points, got " + n);
        }
        int count = Math.min(c, d);
        float[] mean = new float[d];
        double[] sum = new double[d];
        for (int i = 0; i < n; i++) {
            int b = i * d;
            for (int a = 0; a < d; a++) {
                sum[a] += data[b + a];
            }
        }
        for (int a = 0; a < d; a++) {
            mean[a] = (float) (sum[a] / n);
        }
        double[] meanD = new double[d]; // the covariance centres its blocks with these
        for (int a = 0; a < d; a++) {
            meanD[a] = sum[a] / n;
        }
        double[] cov = covariance(data, n, d, meanD, pool);
        DMatrixRMaj m = new DMatrixRMaj(d, d, true, cov);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(m)) {
            throw new IllegalStateException("the covariance eigen-decomposition did not converge");
        }
        Integer[] order = new Integer[d];
        double[] values = new double[d];
        for (int a = 0; a < d; a++) {
            order[a] = a;
            values[a] = eig.getEigenvalue(a).getReal();
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        double[] comps = new double[count * d];
        double[] var = new double[count];
        for (int r = 0; r < count; r++) {
            DMatrixRMaj v = eig.getEigenVector(order[r]);
            var[r] = Math.max(0, values[order[r]]);
            int argmax = 0;
            for (int a = 1; a < d; a++) {
                if (Math.abs(v.get(a)) > Math.abs(v.get(argmax))) {
                    argmax = a;
                }
            }
            double sign = v.get(argmax) < 0 ? -1 : 1;
            double norm = 0;
            for (int a = 0; a < d; a++) {
                norm += v.get(a) * v.get(a);
            }
            norm = Math.sqrt(norm);
            for (int a = 0; a < d; a++) {
                comps[r * d + a] = sign * v.get(a) / norm;
            }
        }
        return new Pca(d, mean, comps, var);
    }

    /**
     * The covariance (divisor n − 1), row-major d × d, in double: each block of {@value #ROW_BLOCK} rows is centred
     * into per-row arrays and the products are summed by a loop over those arrays, which the JIT vectorises (a
     * loop over the flat data at a run-time offset stays scalar, see {@link DotKernel}). Centring first avoids the
     * cancellation of XᵀX − n·μμᵀ when the means are large.
     */
    static double[] covariance(float[] data, int n, int d, double[] mean, WorkerPool pool) {
        double[][] partial = new double[pool.size()][];
        int blocks = (n + ROW_BLOCK - 1) / ROW_BLOCK;
        pool.forRange(blocks, (from, to, worker) -> {
            double[] acc = new double[d * d];
            double[][] rows = new double[ROW_BLOCK][d];
            double[] sum = new double[d];
            for (int blk = from; blk < to; blk++) {
                int r0 = blk * ROW_BLOCK;
                int len = Math.min(ROW_BLOCK, n - r0);
                for (int r = 0; r < len; r++) {
                    int off = (r0 + r) * d;
                    double[] row = rows[r];
                    for (int b = 0; b < d; b++) {
                        row[b] = data[off + b] - mean[b];
                    }
                }
                // upper triangle: for each a, Σ over the block's rows of x_a · x[a..d)
                for (int a = 0; a < d; a++) {
                    java.util.Arrays.fill(sum, a, d, 0);
                    for (int r = 0; r < len; r++) {
                        double[] row = rows[r];
                        double xa = row[a];
                        if (xa == 0) {
                            continue;
                        }
                        for (int b = a; b < d; b++) {
                            sum[b] += xa * row[b];
                        }
                    }
                    int ad = a * d;
                    for (int b = a; b < d; b++) {
                        acc[ad + b] += sum[b];
                    }
                }
            }
            partial[worker] = acc;
        });
        double[] cov = new double[d * d];
        for (double[] p : partial) {
            if (p == null) {
                continue;
            }
            for (int e = 0; e < cov.length; e++) {
                cov[e] += p[e];
            }
        }
        double div = n - 1.0;
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                double v = cov[a * d + b] / div;
                cov[a * d + b] = v;
                cov[b * d + a] = v;
            }
        }
        return cov;
    }

    /** Projects the rows of {@code data} on the first {@code c} components: {@code n × c}, row-major. */
    public float[] transform(float[] data, int n, int c, WorkerPool pool) {
        int d = dimensions;
        if (c > componentCount()) {
            throw new IllegalArgumentException("only " + componentCount() + " components were fitted, asked for " + c);
        }
        float[][] wT = new float[d][c]; // per input dimension, its weight in each component (vectorisable rows)
        for (int r = 0; r < c; r++) {
            for (int a = 0; a < d; a++) {
                wT[a][r] = (float) components[r * d + a];
            }
        }
        float[] shift = new float[c]; // μ·W, subtracted from every projected row
        for (int a = 0; a < d; a++) {
            for (int r = 0; r < c; r++) {
                shift[r] += mean[a] * wT[a][r];
            }
        }
        float[] out = new float[n * c];
        pool.forRange(n, (from, to, worker) -> {
            float[] o = new float[c];
            for (int i = from; i < to; i++) {
                int src = i * d;
                for (int r = 0; r < c; r++) {
                    o[r] = -shift[r];
                }
                for (int a = 0; a < d; a++) {
                    float x = data[src + a];
                    if (x == 0f) {
                        continue;
                    }
                    float[] w = wT[a];
                    for (int r = 0; r < c; r++) {
                        o[r] += x * w[r];
                    }
                }
                System.arraycopy(o, 0, out, i * c, c);
            }
        });
        return out;
    }
}
