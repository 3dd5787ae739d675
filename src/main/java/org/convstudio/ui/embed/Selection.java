package org.convstudio.ui.embed;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The samples picked with the lasso: their indices in ascending order and the same set as a bit mask (for
 * drawing). Immutable once made; made on a worker by {@link #inside}.
 */
public record Selection(int[] indices, BitSet members) {

    /** Nothing selected. */
    public static final Selection NONE = new Selection(new int[0], new BitSet());

    public int size() {
        return indices.length;
    }

    public boolean isEmpty() {
        return indices.length == 0;
    }

    public boolean contains(int sample) {
        return members.get(sample);
    }

    /** The given samples (tests, programmatic selection). */
    public static Selection of(int... samples) {
        int[] sorted = Arrays.stream(samples).distinct().sorted().toArray();
        BitSet b = new BitSet();
        for (int i : sorted) {
            b.set(i);
        }
        return new Selection(sorted, b);
    }

    /**
     * The points of {@code layout} (x, y interleaved, {@code n} points) inside the closed polygon {@code polygon}
     * (x, y interleaved, in the same coordinates), by the even-odd rule; the polygon's bounding box is checked first.
     */
    public static Selection inside(float[] layout, int n, float[] polygon) {
        int m = polygon.length / 2;
        if (m < 3) {
            return NONE;
        }
        float minX = Float.POSITIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < m; v++) {
            minX = Math.min(minX, polygon[2 * v]);
            maxX = Math.max(maxX, polygon[2 * v]);
            minY = Math.min(minY, polygon[2 * v + 1]);
            maxY = Math.max(maxY, polygon[2 * v + 1]);
        }
        BitSet b = new BitSet(n);
        for (int i = 0; i < n; i++) {
            float x = layout[2 * i];
            float y = layout[2 * i + 1];
            if (x >= minX && x <= maxX && y >= minY && y <= maxY && contains(polygon, m, x, y)) {
                b.set(i);
            }
        }
        return new Selection(b.stream().toArray(), b);
    }

    /** Even-odd rule: a ray to the right of (x, y) crosses the polygon's edges an odd number of times. */
    private static boolean contains(float[] p, int m, float x, float y) {
        boolean in = false;
        for (int a = 0, z = m - 1; a < m; z = a++) {
            float ax = p[2 * a];
            float ay = p[2 * a + 1];
            float zx = p[2 * z];
            float zy = p[2 * z + 1];
            if ((ay > y) != (zy > y) && x < (zx - ax) * (y - ay) / (zy - ay) + ax) {
                in = !in;
            }
        }
        return in;
    }
}
