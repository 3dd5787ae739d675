package org.convstudio.engine.data;

/**
 * Resizes planar float images (CHW): bilinear when enlarging, area averaging (box filter) when shrinking,
 * separately along each axis. An instance is made for one source and target size and keeps a scratch
 * buffer, so it allocates nothing per image; it is not thread-safe.
 */
public final class Resampler {

    private final int srcH;
    private final int srcW;
    private final int dstH;
    private final int dstW;
    private final Axis xAxis;
    private final Axis yAxis;
    private final float[] tmp;

    public Resampler(int srcH, int srcW, int dstH, int dstW) {
        if (srcH <= 0 || srcW <= 0 || dstH <= 0 || dstW <= 0) {
            throw new IllegalArgumentException("sizes must be positive");
        }
        this.srcH = srcH;
        this.srcW = srcW;
        this.dstH = dstH;
        this.dstW = dstW;
        this.xAxis = new Axis(srcW, dstW);
        this.yAxis = new Axis(srcH, dstH);
        this.tmp = new float[srcH * dstW];
    }

    /** Resizes {@code channels} planes of srcH×srcW at {@code src[srcOff..]} into dstH×dstW planes at {@code dst[dstOff..]}. */
    public void resize(float[] src, int srcOff, int channels, float[] dst, int dstOff) {
        int srcPlane = srcH * srcW;
        int dstPlane = dstH * dstW;
        for (int c = 0; c < channels; c++) {
            int s0 = srcOff + c * srcPlane;
            // horizontal pass: srcH × dstW
            for (int y = 0; y < srcH; y++) {
                int row = s0 + y * srcW;
                for (int x = 0; x < dstW; x++) {
                    float acc = 0;
                    int base = x * xAxis.taps;
                    for (int t = 0; t < xAxis.taps; t++) {
                        acc += xAxis.weight[base + t] * src[row + xAxis.index[base + t]];
                    }
                    tmp[y * dstW + x] = acc;
                }
            }
            // vertical pass: dstH × dstW
            int d0 = dstOff + c * dstPlane;
            for (int y = 0; y < dstH; y++) {
                int base = y * yAxis.taps;
                for (int x = 0; x < dstW; x++) {
                    float acc = 0;
                    for (int t = 0; t < yAxis.taps; t++) {
                        acc += yAxis.weight[base + t] * tmp[yAxis.index[base + t] * dstW + x];
                    }
                    dst[d0 + y * dstW + x] = acc;
                }
            }
        }
    }

    /** Convenience: resizes one CHW image into a new array. */
    public static float[] resize(float[] src, int channels, int srcH, int srcW, int dstH, int dstW) {
        float[] dst = new float[channels * dstH * dstW];
        new Resampler(srcH, srcW, dstH, dstW).resize(src, 0, channels, dst, 0);
        return dst;
    }

    /** Source taps and weights for every output position along one axis. */
    private static final class Axis {
        final int taps;
        final int[] index;
        final float[] weight;

        Axis(int n, int m) {
            if (m >= n) { // same size or enlarging: bilinear between pixel centres
                taps = 2;
                index = new int[m * 2];
                weight = new float[m * 2];
                double scale = (double) n / m;
                for (int o = 0; o < m; o++) {
                    double centre = (o + 0.5) * scale - 0.5;
                    int i0 = (int) Math.floor(centre);
                    double f = centre - i0;
                    int a = clamp(i0, n);
                    int b = clamp(i0 + 1, n);
                    index[2 * o] = a;
                    index[2 * o + 1] = b;
                    weight[2 * o] = (float) (1 - f);
                    weight[2 * o + 1] = (float) f;
                }
            } else { // shrinking: each output pixel averages the source interval it covers
                double scale = (double) n / m;
                taps = (int) Math.ceil(scale) + 1;
                index = new int[m * taps];
                weight = new float[m * taps];
                for (int o = 0; o < m; o++) {
                    double lo = o * scale;
                    double hi = (o + 1) * scale;
                    int t = 0;
                    for (int i = (int) Math.floor(lo); i < hi && i < n && t < taps; i++, t++) {
                        double overlap = Math.min(hi, i + 1) - Math.max(lo, i);
                        index[o * taps + t] = i;
                        weight[o * taps + t] = (float) (overlap / scale);
                    }
                    for (; t < taps; t++) { // unused taps: weight 0 on a valid index
                        index[o * taps + t] = 0;
                        weight[o * taps + t] = 0;
                    }
                }
            }
        }

        private static int clamp(int i, int n) {
            return i < 0 ? 0 : Math.min(i, n - 1);
        }
    }
}
