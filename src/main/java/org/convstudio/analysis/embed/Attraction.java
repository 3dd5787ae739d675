package org.convstudio.analysis.embed;

/**
 * The attractive half of the t-SNE gradient over the symmetric sparse P, each stored pair visited once: P's
 * upper triangle (j &gt; i) is kept in CSR form, a worker adds {@code p_ij w_ij (y_i − y_j)} to point i's sum
 * and subtracts it from point j's in its own force buffer, and a second pass adds the buffers up into the
 * gradient. Half the kernel evaluations and half the entries streamed per iteration, against one extra pass over
 * the points. Arrays are allocated once, at construction.
 */
final class Attraction {

    private final WorkerPool pool;
    private final int n;
    private final int[] start;
    private final int[] column;
    private final float[] value;
    private final float[][] forces; // per worker: x, y interleaved

    Attraction(Affinities p, WorkerPool pool) {
        this.pool = pool;
        this.n = p.points();
        int[] rs = p.rowStart();
        int[] col = p.column();
        float[] val = p.value();
        start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int e = rs[i]; e < rs[i + 1]; e++) {
                if (col[e] > i) {
                    c++;
                }
            }
            start[i + 1] = start[i] + c;
        }
        column = new int[start[n]];
        value = new float[start[n]];
        for (int i = 0; i < n; i++) {
            int at = start[i];
            for (int e = rs[i]; e < rs[i + 1]; e++) {
                if (col[e] > i) {
                    column[at] = col[e];
                    value[at++] = val[e];
                }
            }
        }
        forces = new float[pool.size()][2 * n];
    }

    /** grad_i = exaggeration · Σ_j p_ij w_ij (y_i − y_j) − invZ · rep_i. */
    void compute(float[] y, double exaggeration, float[] rep, double invZ, float[] grad) {
        pool.forRange(n, (from, to, worker) -> {
            float[] f = forces[worker];
            for (int i = from; i < to; i++) {
                float xi = y[2 * i];
                float yi = y[2 * i + 1];
                float fx = 0f;
                float fy = 0f;
                for (int e = start[i]; e < start[i + 1]; e++) {
                    int j = column[e];
                    float dx = xi - y[2 * j];
                    float dy = yi - y[2 * j + 1];
                    float w = value[e] / (1f + dx * dx + dy * dy);
                    float wx = w * dx;
                    float wy = w * dy;
                    fx += wx;
                    fy += wy;
                    f[2 * j] -= wx;
                    f[2 * j + 1] -= wy;
                }
                f[2 * i] += fx;
                f[2 * i + 1] += fy;
            }
        });
        float ex = (float) exaggeration;
        float iz = (float) invZ;
        int workers = forces.length;
        pool.forRange(2 * n, (from, to, worker) -> {
            for (int e = from; e < to; e++) {
                float s = 0f;
                for (int w = 0; w < workers; w++) {
                    s += forces[w][e];
                    forces[w][e] = 0f;
                }
                grad[e] = ex * s - iz * rep[e];
            }
        });
    }
}
