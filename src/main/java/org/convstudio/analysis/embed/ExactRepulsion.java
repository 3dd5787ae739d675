package org.convstudio.analysis.embed;

/** The repulsive forces summed over all pairs, O(N²): the reference, and the faster path for small N. */
public final class ExactRepulsion implements Repulsion {

    private final WorkerPool pool;
    private final double[] partialZ;

    public ExactRepulsion(WorkerPool pool) {
        this.pool = pool;
        this.partialZ = new double[pool.size()];
    }

    @Override
    public double compute(float[] y, int n, float[] out) {
        java.util.Arrays.fill(partialZ, 0);
        pool.forRange(n, (from, to, worker) -> {
            double z = 0;
            for (int i = from; i < to; i++) {
                float xi = y[2 * i];
                float yi = y[2 * i + 1];
                double fx = 0;
                double fy = 0;
                double zi = 0;
                for (int j = 0; j < n; j++) {
                    float dx = xi - y[2 * j];
                    float dy = yi - y[2 * j + 1];
                    float w = 1f / (1f + dx * dx + dy * dy);
                    zi += w;
                    float w2 = w * w;
                    fx += w2 * dx;
                    fy += w2 * dy;
                }
                z += zi - 1.0; // j == i contributes w = 1
                out[2 * i] = (float) fx;
                out[2 * i + 1] = (float) fy;
            }
            partialZ[worker] += z;
        });
        double z = 0;
        for (double p : partialZ) {
            z += p;
        }
        return z;
    }
}
