package org.convstudio.ui.common;

import java.util.Arrays;

/**
 * A growing (x, y) series written by one worker thread and read through immutable
 * {@link Snapshot}s by the FX thread.
 *
 * <p>Values below a snapshot's size are never written again: appends go past the end, and growth
 * copies into fresh arrays, so a snapshot can share the arrays without copying and stays valid
 * forever. Publish snapshots through a {@link PulseDrain} (its atomic reference gives the
 * happens-before edge).
 */
public final class AppendOnlySeries {

    /** An immutable view of the first {@code size} points. Do not write into the arrays. */
    public record Snapshot(double[] xs, double[] ys, int size) {
        public static final Snapshot EMPTY = new Snapshot(new double[0], new double[0], 0);

        public double lastY() {
            return size == 0 ? Double.NaN : ys[size - 1];
        }
    }

    private double[] xs;
    private double[] ys;
    private int size;

    public AppendOnlySeries() {
        this(256);
    }

    public AppendOnlySeries(int capacity) {
        xs = new double[Math.max(4, capacity)];
        ys = new double[xs.length];
    }

    /** Appends a point (single writer thread only). */
    public void append(double x, double y) {
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
        }
        xs[size] = x;
        ys[size] = y;
        size++;
    }

    public int size() {
        return size;
    }

    /** An immutable view of everything appended so far, sharing storage (O(1)). */
    public Snapshot snapshot() {
        return new Snapshot(xs, ys, size);
    }
}
