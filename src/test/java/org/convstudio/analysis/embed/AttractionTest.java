package org.convstudio.analysis.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The pairwise attraction (each stored pair once, per-worker buffers) against plain sums over P's full rows. */
class AttractionTest {

    static final WorkerPool POOL = new WorkerPool(2);

    @AfterAll
    static void close() {
        POOL.close();
    }

    @Test
    void matchesTheSumsOverFullRows() {
        int n = 900;
        float[] x = KnnTest.random(n, 5, 11);
        Affinities p = Affinities.fromNeighbors(ExactKnn.compute(x, n, 5, 15, POOL, () -> false), 5, POOL);
        float[] y = KnnTest.random(n, 2, 12);
        for (int e = 0; e < y.length; e++) {
            y[e] *= 10;
        }
        float[] rep = KnnTest.random(n, 2, 13);
        Attraction a = new Attraction(p, POOL);
        float[] grad = new float[2 * n];
        for (int call = 0; call < 2; call++) { // the buffers are cleared between calls
            a.compute(y, 12, rep, 0.25, grad);
            for (int i = 0; i < n; i++) {
                double fx = 0;
                double fy = 0;
                for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                    int j = p.column()[e];
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    double w = p.value()[e] / (1 + dx * dx + dy * dy);
                    fx += w * dx;
                    fy += w * dy;
                }
                double gx = 12 * fx - 0.25 * rep[2 * i];
                double gy = 12 * fy - 0.25 * rep[2 * i + 1];
                assertEquals(gx, grad[2 * i], 1e-4 * (1 + Math.abs(gx)), "x of point " + i + ", call " + call);
                assertEquals(gy, grad[2 * i + 1], 1e-4 * (1 + Math.abs(gy)), "y of point " + i + ", call " + call);
            }
        }
    }
}
