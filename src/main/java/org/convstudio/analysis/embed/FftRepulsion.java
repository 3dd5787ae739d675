package org.convstudio.analysis.embed;

import java.util.HashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Repulsive forces by FFT-accelerated interpolation (Linderman et al. 2019, as in FIt-SNE and openTSNE).
 * The square hull of the layout is cut into boxes of side ≤ 1 (at least {@value #MIN_BOXES} per axis, as
 * many as fill a power-of-two FFT, capped at {@code maxBoxes} — wider boxes beyond); each box holds 3 × 3
 * interpolation nodes.
 * The four charges {@code 1, x, y, x² + y²} of every point are spread to the nodes of its box with
 * Lagrange weights; the squared Cauchy kernel between all node pairs is applied as a circulant
 * convolution on the zero-padded 2m × 2m grid (m nodes per axis) by 2-D FFT (JTransforms), two
 * charges packed per complex transform; the node potentials are interpolated back to the points.
 * From the four potentials follow both the forces {@code Σ_j w_ij² (y_i − y_j)} and
 * {@code Σ_j w_ij = Σ_j w_ij² (1 + |y_i − y_j|²)}. Coordinates are taken relative to the grid centre
 * to keep the expansion of {@code |y_i − y_j|²} well conditioned.
 *
 * <p>Buffers are allocated once for the largest grid seen and reused; FFT plans are cached per size.
 */
public final class FftRepulsion implements Repulsion {

    static final int MIN_BOXES = 40;
    static final int NODES = 3;
    /** Default cap on boxes per axis: 170 boxes, a 1024 × 1024 FFT (box width ≤ 1 up to a span of 170). */
    public static final int DEFAULT_MAX_BOXES = 170;

    private final WorkerPool pool;
    private final int maxBoxes;
    private final Map<Integer, DoubleFFT_2D> plans = new HashMap<>();
    private final double[] partialZ;

    private int[] node;       // per point: base node index along x and y (2 per point)
    private float[] weight;   // per point: 3 weights along x, 3 along y
    private double[][] charges; // per worker: 4 charge grids of m × m, concatenated
    private double[] packedA;   // (charge 1 + i·x) on the padded grid, complex interleaved
    private double[] packedB;   // (y + i·(x² + y²))
    private double[] kernel;    // the kernel's spectrum (real: the kernel is even), (2m)² values
    private double[] kernelWork;
    private int lastBoxes;

    public FftRepulsion(WorkerPool pool) {
        this(pool, DEFAULT_MAX_BOXES);
    }

    public FftRepulsion(WorkerPool pool, int maxBoxes) {
        this.pool = pool;
        this.maxBoxes = Math.max(MIN_BOXES, maxBoxes);
        this.partialZ = new double[pool.size()];
    }

    /** The number of boxes per axis used by the last call (for tests and benchmarks). */
    public int lastBoxes() {
        return lastBoxes;
    }

    /**
     * The padded FFT size per axis: the smallest power of two (JTransforms is several times faster on those)
     * whose grid holds one box per unit of the layout's span (at least {@value #MIN_BOXES} boxes), capped at
     * the power of two that holds {@code maxBoxes} boxes. The box count is then P / 6, as many as fit.
     */
    static int paddedSize(double span, int maxBoxes) {
        int want = Math.max(MIN_BOXES, (int) Math.ceil(span)) * 2 * NODES;
        int cap = Integer.highestOneBit(Math.max(MIN_BOXES, maxBoxes) * 2 * NODES - 1) << 1;
        int p = Integer.highestOneBit(want - 1) << 1;
        return Math.min(p, cap);
    }

    @Override
    public double compute(float[] y, int n, float[] out) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int e = 0; e < 2 * n; e++) {
            lo = Math.min(lo, y[e]);
            hi = Math.max(hi, y[e]);
        }
        double span = Math.max(hi - lo, 1e-6) * 1.0001 + 1e-9;
        int p = paddedSize(span, maxBoxes);
        int boxes = p / (2 * NODES);
        lastBoxes = boxes;
        int m = boxes * NODES;
        double boxWidth = span / boxes;
        double h = boxWidth / NODES;
        double min = lo;
        double centre = lo + span / 2;
        ensureCapacity(n, m, p);

        // 1. box and Lagrange weights of every point; charges spread per worker
        pool.forRange(n, (from, to, worker) -> {
            double[] g = charges[worker];
            java.util.Arrays.fill(g, 0, 4 * m * m, 0);
            for (int i = from; i < to; i++) {
                for (int axis = 0; axis < 2; axis++) {
                    double t = (y[2 * i + axis] - min) / boxWidth;
                    int b = Math.min((int) t, boxes - 1);
                    t -= b;
                    node[2 * i + axis] = b * NODES;
                    int w = 6 * i + 3 * axis;
                    weight[w] = (float) (4.5 * (t - 0.5) * (t - 5.0 / 6));
                    weight[w + 1] = (float) (-9 * (t - 1.0 / 6) * (t - 5.0 / 6));
                    weight[w + 2] = (float) (4.5 * (t - 1.0 / 6) * (t - 0.5));
                }
                double cx = y[2 * i] - centre;
                double cy = y[2 * i + 1] - centre;
                double c3 = cx * cx + cy * cy;
                int nx = node[2 * i];
                int ny = node[2 * i + 1];
                for (int a = 0; a < NODES; a++) {
                    double wa = weight[6 * i + a];
                    int row = (nx + a) * m + ny;
                    for (int b = 0; b < NODES; b++) {
                        double w = wa * weight[6 * i + 3 + b];
                        int at = row + b;
                        g[at] += w;
                        g[m * m + at] += w * cx;
                        g[2 * m * m + at] += w * cy;
                        g[3 * m * m + at] += w * c3;
                    }
                }
            }
        });
        // 2. sum the workers' grids into the two packed, zero-padded complex grids
        int workers = pool.size();
        int mm = m * m;
        pool.forRange(p, (from, to, worker) -> {
            for (int r = from; r < to; r++) {
                int base = 2 * r * p;
                java.util.Arrays.fill(packedA, base, base + 2 * p, 0);
                java.util.Arrays.fill(packedB, base, base + 2 * p, 0);
                if (r >= m) {
                    continue;
                }
                for (int c = 0; c < m; c++) {
                    double s0 = 0;
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    int at = r * m + c;
                    for (int w = 0; w < workers; w++) {
                        double[] g = charges[w];
                        s0 += g[at];
                        s1 += g[mm + at];
                        s2 += g[2 * mm + at];
                        s3 += g[3 * mm + at];
                    }
                    packedA[base + 2 * c] = s0;
                    packedA[base + 2 * c + 1] = s1;
                    packedB[base + 2 * c] = s2;
                    packedB[base + 2 * c + 1] = s3;
                }
            }
        });
        // 3. kernel spectrum, then the two convolutions
        DoubleFFT_2D fft = plans.computeIfAbsent(p, s -> new DoubleFFT_2D(s, s));
        fillKernel(m, p, h);
        fft.complexForward(kernelWork);
        for (int e = 0; e < p * p; e++) {
            kernel[e] = kernelWork[2 * e];
        }
        fft.complexForward(packedA);
        fft.complexForward(packedB);
        pool.forRange(p * p, (from, to, worker) -> {
            for (int e = from; e < to; e++) {
                double k = kernel[e];
                packedA[2 * e] *= k;
                packedA[2 * e + 1] *= k;
                packedB[2 * e] *= k;
                packedB[2 * e + 1] *= k;
            }
        });
        fft.complexInverse(packedA, true);
        fft.complexInverse(packedB, true);
        // 4. interpolate the potentials back to the points
        java.util.Arrays.fill(partialZ, 0);
        pool.forRange(n, (from, to, worker) -> {
            double z = 0;
            for (int i = from; i < to; i++) {
                double phi0 = 0;
                double phi1 = 0;
                double phi2 = 0;
                double phi3 = 0;
                int nx = node[2 * i];
                int ny = node[2 * i + 1];
                for (int a = 0; a < NODES; a++) {
                    double wa = weight[6 * i + a];
                    int row = 2 * ((nx + a) * p + ny);
                    for (int b = 0; b < NODES; b++) {
                        double w = wa * weight[6 * i + 3 + b];
                        int at = row + 2 * b;
                        phi0 += w * packedA[at];
                        phi1 += w * packedA[at + 1];
                        phi2 += w * packedB[at];
                        phi3 += w * packedB[at + 1];
                    }
                }
                double cx = y[2 * i] - centre;
                double cy = y[2 * i + 1] - centre;
                z += (1 + cx * cx + cy * cy) * phi0 - 2 * (cx * phi1 + cy * phi2) + phi3;
                out[2 * i] = (float) (cx * phi0 - phi1);
                out[2 * i + 1] = (float) (cy * phi0 - phi2);
            }
            partialZ[worker] += z;
        });
        double z = 0;
        for (double v : partialZ) {
            z += v;
        }
        return z - n;
    }

    /** The squared Cauchy kernel between node offsets, laid out as the first column of a 2-D circulant. */
    private void fillKernel(int m, int p, double h) {
        java.util.Arrays.fill(kernelWork, 0, 2 * p * p, 0);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double dx = i * h;
                double dy = j * h;
                double w = 1 / (1 + dx * dx + dy * dy);
                double v = w * w;
                int ri = i;
                int rj = j;
                int mi = (p - i) % p;
                int mj = (p - j) % p;
                kernelWork[2 * (ri * p + rj)] = v;
                kernelWork[2 * (mi * p + rj)] = v;
                kernelWork[2 * (ri * p + mj)] = v;
                kernelWork[2 * (mi * p + mj)] = v;
            }
        }
    }

    private void ensureCapacity(int n, int m, int p) {
        if (node == null || node.length < 2 * n) {
            node = new int[2 * n];
            weight = new float[6 * n];
        }
        if (packedA == null || packedA.length < 2 * p * p) {
            charges = new double[pool.size()][4 * m * m];
            packedA = new double[2 * p * p];
            packedB = new double[2 * p * p];
            kernel = new double[p * p];
            kernelWork = new double[2 * p * p];
        } else if (charges[0].length < 4 * m * m) {
            charges = new double[pool.size()][4 * m * m];
        }
    }
}
