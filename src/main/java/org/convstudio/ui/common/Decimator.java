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

    private double[] envMin = new double[256];
    private double[] envMax = new double[256];

    /** Per-column minimum y (pixels) after {@link #envelope}; NaN marks a gap. */
    public double[] mins() {
        return envMin;
    }

    /** Per-column maximum y (pixels) after {@link #envelope}; NaN marks a gap. */
    public double[] maxs() {
        return envMax;
    }

    /**
     * Reduces dense data to one entry per pixel column: x, mean y ({@link #ys()}), min and max y
     * ({@link #mins()}, {@link #maxs()}). Drawn as a filled min–max band with a line through the means,
     * it shows the same envelope as the full line at a fraction of the stroking cost.
     *
     * @return the number of columns (including NaN gap markers)
     */
    public int envelope(double[] x, double[] y, int n, Mapping m) {
        count = 0;
        boolean open = false;
        long column = Long.MIN_VALUE;
        double colX = 0;
        double sum = 0;
        double min = 0;
        double max = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            double yi = y[i];
            if (!m.plottable(xi, yi)) {
                if (open) {
                    addEnvelope(colX, sum / k, min, max);
                    open = false;
                }
                if (count > 0 && !Double.isNaN(outX[count - 1])) {
                    addEnvelope(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
                }
                continue;
            }
            double px = m.px(xi);
            double py = m.py(yi);
            long c = (long) Math.floor(px);
            if (open && c == column) {
                sum += py;
                k++;
                min = Math.min(min, py);
                max = Math.max(max, py);
            } else {
                if (open) {
                    addEnvelope(colX, sum / k, min, max);
                }
                open = true;
                column = c;
                colX = c + 0.5;
                sum = min = max = py;
                k = 1;
            }
        }
        if (open) {
            addEnvelope(colX, sum / k, min, max);
        }
        return count;
    }

    private void addEnvelope(double px, double mean, double min, double max) {
        if (count == envMin.length || count == outX.length) {
            int size = Math.max(outX.length, envMin.length) * 2;
            envMin = java.util.Arrays.copyOf(envMin, size);
            envMax = java.util.Arrays.copyOf(envMax, size);
            outX = java.util.Arrays.copyOf(outX, size);
            outY = java.util.Arrays.copyOf(outY, size);
        }
        envMin[count] = min;
        envMax[count] = max;
        outX[count] = px;
        outY[count] = mean;
        count++;
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
