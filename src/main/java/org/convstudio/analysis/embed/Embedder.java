package org.convstudio.analysis.embed;

import java.util.function.BooleanSupplier;

/**
 * From high-dimensional rows to a scored 2-D map: PCA to at most {@value #PCA_DIMENSIONS} dimensions,
 * then either the first two components ({@link Method#PCA}) or t-SNE on the reduced data
 * ({@link Method#TSNE}): k = 3·perplexity neighbours (exact up to {@value #EXACT_KNN_MAX} points,
 * k-means cells searched above, see {@link NeighborSearch}), perplexity-calibrated affinities, and the optimiser, started from the PCA layout or
 * from a given previous layout (live mode). Every stage runs on the given {@link WorkerPool}.
 */
public final class Embedder {

    public static final int PCA_DIMENSIONS = 50;
    public static final int EXACT_KNN_MAX = 20_000;

    /** Plain iterations when continuing from a previous layout (live mode). */
    public static final int WARM_ITERATIONS = 300;

    public enum Method { TSNE, PCA }

    /**
     * Wall-clock seconds spent per stage (0 for stages not run); {@code tsneCpu}: process CPU seconds of
     * t-SNE's own stages (neighbours, affinities, optimisation); {@code phases}: the optimisation's steps;
     * {@code cpu}: process CPU seconds of each stage (all threads; on an idle machine a stage's wall time is
     * about its CPU time divided by the number of workers busy in it).
     */
    public record Timing(double pca, double neighbors, double affinities, double optimize, double quality,
                         double tsneCpu, Tsne.Phases phases, StageCpu cpu) {

        public Timing(double pca, double neighbors, double affinities, double optimize, double quality) {
            this(pca, neighbors, affinities, optimize, quality, 0, Tsne.Phases.NONE, StageCpu.NONE);
        }

        public double total() {
            return pca + neighbors + affinities + optimize + quality;
        }

        /** t-SNE's own time from the PCA input (neighbours, affinities, optimisation). */
        public double tsne() {
            return neighbors + affinities + optimize;
        }
    }

    /** Process CPU seconds per stage (all threads). */
    public record StageCpu(double pca, double neighbors, double affinities, double optimize, double quality) {
        public static final StageCpu NONE = new StageCpu(0, 0, 0, 0, 0);
    }

    /**
     * @param layout   x, y interleaved, one pair per input row
     * @param reduced  the PCA-reduced input ({@code points × reducedDimensions}) the map was made from
     */
    public record Result(float[] layout, int points, float[] reduced, int reducedDimensions, EmbeddingQuality quality,
                         Timing timing, int iterations, boolean cancelled) {
    }

    private final WorkerPool pool;

    public Embedder(WorkerPool pool) {
        this.pool = pool;
    }

