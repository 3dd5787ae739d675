package org.convstudio.analysis.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The FFT-interpolated repulsion against the exact O(N²) sums. Stated tolerances (relative errors,
 * Euclidean norm over all points): on a dense layout (boxes 0.2 wide) the gradient within 1e-3 and Z
 * within 1e-5; on wide, sparse layouts (boxes 0.5–0.9 wide, 3,000 points over a span of 60–150) the
 * repulsive forces within 5e-2 and Z within 1e-2. (On a real 10,000-point MNIST layout, span 140,
 * 170 boxes: 2.1e-2 and 2.3e-3.)
 */
class FftGradientTest {

    static final WorkerPool POOL = new WorkerPool(2);

    @AfterAll
    static void close() {
        POOL.close();
    }

    static float[] layout(int n, double spread, long seed) {
        Random rnd = new Random(seed);
        float[] y = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double cx = (i % 4) * spread / 3;
            y[2 * i] = (float) (cx + rnd.nextGaussian() * spread / 8);
            y[2 * i + 1] = (float) (rnd.nextGaussian() * spread / 5);
        }
        return y;
    }

    static double relativeError(float[] a, float[] b) {
        double num = 0;
        double den = 0;
        for (int e = 0; e < a.length; e++) {
            num += (a[e] - b[e]) * (double) (a[e] - b[e]);
            den += (double) b[e] * b[e];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void fftGradientMatchesTheExactGradientOnADenseLayout() {
        Clusters c = Clusters.gaussian(4, 150, 10, 5);
        KnnGraph knn = ExactKnn.compute(c.data, c.n, c.d, 90, POOL, () -> false);
        Affinities p = Affinities.fromNeighbors(knn, 30, POOL);
        float[] y = layout(c.n, 5, 11);
        float[] exact = Tsne.gradient(p, y, 1, new ExactRepulsion(POOL), POOL);
        FftRepulsion fft = new FftRepulsion(POOL);
        float[] approx = Tsne.gradient(p, y, 1, fft, POOL);
        double err = relativeError(approx, exact);
        assertTrue(err < 1e-3, "relative gradient error " + err + " (" + fft.lastBoxes() + " boxes)");
        float[] r1 = new float[2 * c.n];
        float[] r2 = new float[2 * c.n];
        double z1 = new ExactRepulsion(POOL).compute(y, c.n, r1);
        double z2 = new FftRepulsion(POOL).compute(y, c.n, r2);
        assertEquals(z1, z2, 1e-5 * z1, "Z");
    }

    @Test
    void repulsionStaysCloseOnWideLayouts() {
        int n = 3000;
        for (double spread : new double[] {30, 80}) {
            float[] y = layout(n, spread, 13);
            float[] exact = new float[2 * n];
            float[] approx = new float[2 * n];
            double z1 = new ExactRepulsion(POOL).compute(y, n, exact);
            FftRepulsion fft = new FftRepulsion(POOL, 3, 1024, 1.0); // boxes ≤ 1 wide (the default cap 512 widens them)
            double z2 = fft.compute(y, n, approx);
            double err = relativeError(approx, exact);
            assertTrue(err < 5e-2, "spread " + spread + ": relative repulsion error " + err + " (" + fft.lastBoxes() + " boxes)");
            assertEquals(z1, z2, 1e-2 * z1, "Z at spread " + spread);
        }
    }

    @Test
    void theGridGrowsWithTheSpanUpToItsCap() {
        assertEquals(256, FftRepulsion.paddedSize(1e-3, 3, 1024, 1), "at least 40 boxes: 256² holds 42");
        assertEquals(512, FftRepulsion.paddedSize(60, 3, 1024, 1));
        assertEquals(1024, FftRepulsion.paddedSize(140, 3, 1024, 1));
        assertEquals(1024, FftRepulsion.paddedSize(400, 3, 1024, 1), "capped");
        assertEquals(2048, FftRepulsion.paddedSize(300, 3, 2048, 1));
        assertEquals(512, FftRepulsion.paddedSize(140, 3, 1024, 2), "wider boxes, smaller grid");
    }
}
