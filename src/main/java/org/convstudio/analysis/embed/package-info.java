/**
 * Two-dimensional maps of high-dimensional data, in pure Java (no JavaFX, no DJL): {@link org.convstudio.analysis.embed.Pca}
 * (exact, covariance eigen-decomposition), t-SNE after FIt-SNE / openTSNE ({@link org.convstudio.analysis.embed.Tsne}:
 * k-nearest-neighbour affinities, attractive forces over sparse rows, repulsive forces by FFT-accelerated interpolation),
 * the quality scores shown with every map ({@link org.convstudio.analysis.embed.EmbeddingQuality}) and the pipeline that
 * ties them together ({@link org.convstudio.analysis.embed.Embedder}). Work runs on one persistent
 * {@link org.convstudio.analysis.embed.WorkerPool}; long computations are progressive and cancellable.
 */
package org.convstudio.analysis.embed;
