package org.convstudio.analysis.embed;

import java.util.Random;

/** Synthetic test data: well-separated Gaussian clusters. */
final class Clusters {

    final float[] data;
    final int[] labels;
    final int n;
    final int d;

    private Clusters(float[] data, int[] labels, int n, int d) {
        this.data = data;
        this.labels = labels;
        this.n = n;
        this.d = d;
    }

    /** {@code k} clusters of {@code per} points in {@code d} dimensions; centres 10 apart per axis, unit spread. */
    static Clusters gaussian(int k, int per, int d, long seed) {
        Random rnd = new Random(seed);
        float[][] centres = new float[k][d];
        for (float[] c : centres) {
            for (int a = 0; a < d; a++) {
                c[a] = (float) (rnd.nextGaussian() * 10);
            }
        }
        int n = k * per;
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % k;
            y[i] = c;
            for (int a = 0; a < d; a++) {
                x[i * d + a] = centres[c][a] + (float) rnd.nextGaussian();
            }
        }
        return new Clusters(x, y, n, d);
    }
}
