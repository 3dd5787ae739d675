package org.convstudio.cli;

import org.convstudio.analysis.embed.Embedder;
import org.convstudio.analysis.embed.KnnGraph;
import org.convstudio.analysis.embed.KnnRecall;
import org.convstudio.analysis.embed.TsneOptions;
import org.convstudio.analysis.embed.WorkerPool;

/**
 * {@code embed --knn-recall N}: repeats t-SNE's neighbour search on the PCA input the embedding used (the search
 * is deterministic) and measures its recall against exact neighbours on N sampled points, after the embedding
 * so that its timings are not affected.
 */
record KnnCheck(double recall, int samples, double seconds) {

    static KnnCheck measure(Embedder.Result r, TsneOptions options, int samples, long seed, WorkerPool pool) {
        long t0 = System.nanoTime();
        int n = r.points();
        int d = r.reducedDimensions();
        int k = options.neighbors(n);
        KnnGraph g = new Embedder(pool).neighbors(r.reduced(), n, d, k, options.neighborSearch(), () -> false);
        double recall = KnnRecall.sampled(g, r.reduced(), n, d, samples, seed, pool);
        return new KnnCheck(recall, Math.min(samples, n), (System.nanoTime() - t0) / 1e9);
    }
}
