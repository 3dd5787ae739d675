package org.convstudio.analysis.embed;

/**
 * How t-SNE finds each point's k nearest neighbours: {@link #EXACT} brute force ({@link ExactKnn}),
 * {@link #CELLS} the search among the nearest k-means cells ({@link CellKnn}), {@link #HNSW} a navigable
 * small-world graph (hnswlib-core, {@link ApproximateKnn}; kept for comparisons), {@link #AUTO} exact up to
 * {@link Embedder#EXACT_KNN_MAX} points, cells above.
 */
public enum NeighborSearch { AUTO, EXACT, CELLS, HNSW }
