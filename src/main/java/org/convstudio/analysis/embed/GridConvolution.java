package org.convstudio.analysis.embed;

import java.util.HashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The discrete convolution of four real charges on an {@code m × m} grid of interpolation nodes (spacing
 * {@code h}) with the squared Cauchy kernel {@code (1 + |Δ|²)⁻²} between all node pairs, by FFT on the
 * zero-padded {@code P × P} grid ({@code P ≥ 2m}, a power of two). The charges travel two per complex value
 * in two grids ({@code 0 + i·1} and {@code 2 + i·3}). The 2-D transforms are written as 1-D transforms
 * (JTransforms, whose power-of-two plans are read-only and shared by the workers) so that the zeros are skipped:
 * <ol>
 * <li>forward transforms of the {@code m} charge rows only (the other {@code P − m} rows are zero);</li>
 * <li>per block of four columns: forward column transforms, the product with the kernel's spectrum, and the
 *     inverse column transforms, while the columns sit in a worker's buffer (one pass over memory);</li>
 * <li>inverse transforms of the {@code m} rows whose potentials are needed.</li>
 * </ol>
 * That is {@code 3P} 1-D transforms per grid instead of {@code 4P} for a forward and an inverse 2-D
 * transform, and no full-size temporary. The kernel is real and even in both axes, so its spectrum is
 * real, even and symmetric: it is computed from the {@code (P/2 + 1)²} quadrant with two real sequences packed
 * per complex transform (about {@code P/2} 1-D transforms instead of {@code 2P}), stored as that quadrant, and
 * reused while {@code m}, {@code P} and {@code h} stay the same.
 *
 * <p>Buffers grow to the largest grid seen and are reused; nothing is allocated per call once warm.
 */
final class GridConvolution {

    private static final int BLOCK = 4; // columns per block: one 64-byte line of a row holds 4 complex doubles

    private final WorkerPool pool;
    private final Map<Integer, DoubleFFT_1D> plans = new HashMap<>();

    private double[] a;        // m rows × P complex (interleaved), the first grid
    private double[] b;        // the second grid
    private double[] spectrum; // the kernel's spectrum, quadrant (P/2 + 1)², real, scaled by 1/P²
    private double[] kernelRows; // (P/2 + 1) rows × P complex, work space for the spectrum
    private final double[][] columns;  // per worker: 2 grids × BLOCK columns × P complex
    private int lastM = -1;
    private int lastP = -1;
    private double lastH = Double.NaN;

    GridConvolution(WorkerPool pool) {
        this.pool = pool;
        this.columns = new double[pool.size()][];
    }

    /** The first grid: node (r, c), 0 ≤ r, c < m, at {@code [2 (r P + c)]} (charge 0) and {@code +1} (charge 1). */
    double[] first() {
        return a;
    }

    /** The second grid (charges 2 and 3), laid out as {@link #first()}. */
    double[] second() {
        return b;
    }

    /** Makes room for an {@code m × m} grid padded to {@code p}; call before filling {@link #first()} and {@link #second()}. */
    void prepare(int m, int p) {
        if (p < 2 * m || Integer.bitCount(p) != 1) {
            throw new IllegalArgumentException("the padded size " + p + " must be a power of two ≥ 2·" + m);
        }
        int need = 2 * m * p;
        if (a == null || a.length < need) {
            a = new double[need];
            b = new double[need];
        }
        int half = p / 2 + 1;
        if (spectrum == null || spectrum.length < half * half) {
            spectrum = new double[half * half];
            kernelRows = new double[half * 2 * p];
        }
        for (int w = 0; w < columns.length; w++) {
            if (columns[w] == null || columns[w].length < 2 * BLOCK * 2 * p) {
                columns[w] = new double[2 * BLOCK * 2 * p];
            }
        }
    }

    private DoubleFFT_1D plan(int p) {
        synchronized (plans) {
            return plans.computeIfAbsent(p, DoubleFFT_1D::new);
        }
    }

