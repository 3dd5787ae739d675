package org.convstudio.analysis.lesson;

import java.util.Locale;

/** Small-grid arithmetic the lessons show step by step: sliding windows, flips, shifts and pooling. */
public final class Grids {

    private Grids() {
    }

    /**
     * Cross-correlation (what deep-learning libraries call convolution) of a single-channel grid with a
     * kernel, with zero padding, stride and dilation: out(i, j) = Σ k(u, v) · x(i·s − p + u·d, j·s − p + v·d).
     */
    public static double[][] correlate(double[][] x, double[][] k, int stride, int pad, int dilation) {
        int m = x.length;
        int n = x[0].length;
        int oh = outputSize(m, k.length, pad, stride, dilation);
        int ow = outputSize(n, k[0].length, pad, stride, dilation);
        double[][] out = new double[Math.max(oh, 0)][Math.max(ow, 0)];
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                out[i][j] = windowSum(x, k, i * stride - pad, j * stride - pad, dilation);
            }
        }
        return out;
    }

    /** True convolution: the kernel turned by 180° first, then cross-correlation. */
    public static double[][] convolve(double[][] x, double[][] k, int stride, int pad, int dilation) {
        return correlate(x, flip(k), stride, pad, dilation);
    }

    /** Σ k(u, v) · x(top + u·d, left + v·d), zero outside the grid. */
    public static double windowSum(double[][] x, double[][] k, int top, int left, int dilation) {
        double s = 0;
        for (int u = 0; u < k.length; u++) {
            for (int v = 0; v < k[0].length; v++) {
                s += k[u][v] * at(x, top + u * dilation, left + v * dilation);
            }
        }
        return s;
    }

    /** The multiply-adds of one window written out: "1×0 + 2×1 + ... = 7". */
    public static String windowTerms(double[][] x, double[][] k, int top, int left, int dilation) {
        StringBuilder b = new StringBuilder();
        for (int u = 0; u < k.length; u++) {
            for (int v = 0; v < k[0].length; v++) {
                if (b.length() > 0) {
                    b.append(" + ");
                }
                b.append(fmt(k[u][v])).append('×').append(fmt(at(x, top + u * dilation, left + v * dilation)));
            }
        }
        return b.append(" = ").append(fmt(windowSum(x, k, top, left, dilation))).toString();
    }

    /** floor((M − F_eff + 2P) / S) + 1 with F_eff = D·(F − 1) + 1; zero or less when the window does not fit. */
    public static int outputSize(int m, int f, int pad, int stride, int dilation) {
        int eff = dilation * (f - 1) + 1;
        return Math.floorDiv(m - eff + 2 * pad, stride) + 1;
    }

    public static double at(double[][] x, int r, int c) {
        return r < 0 || c < 0 || r >= x.length || c >= x[0].length ? 0 : x[r][c];
    }

    /** A copy with every value rounded to {@code decimals} decimals (for display). */
    public static double[][] rounded(double[][] x, int decimals) {
        double f = Math.pow(10, decimals);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = Math.round(x[i][j] * f) / f;
            }
        }
        return out;
    }

    public static double[][] flip(double[][] k) {
        int h = k.length;
        int w = k[0].length;
        double[][] f = new double[h][w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                f[i][j] = k[h - 1 - i][w - 1 - j];
            }
        }
        return f;
    }

    /** The grid moved by (dx, dy) pixels (right and down positive); uncovered cells take {@code fill}. */
    public static double[][] shift(double[][] x, int dx, int dy, double fill) {
        double[][] out = new double[x.length][x[0].length];
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < x[0].length; c++) {
                int sr = r - dy;
                int sc = c - dx;
                out[r][c] = sr < 0 || sc < 0 || sr >= x.length || sc >= x[0].length ? fill : x[sr][sc];
            }
        }
        return out;
    }

    public enum Pool { MAX, AVG, L2 }

    /** One pooling window: max, mean or the L2 norm √(Σ v²) of the cells [top, top+h) × [left, left+w). */
    public static double pool(double[][] x, Pool mode, int top, int left, int h, int w) {
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double squares = 0;
        for (int r = top; r < top + h; r++) {
            for (int c = left; c < left + w; c++) {
                double v = x[r][c];
                max = Math.max(max, v);
                sum += v;
                squares += v * v;
            }
        }
        return switch (mode) {
            case MAX -> max;
            case AVG -> sum / (h * w);
            case L2 -> Math.sqrt(squares);
        };
    }

    public static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }

    public static double[][] map(double[][] a, double[][] b, java.util.function.DoubleBinaryOperator op) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = op.applyAsDouble(a[i][j], b[i][j]);
            }
        }
        return out;
    }

    public static double min(double[][] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double[] row : x) {
            for (double v : row) {
                m = Math.min(m, v);
            }
        }
        return m;
    }

    public static double max(double[][] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] row : x) {
            for (double v : row) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** Short display form: integers without decimals, others with up to three. */
    public static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Rows of a grid as nested lists (for JSON). */
    public static java.util.List<java.util.List<Double>> rows(double[][] x) {
        java.util.List<java.util.List<Double>> out = new java.util.ArrayList<>();
        for (double[] row : x) {
            java.util.List<Double> r = new java.util.ArrayList<>();
            for (double v : row) {
                r.add(v);
            }
            out.add(r);
        }
        return out;
    }
}
