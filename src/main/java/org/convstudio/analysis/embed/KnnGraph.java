package org.convstudio.analysis.embed;

/**
 * The k nearest neighbours of every point, nearest first: {@code index[i * k + r]} is point i's
 * (r+1)-th neighbour (never i itself) and {@code distance2[i * k + r]} its squared Euclidean distance.
 * {@code localOrder} (nullable): a numbering of the points that keeps neighbours close together (the cell
 * search's order), which the optimiser uses for memory locality.
 */
public record KnnGraph(int points, int k, int[] index, float[] distance2, int[] localOrder) {

    public KnnGraph {
        if ((long) points * k != index.length || index.length != distance2.length) {
            throw new IllegalArgumentException("a kNN graph of " + points + " points and k=" + k + " needs "
                    + (long) points * k + " entries");
        }
        if (localOrder != null && localOrder.length != points) {
            throw new IllegalArgumentException("the local order must list all " + points + " points");
        }
    }

    public KnnGraph(int points, int k, int[] index, float[] distance2) {
        this(points, k, index, distance2, null);
    }

    /**
     * The same graph with the points renumbered: new point s is old point {@code order[s]}
     * (a permutation). The result has no local order (it is its own).
     */
    public KnnGraph renumbered(int[] order) {
        int[] inverse = inverse(order);
        int[] idx = new int[index.length];
        float[] dist = new float[distance2.length];
        for (int s = 0; s < points; s++) {
            int old = order[s];
            for (int r = 0; r < k; r++) {
                idx[s * k + r] = inverse[index[old * k + r]];
                dist[s * k + r] = distance2[old * k + r];
            }
        }
        return new KnnGraph(points, k, idx, dist);
    }

    /** The inverse permutation. */
    static int[] inverse(int[] order) {
        int[] inv = new int[order.length];
        for (int s = 0; s < order.length; s++) {
            inv[order[s]] = s;
        }
        return inv;
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
