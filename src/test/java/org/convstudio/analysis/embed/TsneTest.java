package org.convstudio.analysis.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TsneTest {

    static final WorkerPool POOL = new WorkerPool(2);

    @AfterAll
    static void close() {
        POOL.close();
    }

    @Test
    void recoversWellSeparatedClustersOnBothRepulsionPaths() {
        Clusters c = Clusters.gaussian(6, 100, 30, 1);
        Embedder embedder = new Embedder(POOL);
        for (int exactBelow : new int[] {Integer.MAX_VALUE, -1}) {
            TsneOptions o = TsneOptions.defaults().withExactBelow(exactBelow).withIterations(100, 250); // shortened: fast test
            Embedder.Result r = embedder.embed(c.data, c.n, c.d, c.labels, Embedder.Method.TSNE, o, null,
                    EmbeddingListener.NONE, () -> false);
            assertFalse(r.cancelled());
            assertEquals(350, r.iterations());
            String path = exactBelow < 0 ? "FFT" : "exact";
            assertTrue(r.quality().neighborhoodHit() >= 0.99, path + ": neighbourhood hit " + r.quality().neighborhoodHit());
            assertTrue(r.quality().trustworthiness() > 0.95, path + ": trustworthiness " + r.quality().trustworthiness());
        }
    }

    @Test
    void cancellationStopsWithinOneIteration() {
        Clusters c = Clusters.gaussian(3, 100, 10, 2);
        KnnGraph knn = ExactKnn.compute(c.data, c.n, c.d, 30, POOL, () -> false);
        Affinities p = Affinities.fromNeighbors(knn, 10, POOL);
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicInteger published = new AtomicInteger();
        AtomicInteger checks = new AtomicInteger();
        int cancelAt = 7;
        TsneOptions o = TsneOptions.defaults().withPerplexity(10).withPublishEvery(1);
        Tsne.Result r = new Tsne(POOL).optimize(p, Tsne.pcaInitialization(c.data, c.n, c.d, 1), o,
                (iteration, total, layout) -> {
                    published.incrementAndGet();
                    if (iteration == cancelAt) {
                        cancel.set(true); // e.g. a new request arrived while iteration 7 was published
                    }
                }, () -> {
                    checks.incrementAndGet();
                    return cancel.get();
                });
        assertTrue(r.cancelled());
        assertEquals(cancelAt, r.iterations(), "no iteration after the one during which cancel was requested");
        assertEquals(cancelAt, published.get());
        assertEquals(cancelAt + 1, checks.get(), "the flag is read before every iteration");
    }

    @Test
    void theCellSearchPathOptimisesInItsOwnOrderAndHandsBackTheCallers() {
        Clusters c = Clusters.gaussian(6, 100, 30, 2); // labels interleaved: a wrong numbering would scramble the hit
        Embedder embedder = new Embedder(POOL);
        TsneOptions o = TsneOptions.defaults().withNeighborSearch(NeighborSearch.CELLS).withIterations(100, 250);
        float[][] published = new float[1][];
        Embedder.Result r = embedder.embed(c.data, c.n, c.d, c.labels, Embedder.Method.TSNE, o, null,
                (it, total, layout) -> published[0] = layout, () -> false);
        assertTrue(r.quality().neighborhoodHit() >= 0.99, "neighbourhood hit " + r.quality().neighborhoodHit());
        assertArrayEquals(r.layout(), published[0], "the last published layout is the result, in the caller's order");
        Embedder.Result again = embedder.embed(c.data, c.n, c.d, c.labels, Embedder.Method.TSNE, o, r.layout(),
                EmbeddingListener.NONE, () -> false);
        double moved = 0;
        double size = 0;
        for (int e = 0; e < r.layout().length; e++) {
            moved += Math.abs(again.layout()[e] - r.layout()[e]);
            size += Math.abs(r.layout()[e]);
        }
        assertTrue(moved / size < 0.5, "a warm start continues from the given layout: displacement " + moved / size);
    }

    @Test
    void warmStartKeepsTheLayoutAndItsQuality() {
        Clusters c = Clusters.gaussian(5, 80, 20, 3);
        Embedder embedder = new Embedder(POOL);
        Embedder.Result first = embedder.embed(c.data, c.n, c.d, c.labels, Embedder.Method.TSNE, TsneOptions.defaults(),
                null, EmbeddingListener.NONE, () -> false);
        AtomicInteger layouts = new AtomicInteger();
        Embedder.Result again = embedder.embed(c.data, c.n, c.d, c.labels, Embedder.Method.TSNE, TsneOptions.defaults(),
                first.layout(), (it, total, layout) -> layouts.incrementAndGet(), () -> false);
        assertEquals(Embedder.WARM_ITERATIONS, again.iterations());
        assertEquals(Embedder.WARM_ITERATIONS / 10, layouts.get(), "published every 10 iterations");
        assertTrue(again.quality().neighborhoodHit() >= 0.99);
        // continuing from a converged layout moves points little compared with the layout's size
        double moved = 0;
        double size = 0;
        for (int e = 0; e < first.layout().length; e++) {
            moved += Math.abs(again.layout()[e] - first.layout()[e]);
            size += Math.abs(first.layout()[e]);
        }
        assertTrue(moved / size < 0.5, "mean displacement / mean coordinate = " + moved / size);
    }

    @Test
    void affinitiesAreSymmetricAndSumToOne() {
        Clusters c = Clusters.gaussian(3, 50, 5, 4);
        KnnGraph knn = ExactKnn.compute(c.data, c.n, c.d, 15, POOL, () -> false);
        Affinities p = Affinities.fromNeighbors(knn, 5, POOL);
        double sum = 0;
        java.util.Map<Long, Float> entries = new java.util.HashMap<>();
        for (int i = 0; i < p.points(); i++) {
            for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                sum += p.value()[e];
                entries.put((long) i * p.points() + p.column()[e], p.value()[e]);
                assertTrue(p.column()[e] != i, "no self-affinity");
            }
        }
        assertEquals(1.0, sum, 1e-5);
        for (var en : entries.entrySet()) {
            long i = en.getKey() / p.points();
            long j = en.getKey() % p.points();
            assertEquals(en.getValue(), entries.get(j * p.points() + i), 1e-9f, "p_ij = p_ji");
        }
        // each row's conditional distribution has the requested perplexity
        double[] w = new double[15];
        Affinities.calibrateRow(knn.distance2(), 0, 15, Math.log(5), w);
        double h = 0;
        for (double v : w) {
            h -= v > 0 ? v * Math.log(v) : 0;
        }
        assertEquals(5, Math.exp(h), 1e-3);
    }
}
