package org.convstudio.analysis.image;

/**
 * Colour maps from a value in [0, 1] to an opaque ARGB colour. {@link #VIRIDIS} (perceptually uniform, the
 * default for activations), {@link #GREY}, {@link #HOT} (heat maps) and {@link #DIVERGING} (blue–white–red,
 * for signed values normalised symmetrically so 0.5 is zero).
 */
public enum ColorMap {
    VIRIDIS(new int[] {0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725}),
    GREY(new int[] {0x000000, 0xFFFFFF}),
    HOT(new int[] {0x000000, 0x800000, 0xFF2000, 0xFFA000, 0xFFFF60, 0xFFFFFF}),
    DIVERGING(new int[] {0x2166AC, 0x67A9CF, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xEF8A62, 0xB2182B});

    private final int[] stops;

    ColorMap(int[] stops) {
        this.stops = stops;
    }

    /** The colour of {@code t} (clamped to [0, 1]; NaN is drawn as mid grey). */
    public int argb(double t) {
        if (Double.isNaN(t)) {
            return 0xFF808080;
        }
        double u = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(u));
        double f = u - i;
        int a = stops[i];
        int b = stops[i + 1];
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }

    /** A w×h raster of {@code values} (row-major) mapped through {@code range}. */
    public Raster render(float[] values, int w, int h, Range range) {
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = argb(range.unit(values[i]));
        }
        return new Raster(w, h, px);
    }
}
