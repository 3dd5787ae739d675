package org.convstudio.analysis.image;

/** The inspector's pictures as rasters: input images, heat maps and overlays, receptive fields, kernels. */
public final class Pictures {

    /** Outline of a receptive field. */
    public static final int FIELD = 0xFFFFD400;
    /** Zero padding around the image. */
    public static final int PADDING = 0xFF3A3F4B;
    public static final int BACKGROUND = 0xFF20232A;

    private Pictures() {
    }

    /** A factor that makes an image of side {@code side} about {@code target} pixels wide (at least 1). */
    public static int scaleFor(int side, int target) {
        return Math.max(1, target / Math.max(1, side));
    }

    /**
     * One C×H×W image: grey for one channel, colour for three (other counts: the first channel). Values in
     * [0, 1] are shown as they are; otherwise the image's own min–max is used.
     */
    public static Raster input(float[] chw, int c, int h, int w) {
        int plane = h * w;
        Range r = Range.of(chw, 0, c * plane);
        if (r.min() >= 0 && r.max() <= 1) {
            r = new Range(0, 1);
        }
        int[] px = new int[plane];
        for (int i = 0; i < plane; i++) {
            if (c == 3) {
                int red = (int) Math.round(r.unit(chw[i]) * 255);
                int green = (int) Math.round(r.unit(chw[plane + i]) * 255);
                int blue = (int) Math.round(r.unit(chw[2 * plane + i]) * 255);
                px[i] = 0xFF000000 | (red << 16) | (green << 8) | blue;
            } else {
                px[i] = ColorMap.GREY.argb(r.unit(chw[i]));
            }
        }
        return new Raster(w, h, px);
    }

    /** The largest |value| over channels at each position of a C×H×W gradient (a saliency map). */
    public static float[] magnitude(float[] chw, int c, int h, int w) {
        int plane = h * w;
        float[] m = new float[plane];
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < plane; i++) {
                m[i] = Math.max(m[i], Math.abs(chw[ch * plane + i]));
            }
        }
        return m;
    }

    /** A heat map over an image: {@code map} (h×w, same size as the image) coloured with {@code colors}, blended. */
    public static Raster overlay(Raster image, float[] map, ColorMap colors, double alpha) {
        Raster heat = colors.render(map, image.width(), image.height(), Range.of(map));
        return image.blend(heat, alpha);
    }

    /**
     * The input enlarged {@code scale} times inside a frame of zero padding wide enough to show the whole
     * receptive field, with the field outlined; the part of the field in the padding is visible as such.
     *
     * @return the raster and where the image starts in it ({@code margin} input pixels from each side)
     */
    public static Raster receptiveField(Raster image, ReceptiveFieldRect rect, int scale) {
        int h = image.height();
        int w = image.width();
        var r = rect.region();
        long over = Math.max(Math.max(-r.top(), -r.left()), Math.max(r.bottom() - (h - 1), r.right() - (w - 1)));
        int margin = (int) Math.max(0, Math.min(over, Math.max(h, w)));
        Raster out = Raster.blank((w + 2 * margin) * scale, (h + 2 * margin) * scale, PADDING);
        out.paste(image.scaled(scale), margin * scale, margin * scale);
        int left = (int) ((r.left() + margin) * scale);
        int top = (int) ((r.top() + margin) * scale);
        int right = (int) ((r.right() + margin + 1) * scale - 1);
        int bottom = (int) ((r.bottom() + margin + 1) * scale - 1);
        for (int k = 0; k < Math.max(1, scale / 4); k++) {
            out.outline(left + k, top + k, right - k, bottom - k, FIELD);
        }
        return out;
    }

    /** The margin {@link #receptiveField} adds around the image, in input pixels. */
    public static int padding(ReceptiveFieldRect rect, int h, int w) {
        var r = rect.region();
        long over = Math.max(Math.max(-r.top(), -r.left()), Math.max(r.bottom() - (h - 1), r.right() - (w - 1)));
        return (int) Math.max(0, Math.min(over, Math.max(h, w)));
    }

    /**
     * A convolution's kernels (filters × inChannels × kh × kw) as a grid: in colour when the layer reads
     * three channels and {@code colour} is set, otherwise summed over input channels; blue negative, red
     * positive, one symmetric range for the layer.
     */
    public static Raster kernels(float[] w, int filters, int inChannels, int kh, int kw, boolean colour, int scale) {
        int plane = kh * kw;
        if (colour && inChannels == 3) {
            Range r = Range.symmetric(w);
            int cols = MapGrid.columns(filters, 16);
            int rows = (filters + cols - 1) / cols;
            int gap = 2;
            Raster out = Raster.blank(cols * (kw * scale + gap) + gap, rows * (kh * scale + gap) + gap, BACKGROUND);
            for (int f = 0; f < filters; f++) {
                int[] px = new int[plane];
                for (int i = 0; i < plane; i++) {
                    int red = (int) Math.round(r.unit(w[(f * 3) * plane + i]) * 255);
                    int green = (int) Math.round(r.unit(w[(f * 3 + 1) * plane + i]) * 255);
                    int blue = (int) Math.round(r.unit(w[(f * 3 + 2) * plane + i]) * 255);
                    px[i] = 0xFF000000 | (red << 16) | (green << 8) | blue;
                }
                out.paste(new Raster(kw, kh, px).scaled(scale), gap + (f % cols) * (kw * scale + gap),
                        gap + (f / cols) * (kh * scale + gap));
            }
            return out;
        }
        float[] summed = new float[filters * plane];
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < inChannels; c++) {
                for (int i = 0; i < plane; i++) {
                    summed[f * plane + i] += w[(f * inChannels + c) * plane + i];
                }
            }
        }
        Range sym = Range.symmetric(summed);
        Range[] ranges = new Range[filters];
        java.util.Arrays.fill(ranges, sym);
        return MapGrid.render(summed, filters, kh, kw, scale, 2, MapGrid.columns(filters, 16), ColorMap.DIVERGING, ranges,
                BACKGROUND);
    }

    /** A bar chart of a histogram, {@code width}×{@code height}, bars in {@code colour}. */
    public static Raster histogram(Statistics.Histogram h, int width, int height, int colour) {
        Raster out = Raster.blank(width, height, BACKGROUND);
        long max = 1;
        for (long c : h.counts()) {
            max = Math.max(max, c);
        }
        int n = h.counts().length;
        for (int b = 0; b < n; b++) {
            int x0 = b * width / n;
            int x1 = Math.max(x0 + 1, (b + 1) * width / n - 1);
            int bar = (int) Math.round((double) h.counts()[b] / max * (height - 2));
            for (int y = height - bar; y < height; y++) {
                for (int x = x0; x < x1; x++) {
                    out.argb()[y * width + x] = colour;
                }
            }
        }
        return out;
    }
}