    /**
     * Embeds the {@code n} rows of {@code data} ({@code n × d}). {@code labels} (nullable) are only used for the
     * scores; {@code warmStart} (nullable, x/y interleaved) continues from a previous layout of the same points.
     */
    public Result embed(float[] data, int n, int d, int[] labels, Method method, TsneOptions options, float[] warmStart,
                        EmbeddingListener listener, BooleanSupplier cancelled) {
        if (n < 3) {
            throw new IllegalArgumentException("an embedding needs at least 3 points, got " + n);
        }
        long t0 = System.nanoTime();
        long cpu0 = CpuClock.processNanos();
        int c = Math.min(Math.min(PCA_DIMENSIONS, d), n - 1);
        Pca pca = Pca.fit(data, n, d, c, pool);
        float[] reduced = pca.transform(data, n, c, pool);
        long t1 = System.nanoTime();
        long cpu1 = CpuClock.processNanos();
        if (method == Method.PCA) {
            float[] layout = new float[2 * n];
            for (int i = 0; i < n; i++) {
                layout[2 * i] = reduced[i * c];
                layout[2 * i + 1] = c > 1 ? reduced[i * c + 1] : 0f;
            }
            listener.onLayout(1, 1, layout.clone());
            EmbeddingQuality q = EmbeddingQuality.score(layout, n, labels, reduced, c, pool);
            long t2 = System.nanoTime();
            long cpu2 = CpuClock.processNanos();
            return new Result(layout, n, reduced, c, q, new Timing(sec(t0, t1), 0, 0, 0, sec(t1, t2), 0, Tsne.Phases.NONE,
                    new StageCpu(sec(cpu0, cpu1), 0, 0, 0, sec(cpu1, cpu2))), 1, false);
        }
        TsneOptions o = options;
        int k = o.neighbors(n);
        if (o.perplexity() >= k) {
            o = o.withPerplexity(Math.max(1, (k - 1) / 3.0));
        }
        KnnGraph knn = neighbors(reduced, n, c, k, o.neighborSearch(), cancelled);
        long t2 = System.nanoTime();
        long cpu2 = CpuClock.processNanos();
        if (cancelled.getAsBoolean()) {
            return new Result(new float[2 * n], n, reduced, c, null, new Timing(sec(t0, t1), sec(t1, t2), 0, 0, 0), 0, true);
        }
        // optimise in the search's local order (neighbours close in memory), hand layouts back in the caller's
        int[] order = knn.localOrder();
        Affinities p = Affinities.fromNeighbors(order != null ? knn.renumbered(order) : knn, o.perplexity(), pool);
        long t3 = System.nanoTime();
        long cpu3 = CpuClock.processNanos();
        float[] init;
        if (warmStart != null) {
            if (warmStart.length != 2 * n) {
                throw new IllegalArgumentException("the previous layout has " + warmStart.length / 2 + " points, the data "
                        + n);
            }
            init = warmStart;
            o = o.forWarmStart(WARM_ITERATIONS);
        } else {
            init = Tsne.pcaInitialization(reduced, n, c, o.seed());
        }
        EmbeddingListener publish = listener;
        if (order != null) {
            init = gather(init, order);
            publish = (iteration, total, layout) -> listener.onLayout(iteration, total, scatter(layout, order));
        }
        Tsne.Result r = new Tsne(pool).optimize(p, init, o, publish, cancelled);
        if (order != null) {
            r = new Tsne.Result(scatter(r.layout(), order), r.iterations(), r.cancelled(), r.phases());
        }
        long t4 = System.nanoTime();
        long cpu4 = CpuClock.processNanos();
        EmbeddingQuality q = r.cancelled() ? null : EmbeddingQuality.score(r.layout(), n, labels, reduced, c, pool);
        long t5 = System.nanoTime();
        long cpu5 = CpuClock.processNanos();
        StageCpu cpu = new StageCpu(sec(cpu0, cpu1), sec(cpu1, cpu2), sec(cpu2, cpu3), sec(cpu3, cpu4), sec(cpu4, cpu5));
        return new Result(r.layout(), n, reduced, c, q, new Timing(sec(t0, t1), sec(t1, t2), sec(t2, t3), sec(t3, t4),
                sec(t4, t5), (cpu4 - cpu1) / 1e9, r.phases(), cpu), r.iterations(), r.cancelled());
    }

    /** The k nearest neighbours by the chosen search ({@link NeighborSearch#AUTO}: exact up to {@value #EXACT_KNN_MAX} points). */
    public KnnGraph neighbors(float[] reduced, int n, int c, int k, NeighborSearch search, BooleanSupplier cancelled) {
        return switch (searchFor(n, search)) {
            case EXACT, AUTO -> ExactKnn.compute(reduced, n, c, k, pool, cancelled);
            case CELLS -> CellKnn.compute(reduced, n, c, k, pool, cancelled);
            case HNSW -> ApproximateKnn.compute(reduced, n, c, k, pool, cancelled);
        };
    }

    /** Layout in the local order: point s is {@code layout}'s point {@code order[s]}. */
    static float[] gather(float[] layout, int[] order) {
        float[] out = new float[layout.length];
        for (int s = 0; s < order.length; s++) {
            out[2 * s] = layout[2 * order[s]];
            out[2 * s + 1] = layout[2 * order[s] + 1];
        }
        return out;
    }

    /** Back from the local order: {@code layout}'s point s is point {@code order[s]}. */
    static float[] scatter(float[] layout, int[] order) {
        float[] out = new float[layout.length];
        for (int s = 0; s < order.length; s++) {
            out[2 * order[s]] = layout[2 * s];
            out[2 * order[s] + 1] = layout[2 * s + 1];
        }
        return out;
    }

    /** The search {@code search} means for {@code n} points ({@link NeighborSearch#AUTO} resolved). */
    public static NeighborSearch searchFor(int n, NeighborSearch search) {
        if (search != NeighborSearch.AUTO) {
            return search;
        }
        return n <= EXACT_KNN_MAX ? NeighborSearch.EXACT : NeighborSearch.CELLS;
    }

    private static double sec(long from, long to) {
        return (to - from) / 1e9;
    }
}
