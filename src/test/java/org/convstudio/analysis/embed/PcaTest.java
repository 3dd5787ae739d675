package org.convstudio.analysis.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** PCA against a reference decomposition: the SVD of the centred data matrix (a different algorithm). */
class PcaTest {

    static final WorkerPool POOL = new WorkerPool(2);

    @AfterAll
    static void close() {
        POOL.close();
    }

    @Test
    void matchesTheSingularValueDecompositionOfTheCentredData() {
        int n = 400;
        int d = 12;
        Random rnd = new Random(3);
        float[] x = new float[n * d];
        // correlated data with distinct variances, some exact zeros (as in images)
        for (int i = 0; i < n; i++) {
            double z1 = rnd.nextGaussian() * 5;
            double z2 = rnd.nextGaussian() * 2;
            for (int a = 0; a < d; a++) {
                double v = z1 * Math.cos(a) + z2 * Math.sin(0.7 * a) + rnd.nextGaussian() * 0.3 + a;
                x[i * d + a] = a == 5 && i % 3 == 0 ? 0f : (float) v;
            }
        }
        Pca pca = Pca.fit(x, n, d, 4, POOL);

        DMatrixRMaj centred = new DMatrixRMaj(n, d);
        for (int a = 0; a < d; a++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * d + a];
            }
            mean /= n;
            assertEquals(mean, pca.mean()[a], 1e-4, "mean of column " + a);
            for (int i = 0; i < n; i++) {
                centred.set(i, a, x[i * d + a] - mean);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, true, false);
        assertTrue(svd.decompose(centred));
        double[] sv = svd.getSingularValues();
        DMatrixRMaj vt = svd.getV(null, true);
        Integer[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        java.util.Arrays.sort(order, (p, q) -> Double.compare(sv[q], sv[p]));
        for (int r = 0; r < 4; r++) {
            double refVar = sv[order[r]] * sv[order[r]] / (n - 1);
            assertEquals(refVar, pca.variance()[r], 1e-5 * refVar, "variance of component " + r);
            double dot = 0;
            for (int a = 0; a < d; a++) {
                dot += vt.get(order[r], a) * pca.components()[r * d + a];
            }
            assertEquals(1.0, Math.abs(dot), 1e-5, "component " + r + " parallel to the SVD's");
        }
        // projections: the first coordinate's variance is the first eigenvalue
        float[] y = pca.transform(x, n, 2, POOL);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) y[2 * i] * y[2 * i];
        }
        assertEquals(pca.variance()[0], s / (n - 1), 1e-3 * pca.variance()[0]);
    }
}
