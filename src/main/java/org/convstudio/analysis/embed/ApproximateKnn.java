package org.convstudio.analysis.embed;

import com.github.jelmerk.knn.DistanceFunctions;
import com.github.jelmerk.knn.Item;
import com.github.jelmerk.knn.SearchResult;
import com.github.jelmerk.knn.hnsw.HnswIndex;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Approximate k nearest neighbours with a hierarchical navigable small-world graph (HNSW, hnswlib-core): the index
 * is built and queried on the worker pool. Kept for comparisons ({@link NeighborSearch#HNSW}, {@code embed --knn
 * hnsw}): on 70,000 PCA-50 rows at k = 90 it needs about 10× the CPU time of {@link CellKnn} for the same recall.
 * The recall against exact neighbours is checked by a test on a sample.
 */
public final class ApproximateKnn {

    /** Graph degree and search breadths (build, query): recall ≥ 0.95 on 50-d PCA data of MNIST digits. */
    static final int M = 16;
    static final int EF_CONSTRUCTION = 100;

    private ApproximateKnn() {
    }

    private record Point(Integer id, float[] vector) implements Item<Integer, float[]> {
        @Override
        public int dimensions() {
            return vector.length;
        }
    }

    public static KnnGraph compute(float[] data, int n, int d, int k, WorkerPool pool, BooleanSupplier cancelled) {
        if (k >= n) {
            throw new IllegalArgumentException("asked for " + k + " neighbours among " + (n - 1) + " points");
        }
        HnswIndex<Integer, float[], Point, Float> index = HnswIndex
                .newBuilder(d, DistanceFunctions.FLOAT_EUCLIDEAN_DISTANCE, n)
                .withM(M).withEfConstruction(EF_CONSTRUCTION).withEf(Math.max(2 * k, 64)).build();
        Point[] points = new Point[n];
        for (int i = 0; i < n; i++) {
            float[] v = new float[d];
            System.arraycopy(data, i * d, v, 0, d);
            points[i] = new Point(i, v);
        }
        pool.forRange(n, (from, to, worker) -> {
            for (int i = from; i < to; i++) {
                if ((i & 255) == 0 && cancelled.getAsBoolean()) {
                    return;
                }
                index.add(points[i]);
            }
        });
        int[] idx = new int[n * k];
        float[] dist = new float[n * k];
        pool.forRange(n, (from, to, worker) -> {
            for (int i = from; i < to; i++) {
                if ((i & 255) == 0 && cancelled.getAsBoolean()) {
                    return;
                }
                List<SearchResult<Point, Float>> found = index.findNearest(points[i].vector, k + 1);
                int r = 0;
                for (SearchResult<Point, Float> s : found) {
                    int j = s.item().id;
                    if (j == i || r == k) {
                        continue;
                    }
                    float e = s.distance();
                    idx[i * k + r] = j;
                    dist[i * k + r] = e * e;
                    r++;
                }
                for (; r < k; r++) { // a point with fewer results (tiny or degenerate data): repeat the last
                    idx[i * k + r] = r > 0 ? idx[i * k + r - 1] : (i + 1) % n;
                    dist[i * k + r] = r > 0 ? dist[i * k + r - 1] : Float.MAX_VALUE;
                }
            }
        });
        return new KnnGraph(n, k, idx, dist);
    }
}
