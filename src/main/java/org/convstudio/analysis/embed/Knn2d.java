package org.convstudio.analysis.embed;

/**
 * Exact k nearest neighbours in a 2-D layout with a uniform grid of cells (about two points per cell):
 * each query scans rings of cells around its own until no unscanned cell can hold a closer point.
 * Near-linear time for the layouts t-SNE and PCA produce; split over the worker pool.
 */
public final class Knn2d {

    private Knn2d() {
    }

    public static KnnGraph compute(float[] xy, int n, int k, WorkerPool pool) {
        if (k >= n) {
            throw new IllegalArgumentException("asked for " + k + " neighbours among " + (n - 1) + " points");
        }
        float minX = Float.POSITIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, xy[2 * i]);
            maxX = Math.max(maxX, xy[2 * i]);
            minY = Math.min(minY, xy[2 * i + 1]);
            maxY = Math.max(maxY, xy[2 * i + 1]);
        }
        double span = Math.max(Math.max(maxX - minX, maxY - minY), 1e-9);
        int g = Math.max(1, (int) Math.sqrt(n / 2.0));
        double cell = span / g * 1.000001;
        int[] cellOf = new int[n];
        int[] start = new int[g * g + 1];
        for (int i = 0; i < n; i++) {
            int cx = Math.min(g - 1, (int) ((xy[2 * i] - minX) / cell));
            int cy = Math.min(g - 1, (int) ((xy[2 * i + 1] - minY) / cell));
            cellOf[i] = cx * g + cy;
            start[cellOf[i] + 1]++;
        }
        for (int c = 0; c < g * g; c++) {
            start[c + 1] += start[c];
        }
        int[] members = new int[n];
        int[] fill = java.util.Arrays.copyOf(start, g * g);
        for (int i = 0; i < n; i++) {
            members[fill[cellOf[i]]++] = i;
        }
        int[] index = new int[n * k];
        float[] dist = new float[n * k];
        float fminX = minX;
        float fminY = minY;
        pool.forRange(n, (from, to, worker) -> {
            int[] tmpI = new int[k];
            float[] tmpD = new float[k];
            for (int i = from; i < to; i++) {
                int h = i * k;
                java.util.Arrays.fill(dist, h, h + k, Float.POSITIVE_INFINITY);
                java.util.Arrays.fill(index, h, h + k, -1);
                float px = xy[2 * i];
                float py = xy[2 * i + 1];
                int cx = cellOf[i] / g;
                int cy = cellOf[i] % g;
                // distance from the point to the border of its own cell: rings beyond r are at least this + r·cell away
                double inX = Math.min(px - fminX - cx * cell, (cx + 1) * cell - (px - fminX));
                double inY = Math.min(py - fminY - cy * cell, (cy + 1) * cell - (py - fminY));
                double inside = Math.max(0, Math.min(inX, inY));
                for (int r = 0; r < g; r++) {
                    for (int ax = cx - r; ax <= cx + r; ax++) {
                        if (ax < 0 || ax >= g) {
                            continue;
                        }
                        boolean edgeX = ax == cx - r || ax == cx + r;
                        for (int ay = cy - r; ay <= cy + r; ay += edgeX ? 1 : 2 * r) {
                            if (ay >= 0 && ay < g) {
                                int c = ax * g + ay;
                                for (int e = start[c]; e < start[c + 1]; e++) {
                                    int j = members[e];
                                    if (j == i) {
                                        continue;
                                    }
                                    float dx = px - xy[2 * j];
                                    float dy = py - xy[2 * j + 1];
                                    float d2 = dx * dx + dy * dy;
                                    if (d2 < dist[h]) {
                                        ExactKnn.replaceTop(index, dist, h, k, j, d2);
                                    }
                                }
                            }
                            if (r == 0) {
                                break;
                            }
                        }
                    }
                    double reach = inside + r * cell;
                    if (dist[h] <= reach * reach) {
                        break;
                    }
                }
                ExactKnn.sortHeap(index, dist, h, k, tmpI, tmpD);
            }
        });
        return new KnnGraph(n, k, index, dist);
    }
}
