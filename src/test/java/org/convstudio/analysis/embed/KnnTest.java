package org.convstudio.analysis.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class KnnTest {

    static final WorkerPool POOL = new WorkerPool(2);

    @AfterAll
    static void close() {
        POOL.close();
    }

    /** Naive O(N²) neighbours in double precision. */
    static int[] naive(float[] x, int n, int d, int k) {
        int[] out = new int[n * k];
        for (int i = 0; i < n; i++) {
            Integer[] order = new Integer[n];
            double[] dist = new double[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
                double s = 0;
                for (int a = 0; a < d; a++) {
                    double t = x[i * d + a] - x[j * d + a];
                    s += t * t;
                }
                dist[j] = j == i ? Double.POSITIVE_INFINITY : s;
            }
            java.util.Arrays.sort(order, (p, q) -> Double.compare(dist[p], dist[q]));
            for (int r = 0; r < k; r++) {
                out[i * k + r] = order[r];
            }
        }
        return out;
    }

    static float[] random(int n, int d, long seed) {
        Random rnd = new Random(seed);
        float[] x = new float[n * d];
        for (int e = 0; e < x.length; e++) {
            x[e] = (float) rnd.nextGaussian();
        }
        return x;
    }

    @Test
    void blockedExactNeighboursEqualNaiveOnes() {
        int n = 700; // more than one reference block
        int d = 7;
        float[] x = random(n, d, 1);
        KnnGraph g = ExactKnn.compute(x, n, d, 10, POOL, () -> false);
        assertEquals(1.0, g.recallAgainst(new KnnGraph(n, 10, naive(x, n, d, 10), new float[n * 10])), 1e-3);
        for (int i = 0; i < n; i++) {
            for (int r = 1; r < 10; r++) {
                assertTrue(g.distance2()[i * 10 + r] >= g.distance2()[i * 10 + r - 1], "sorted nearest first");
            }
        }
    }

    @Test
    void gridNeighboursIn2dEqualNaiveOnes() {
        int n = 2000;
        float[] x = random(n, 2, 2);
        for (int i = 0; i < n / 2; i++) {
            x[2 * i] *= 20; // an elongated, uneven layout
        }
        KnnGraph g = Knn2d.compute(x, n, 6, POOL);
        int[] ref = naive(x, n, 2, 6);
        assertArrayEquals(ref, g.index());
    }

    @Test
    void approximateNeighboursRecallAtLeast95Percent() {
        Clusters c = Clusters.gaussian(10, 300, 50, 7);
        int k = 90;
        KnnGraph exact = ExactKnn.compute(c.data, c.n, c.d, k, POOL, () -> false);
        KnnGraph approx = ApproximateKnn.compute(c.data, c.n, c.d, k, POOL, () -> false);
        double recall = approx.recallAgainst(exact);
        assertTrue(recall >= 0.95, "HNSW recall " + recall);
        // distances are squared Euclidean like the exact ones
        assertEquals(exact.distance2()[0], approx.distance2()[0], 1e-3 * exact.distance2()[0]);
    }

    @Test
    void cellSearchProbingEveryCellFindsTheExactNeighbours() {
        int n = 900;
        int d = 13;
        float[] x = random(n, d, 3);
        int cells = (int) Math.round(Math.sqrt(n));
        KnnGraph g = CellKnn.compute(x, n, d, 12, cells, 5, POOL, () -> false);
        assertEquals(1.0, g.recallAgainst(new KnnGraph(n, 12, naive(x, n, d, 12), new float[n * 12])), 1e-3);
        KnnGraph exact = ExactKnn.compute(x, n, d, 12, POOL, () -> false);
        for (int e = 0; e < n * 12; e++) {
            assertEquals(exact.distance2()[e], g.distance2()[e], 1e-4f * (1 + exact.distance2()[e]));
        }
    }

    @Test
    void cellSearchRecallAtLeast95PercentWithTheDefaultProbes() {
        Clusters c = Clusters.gaussian(10, 600, 50, 7);
        int k = 90;
        KnnGraph exact = ExactKnn.compute(c.data, c.n, c.d, k, POOL, () -> false);
        KnnGraph cells = CellKnn.compute(c.data, c.n, c.d, k, POOL, () -> false);
        double recall = cells.recallAgainst(exact);
        assertTrue(recall >= 0.95, "cell search recall " + recall);
        // the sampled estimate agrees with the full count
        assertEquals(recall, KnnRecall.sampled(cells, c.data, c.n, c.d, 500, 3, POOL), 0.02);
        assertEquals(1.0, KnnRecall.sampled(exact, c.data, c.n, c.d, 500, 3, POOL), 1e-9);
    }

    @Test
    void cellSearchWithFewProbesLosesRecallAndTheSampledRecallSeesIt() {
        Clusters c = Clusters.gaussian(10, 300, 20, 9);
        KnnGraph exact = ExactKnn.compute(c.data, c.n, c.d, 30, POOL, () -> false);
        KnnGraph one = CellKnn.compute(c.data, c.n, c.d, 30, 1, 5, POOL, () -> false);
        double recall = one.recallAgainst(exact);
        assertTrue(recall < 0.99, "one probed cell of " + Math.round(Math.sqrt(c.n)) + " should miss neighbours: " + recall);
        assertEquals(recall, KnnRecall.sampled(one, c.data, c.n, c.d, c.n, 3, POOL), 1e-9);
    }

    @Test
    void dotKernelMatchesPlainSums() {
        Random rnd = new Random(4);
        for (int d : new int[] {1, 2, 3, 5, 6, 7, 50}) {
            int len = 37;
            float[] q = new float[d + 3];
            float[] points = new float[(len + 2) * d];
            for (int e = 0; e < q.length; e++) {
                q[e] = (float) rnd.nextGaussian();
            }
            for (int e = 0; e < points.length; e++) {
                points[e] = (float) rnd.nextGaussian();
            }
            float[][] rows = DotKernel.transpose(points, d, 2, len, null);
            float[] acc = new float[len];
            DotKernel.dots(q, 3, d, rows, len, acc);
            for (int r = 0; r < len; r++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    s += q[3 + a] * points[(2 + r) * d + a];
                }
                assertEquals(s, acc[r], 1e-4 * (1 + Math.abs(s)), "d=" + d + " r=" + r);
            }
        }
    }

    @Test
    void exactRepulsionMatchesDoublePrecisionSums() {
        int n = 700; // two full tiles and a partial one
        float[] y = random(n, 2, 8);
        for (int e = 0; e < y.length; e++) {
            y[e] *= 15;
        }
        float[] out = new float[2 * n];
        double z = new ExactRepulsion(POOL).compute(y, n, out);
        double zRef = 0;
        for (int i = 0; i < n; i++) {
            double fx = 0;
            double fy = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                double w = 1 / (1 + dx * dx + dy * dy);
                zRef += w;
                fx += w * w * dx;
                fy += w * w * dy;
            }
            assertEquals(fx, out[2 * i], 1e-4 * (1e-3 + Math.abs(fx)) + 1e-6, "x force of point " + i);
            assertEquals(fy, out[2 * i + 1], 1e-4 * (1e-3 + Math.abs(fy)) + 1e-6, "y force of point " + i);
        }
        assertEquals(zRef, z, 1e-5 * zRef);
    }
}
