package org.convstudio.analysis.embed;

/**
 * Settings of one t-SNE optimisation, defaults after openTSNE: perplexity 30, early exaggeration 12 for
 * 250 iterations then 500 iterations without, momentum 0.5 then 0.8, learning rate "auto"
 * ({@code N / exaggeration}: N/12 during early exaggeration, at least 200), the exact O(N²) repulsion
 * below {@code exactBelow} points, above that whichever of exact and FFT interpolation costs less for the
 * current layout ({@code Integer.MAX_VALUE}: always exact, negative: always FFT), the layout published every
 * {@code publishEvery} iterations.
 *
 * @param learningRate a fixed learning rate, or 0 for "auto"
 * @param neighborSearch how the k nearest neighbours are found ({@link NeighborSearch#AUTO}: by the number of points)
 * @param maxGrid      cap on the padded FFT grid per axis (a power of two ≥ 256), or 0 for "auto" ({@link FftRepulsion#DEFAULT_MAX_GRID})
 */
public record TsneOptions(double perplexity, int earlyIterations, double earlyExaggeration, int iterations,
                          double learningRate, double earlyMomentum, double momentum, int exactBelow,
                          int maxGrid, int publishEvery, long seed, NeighborSearch neighborSearch) {

    public TsneOptions {
        if (!(perplexity > 0)) {
            throw new IllegalArgumentException("the perplexity must be positive, got " + perplexity);
        }
        if (earlyIterations < 0 || iterations < 0) {
            throw new IllegalArgumentException("iteration counts cannot be negative");
        }
        if (neighborSearch == null) {
            neighborSearch = NeighborSearch.AUTO;
        }
    }

    public static TsneOptions defaults() {
        return new TsneOptions(30, 250, 12, 500, 0, 0.5, 0.8, 0, 0, 10, 42, NeighborSearch.AUTO);
    }

    /**
     * Live mode: continue from a previous layout (no early exaggeration, the layout is already
     * organised), {@code iterations} plain iterations.
     */
    public TsneOptions forWarmStart(int plainIterations) {
        return new TsneOptions(perplexity, 0, 1, plainIterations, learningRate, earlyMomentum, momentum, exactBelow,
                maxGrid, publishEvery, seed, neighborSearch);
    }

    public TsneOptions withPerplexity(double p) {
        return new TsneOptions(p, earlyIterations, earlyExaggeration, iterations, learningRate, earlyMomentum, momentum,
                exactBelow, maxGrid, publishEvery, seed, neighborSearch);
    }

    public TsneOptions withIterations(int early, int plain) {
        return new TsneOptions(perplexity, early, earlyExaggeration, plain, learningRate, earlyMomentum, momentum,
                exactBelow, maxGrid, publishEvery, seed, neighborSearch);
    }

    public TsneOptions withExactBelow(int n) {
        return new TsneOptions(perplexity, earlyIterations, earlyExaggeration, iterations, learningRate, earlyMomentum,
                momentum, n, maxGrid, publishEvery, seed, neighborSearch);
    }

    public TsneOptions withPublishEvery(int every) {
        return new TsneOptions(perplexity, earlyIterations, earlyExaggeration, iterations, learningRate, earlyMomentum,
                momentum, exactBelow, maxGrid, every, seed, neighborSearch);
    }

    public TsneOptions withSeed(long s) {
        return new TsneOptions(perplexity, earlyIterations, earlyExaggeration, iterations, learningRate, earlyMomentum,
                momentum, exactBelow, maxGrid, publishEvery, s, neighborSearch);
    }

    public TsneOptions withMaxGrid(int grid) {
        return new TsneOptions(perplexity, earlyIterations, earlyExaggeration, iterations, learningRate, earlyMomentum,
                momentum, exactBelow, grid, publishEvery, seed, neighborSearch);
    }

    public TsneOptions withNeighborSearch(NeighborSearch search) {
        return new TsneOptions(perplexity, earlyIterations, earlyExaggeration, iterations, learningRate, earlyMomentum,
                momentum, exactBelow, maxGrid, publishEvery, seed, search);
    }

    /** Neighbours per point for the affinities: 3 × perplexity (openTSNE, FIt-SNE). */
    public int neighbors(int points) {
        return Math.max(1, Math.min(points - 1, (int) Math.ceil(3 * perplexity)));
    }
}
