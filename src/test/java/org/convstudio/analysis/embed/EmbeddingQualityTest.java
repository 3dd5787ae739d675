package org.convstudio.analysis.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class EmbeddingQualityTest {

    static final WorkerPool POOL = new WorkerPool(2);

    @AfterAll
    static void close() {
        POOL.close();
    }

    /** Venna & Kaski's definition, written the slow way (full ranking per point). */
    static double naiveTrustworthiness(float[] low, float[] high, int n, int d, int k) {
        int[] lowNbr = KnnTest.naive(low, n, 2, k);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double[] dist = new double[n];
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
                double s = 0;
                for (int a = 0; a < d; a++) {
                    double t = high[i * d + a] - high[j * d + a];
                    s += t * t;
                }
                dist[j] = j == i ? -1 : s;
            }
            java.util.Arrays.sort(order, (p, q) -> Double.compare(dist[p], dist[q]));
            int[] rank = new int[n];
            for (int r = 0; r < n; r++) {
                rank[order[r]] = r; // the point itself has rank 0, its nearest neighbour 1
            }
            for (int r = 0; r < k; r++) {
                sum += Math.max(0, rank[lowNbr[i * k + r]] - k);
            }
        }
        return 1 - 2.0 / (n * k * (2.0 * n - 3.0 * k - 1)) * sum;
    }

    @Test
    void trustworthinessMatchesTheDefinition() {
        int n = 300;
        int d = 5;
        Random rnd = new Random(9);
        float[] high = new float[n * d];
        for (int e = 0; e < high.length; e++) {
            high[e] = (float) rnd.nextGaussian();
        }
        float[] low = new float[2 * n];
        for (int i = 0; i < n; i++) { // a lossy projection with noise
            low[2 * i] = high[i * d] + 0.3f * (float) rnd.nextGaussian();
            low[2 * i + 1] = high[i * d + 1];
        }
        double t = EmbeddingQuality.trustworthiness(low, high, n, d, 1, POOL);
        assertEquals(naiveTrustworthiness(low, high, n, d, 12), t, 1e-9);
    }

    @Test
    void hitAndAccuracyOfAHandMadeLayout() {
        // two tight groups of 10 far apart; one point of label 1 placed inside group 0
        int n = 20;
        float[] xy = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i < 10 ? 0 : 1;
            xy[2 * i] = (i < 10 ? 0 : 100) + (i % 10);
            xy[2 * i + 1] = 0;
        }
        xy[2 * 19] = 4.5f; // the odd one, between points 4 and 5 of group 0
        KnnGraph g = Knn2d.compute(xy, n, 6, POOL);
        double hit = EmbeddingQuality.neighborhoodHit(g, labels);
        double acc = EmbeddingQuality.knnAccuracy(g, labels);
        assertEquals(19 / 20.0, acc, 1e-12, "only the misplaced point is misclassified");
        // the odd point has 0/6 same-label neighbours; group-0 points near it lose one each
        int lost = 0;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < 6; r++) {
                if (labels[g.index()[i * 6 + r]] != labels[i]) {
                    lost++;
                }
            }
        }
        assertEquals(1 - lost / 120.0, hit, 1e-12);
        assertEquals(true, lost >= 6 + 6, "the odd point and its six neighbours each count a miss");
    }
}
