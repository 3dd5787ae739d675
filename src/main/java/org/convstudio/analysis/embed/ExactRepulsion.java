package org.convstudio.analysis.embed;

/**
 * The repulsive forces summed over all pairs, O(N²): the reference, and the faster path for small N (live mode's
 * 2,000 points). The layout is split into x and y arrays; each worker takes tiles of target points and, for one
 * source point at a time, updates the whole tile's sums — a loop without a reduction over arrays that all start
 * at the tile (copied), which the JIT vectorises (see {@link DotKernel}). Sums are float per tile (at most N terms of magnitude ≤ 1), Z in double. Buffers are allocated
 * once per size, not per call.
 */
public final class ExactRepulsion implements Repulsion {

    private static final int TILE = 256;

    private final WorkerPool pool;
    private final double[] partialZ;
    private final float[][] sumX; // per worker: the sums of one tile
    private final float[][] sumY;
    private final float[][] sumW;
    private final float[][] tileX; // per worker: the tile's coordinates, copied so every array starts at the tile
    private final float[][] tileY;
    private float[] xs = new float[0];
    private float[] ys = new float[0];

    public ExactRepulsion(WorkerPool pool) {
        this.pool = pool;
        this.partialZ = new double[pool.size()];
        this.sumX = new float[pool.size()][TILE];
        this.sumY = new float[pool.size()][TILE];
        this.sumW = new float[pool.size()][TILE];
        this.tileX = new float[pool.size()][TILE];
        this.tileY = new float[pool.size()][TILE];
    }

    @Override
    public double compute(float[] y, int n, float[] out) {
        if (xs.length < n) {
            xs = new float[n];
            ys = new float[n];
        }
        float[] px = xs;
        float[] py = ys;
        for (int i = 0; i < n; i++) {
            px[i] = y[2 * i];
            py[i] = y[2 * i + 1];
        }
        java.util.Arrays.fill(partialZ, 0);
        int tilesCount = (n + TILE - 1) / TILE;
        pool.forRange(tilesCount, (from, to, worker) -> {
            float[] sx = sumX[worker];
            float[] sy = sumY[worker];
            float[] sw = sumW[worker];
            float[] tx = tileX[worker];
            float[] ty = tileY[worker];
            double z = 0;
            for (int tile = from; tile < to; tile++) {
                int i0 = tile * TILE;
                int len = Math.min(TILE, n - i0);
                java.util.Arrays.fill(sx, 0f);
                java.util.Arrays.fill(sy, 0f);
                java.util.Arrays.fill(sw, 0f);
                System.arraycopy(px, i0, tx, 0, len);
                System.arraycopy(py, i0, ty, 0, len);
                for (int j = 0; j < n; j++) {
                    float xj = px[j];
                    float yj = py[j];
                    for (int r = 0; r < len; r++) {
                        float dx = tx[r] - xj;
                        float dy = ty[r] - yj;
                        float w = 1f / (1f + dx * dx + dy * dy);
                        float w2 = w * w;
                        sx[r] += w2 * dx;
                        sy[r] += w2 * dy;
                        sw[r] += w;
                    }
                }
                for (int r = 0; r < len; r++) {
                    out[2 * (i0 + r)] = sx[r];
                    out[2 * (i0 + r) + 1] = sy[r];
                    z += sw[r] - 1.0; // j == i contributes w = 1
                }
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
