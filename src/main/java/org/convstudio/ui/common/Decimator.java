package org.convstudio.ui.common;

/**
 * Reduces a long polyline to at most four vertices per pixel column (first, min, max, last), which
 * draws exactly the same picture as the full line at that resolution.
 *
 * <p>Pure arithmetic, no JavaFX: the plot maps data to pixels through {@link Mapping} and then
 * strokes the vertices returned here. A {@code NaN} pair in the output marks a gap (non-finite data,
 * or non-positive data on a log axis).
 */
public final class Decimator {

    /** Data-to-pixel mapping of one plot area. */
    public record Mapping(double xMin, double xScale, double left, boolean logY,
                          double yMin, double yScale, double bottom) {
        /** yMin is in axis units: log10 of the data value when {@code logY}. */
        public double px(double x) {
            return left + (x - xMin) * xScale;
        }

        public double py(double y) {
            double v = logY ? Math.log10(y) : y;
            return bottom - (v - yMin) * yScale;
        }

        public boolean plottable(double x, double y) {
            return Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0);
        }
    }

    private double[] outX = new double[256];
    private double[] outY = new double[256];
    private int count;

    /** Output x coordinates (pixels); valid up to {@link #count()}. */
    public double[] xs() {
        return outX;
    }

    /** Output y coordinates (pixels); valid up to {@link #count()}. */
    public double[] ys() {
        return outY;
    }

    /** Number of output vertices (including NaN gap markers). */
    public int count() {
        return count;
    }

    /**
     * Decimates {@code n} points. Points are expected in increasing x (as training curves are);
     * unsorted input is still drawn correctly, just less compactly.
     *
     * @return the number of output vertices
     */
    public int decimate(double[] x, double[] y, int n, Mapping m) {
        count = 0;
        boolean open = false;      // a column is being accumulated
        long column = Long.MIN_VALUE;
        double colX = 0;
        double first = 0;
        double last = 0;
        double min = 0;
        double max = 0;
        int pointsInColumn = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            double yi = y[i];
            if (!m.plottable(xi, yi)) {
                if (open) {
                    flush(colX, first, min, max, last, pointsInColumn);
                    open = false;
                }
                gap();
                column = Long.MIN_VALUE;
                continue;
            }
            double px = m.px(xi);
            double py = m.py(yi);
            long c = (long) Math.floor(px);
            if (open && c == column) {
                last = py;
                if (py < min) {
                    min = py;
                }
                if (py > max) {
                    max = py;
                }
                pointsInColumn++;
            } else {
                if (open) {
                    flush(colX, first, min, max, last, pointsInColumn);
                }
                open = true;
                column = c;
                colX = px;
                first = last = min = max = py;
                pointsInColumn = 1;
            }
        }
        if (open) {
            flush(colX, first, min, max, last, pointsInColumn);
        }
        return count;
    }

    private void flush(double px, double first, double min, double max, double last, int points) {
        add(px, first);
        if (points > 1) {
            // min and max in the order that avoids an extra back-and-forth stroke
            if (first - min > max - first) {
                if (min != first) {
                    add(px, min);
                }
                if (max != min) {
                    add(px, max);
                }
            } else {
                if (max != first) {
                    add(px, max);
                }
                if (min != max) {
                    add(px, min);
                }
            }
            add(px, last);
        }
    }

    private void gap() {
        if (count > 0 && !Double.isNaN(outX[count - 1])) {
            add(Double.NaN, Double.NaN);
        }
    }

    private void add(double px, double py) {
        if (count == outX.length) {
            int size = outX.length * 2;
            outX = java.util.Arrays.copyOf(outX, size);
            outY = java.util.Arrays.copyOf(outY, size);
        }
        outX[count] = px;
        outY[count] = py;
        count++;
    }
}