    /**
     * Replaces both grids (their first {@code m} nodes of each of the first {@code m} rows; the rest of each row
     * is overwritten) by their convolution with the kernel sampled at node spacing {@code h}.
     */
    void convolve(int m, int p, double h) {
        DoubleFFT_1D fft = plan(p);
        if (m != lastM || p != lastP || h != lastH) {
            kernelSpectrum(m, p, h, fft);
            lastM = m;
            lastP = p;
            lastH = h;
        }
        int rowLen = 2 * p;
        // 1. forward transforms of the charge rows (zero-padded)
        pool.forRange(2 * m, (from, to, worker) -> {
            for (int t = from; t < to; t++) {
                double[] g = t < m ? a : b;
                int off = (t % m) * rowLen;
                java.util.Arrays.fill(g, off + 2 * m, off + rowLen, 0);
                fft.complexForward(g, off);
            }
        });
        // 2. columns: forward, times the spectrum, inverse; rows ≥ m are zero going in and not needed coming out
        int half = p / 2 + 1;
        int blocks = p / BLOCK;
        double[] k = spectrum;
        pool.forRange(blocks, (from, to, worker) -> {
            double[] buf = columns[worker];
            for (int blk = from; blk < to; blk++) {
                int c0 = blk * BLOCK;
                for (int c = 0; c < 2 * BLOCK; c++) {
                    java.util.Arrays.fill(buf, c * rowLen + 2 * m, (c + 1) * rowLen, 0);
                }
                for (int r = 0; r < m; r++) {
                    int src = r * rowLen + 2 * c0;
                    for (int c = 0; c < BLOCK; c++) {
                        int dst = c * rowLen + 2 * r;
                        buf[dst] = a[src + 2 * c];
                        buf[dst + 1] = a[src + 2 * c + 1];
                        int dstB = (BLOCK + c) * rowLen + 2 * r;
                        buf[dstB] = b[src + 2 * c];
                        buf[dstB + 1] = b[src + 2 * c + 1];
                    }
                }
                for (int c = 0; c < 2 * BLOCK; c++) {
                    int off = c * rowLen;
                    fft.complexForward(buf, off);
                    int v = c0 + (c % BLOCK);
                    int kv = Math.min(v, p - v) * half; // the quadrant is symmetric: read along its row
                    for (int u = 0; u < p; u++) {
                        double s = k[kv + Math.min(u, p - u)];
                        buf[off + 2 * u] *= s;
                        buf[off + 2 * u + 1] *= s;
                    }
                    fft.complexInverse(buf, off, false);
                }
                for (int r = 0; r < m; r++) {
                    int dst = r * rowLen + 2 * c0;
                    for (int c = 0; c < BLOCK; c++) {
                        int src = c * rowLen + 2 * r;
                        a[dst + 2 * c] = buf[src];
                        a[dst + 2 * c + 1] = buf[src + 1];
                        int srcB = (BLOCK + c) * rowLen + 2 * r;
                        b[dst + 2 * c] = buf[srcB];
                        b[dst + 2 * c + 1] = buf[srcB + 1];
                    }
                }
            }
        });
        // 3. inverse transforms of the rows whose potentials are read
        pool.forRange(2 * m, (from, to, worker) -> {
            for (int t = from; t < to; t++) {
                double[] g = t < m ? a : b;
                fft.complexInverse(g, (t % m) * rowLen, false);
            }
        });
    }

    /**
     * The spectrum of the circulant embedding of {@code k(i, j) = (1 + (ih)² + (jh)²)⁻²} for {@code |i|, |j| < m}
     * on the {@code P × P} torus. Real and even, so only the quadrant {@code 0 ≤ u, v ≤ P/2} is computed: first
     * the transforms along j of rows i = 0..P/2 (two real even rows per complex transform: the transform of
     * {@code x + iy} is then {@code X + iY} with X, Y real), then along i of columns v = 0..P/2, again two at a time.
     */
    private void kernelSpectrum(int m, int p, double h, DoubleFFT_1D fft) {
        int half = p / 2 + 1;
        int rowLen = 2 * p;
        double[] rows = kernelRows;
        int pairs = (half + 1) / 2;
        pool.forRange(pairs, (from, to, worker) -> {
            for (int q = from; q < to; q++) {
                int off = q * rowLen;
                java.util.Arrays.fill(rows, off, off + rowLen, 0);
                for (int part = 0; part < 2; part++) {
                    int i = 2 * q + part;
                    if (i >= half || i >= m) {
                        continue; // rows at |i| ≥ m are zero
                    }
                    double di = i * h;
                    for (int j = 0; j < m; j++) {
                        double dj = j * h;
                        double w = 1 / (1 + di * di + dj * dj);
                        double v = w * w;
                        rows[off + 2 * j + part] = v;
                        if (j > 0) {
                            rows[off + 2 * (p - j) + part] = v;
                        }
                    }
                }
                fft.complexForward(rows, off);
            }
        });
        double[] k = spectrum;
        for (int i = 0; i < half; i++) { // row i's spectrum R(i, v), v = 0..P/2, row-major for now
            int off = (i / 2) * rowLen + (i % 2);
            for (int v = 0; v < half; v++) {
                k[i * half + v] = rows[off + 2 * v];
            }
        }
        int colPairs = (half + 1) / 2;
        pool.forRange(colPairs, (from, to, worker) -> {
            double[] buf = columns[worker];
            for (int q = from; q < to; q++) {
                java.util.Arrays.fill(buf, 0, rowLen, 0);
                for (int part = 0; part < 2; part++) {
                    int v = 2 * q + part;
                    if (v >= half) {
                        continue;
                    }
                    for (int i = 0; i < half; i++) {
                        double s = k[i * half + v];
                        buf[2 * i + part] = s;
                        if (i > 0 && i < p - i) {
                            buf[2 * (p - i) + part] = s;
                        }
                    }
                }
                fft.complexForward(buf, 0);
                for (int part = 0; part < 2; part++) {
                    int v = 2 * q + part;
                    if (v >= half) {
                        continue;
                    }
                    for (int u = 0; u < half; u++) {
                        rows[v * rowLen + 2 * u] = buf[2 * u + part]; // column v's spectrum, parked in the row work space
                    }
                }
            }
        });
        double scale = 1.0 / ((double) p * p); // the inverse transforms are left unscaled
        for (int v = 0; v < half; v++) {
            for (int u = 0; u < half; u++) {
                k[u * half + v] = rows[v * rowLen + 2 * u] * scale;
            }
        }
    }
}
