package org.convstudio.analysis.embed;

/**
 * The k nearest neighbours of every point, nearest first: {@code index[i * k + r]} is point i's
 * (r+1)-th neighbour (never i itself) and {@code distance2[i * k + r]} its squared Euclidean distance.
 */
public record KnnGraph(int points, int k, int[] index, float[] distance2) {

    public KnnGraph {
        if ((long) points * k != index.length || index.length != distance2.length) {
            throw new IllegalArgumentException("a kNN graph of " + points + " points and k=" + k + " needs "
                    + (long) points * k + " entries");
        }
    }

    /** Fraction of this graph's neighbour lists found in {@code exact} (same points, same k). */
    public double recallAgainst(KnnGraph exact) {
        long hit = 0;
        for (int i = 0; i < points; i++) {
            for (int r = 0; r < k; r++) {
                int j = index[i * k + r];
                for (int s = 0; s < k; s++) {
                    if (exact.index[i * k + s] == j) {
                        hit++;
                        break;
                    }
                }
            }
        }
        return hit / (double) ((long) points * k);
    }
}
