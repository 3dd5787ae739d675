package org.convstudio.analysis.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The FFT convolution of node charges against the direct double sum over all node pairs. */
class GridConvolutionTest {

    static final WorkerPool POOL = new WorkerPool(2);

    @AfterAll
    static void close() {
        POOL.close();
    }

    @Test
    void matchesTheDirectSumForSeveralGridsAndSpacings() {
        GridConvolution conv = new GridConvolution(POOL);
        Random rnd = new Random(5);
        int[][] shapes = {{9, 32}, {16, 32}, {21, 64}, {12, 64}};
        for (int[] s : shapes) {
            int m = s[0];
            int p = s[1];
            for (double h : new double[] {0.2, 0.7, 0.7, 1.9}) { // 0.7 twice: the second call reuses the spectrum
                conv.prepare(m, p);
                double[][] q = new double[4][m * m];
                for (int c = 0; c < 4; c++) {
                    for (int e = 0; e < m * m; e++) {
                        q[c][e] = rnd.nextDouble() - 0.3;
                    }
                }
                for (int r = 0; r < m; r++) {
                    for (int c = 0; c < m; c++) {
                        int at = 2 * (r * p + c);
                        conv.first()[at] = q[0][r * m + c];
                        conv.first()[at + 1] = q[1][r * m + c];
                        conv.second()[at] = q[2][r * m + c];
                        conv.second()[at + 1] = q[3][r * m + c];
                    }
                }
                conv.convolve(m, p, h);
                for (int r = 0; r < m; r++) {
                    for (int c = 0; c < m; c++) {
                        double[] want = new double[4];
                        for (int r2 = 0; r2 < m; r2++) {
                            for (int c2 = 0; c2 < m; c2++) {
                                double dx = (r - r2) * h;
                                double dy = (c - c2) * h;
                                double w = 1 / (1 + dx * dx + dy * dy);
                                for (int k = 0; k < 4; k++) {
                                    want[k] += w * w * q[k][r2 * m + c2];
                                }
                            }
                        }
                        int at = 2 * (r * p + c);
                        String where = "m=" + m + " P=" + p + " h=" + h + " node (" + r + "," + c + ")";
                        assertEquals(want[0], conv.first()[at], 1e-9, where);
                        assertEquals(want[1], conv.first()[at + 1], 1e-9, where);
                        assertEquals(want[2], conv.second()[at], 1e-9, where);
                        assertEquals(want[3], conv.second()[at + 1], 1e-9, where);
                    }
                }
            }
        }
    }
}
