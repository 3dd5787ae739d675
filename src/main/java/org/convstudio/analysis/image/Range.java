package org.convstudio.analysis.image;

/**
 * A value range mapped to [0, 1] for colouring: per map (each map its own min–max), per layer (one range
 * over all maps of a layer, so maps can be compared), or symmetric around 0 (signed gradients, weights).
 */
public record Range(double min, double max) {

    /** How feature maps are normalised for display. */
    public enum Mode { PER_MAP, PER_LAYER }

    /** The position of {@code v} in the range, 0..1 (0.5 when the range is empty). */
    public double unit(double v) {
        double span = max - min;
        if (!(span > 0)) {
            return 0.5;
        }
        return Math.max(0, Math.min(1, (v - min) / span));
    }

    /** Min to max of {@code values[from..to)}. */
    public static Range of(float[] values, int from, int to) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            float v = values[i];
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo > hi ? new Range(0, 0) : new Range(lo, hi);
    }

    public static Range of(float[] values) {
        return of(values, 0, values.length);
    }

    /** [-m, m] with m the largest |value|: 0 maps to 0.5. */
    public static Range symmetric(float[] values) {
        double m = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return new Range(-m, m);
    }

    /** The ranges of each of the {@code maps} consecutive planes of {@code plane} values, by mode. */
    public static Range[] forMaps(float[] values, int maps, int plane, Mode mode) {
        Range[] r = new Range[maps];
        Range layer = mode == Mode.PER_LAYER ? of(values, 0, maps * plane) : null;
        for (int i = 0; i < maps; i++) {
            r[i] = layer != null ? layer : of(values, i * plane, (i + 1) * plane);
        }
        return r;
    }
}
