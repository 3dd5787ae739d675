package org.convstudio.analysis.image;

/**
 * Summary of a tensor's values: activations per layer, weights and gradients per parameter.
 *
 * @param zeroFraction share of values exactly 0 (dead ReLUs)
 */
public record Statistics(long count, double mean, double std, double min, double max, double zeroFraction) {

    public static Statistics of(float[] v) {
        if (v.length == 0) {
            return new Statistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double s = 0;
        double q = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        long zeros = 0;
        for (float f : v) {
            s += f;
            q += (double) f * f;
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
            if (f == 0f) {
                zeros++;
            }
        }
        double mean = s / v.length;
        return new Statistics(v.length, mean, Math.sqrt(Math.max(0, q / v.length - mean * mean)), lo, hi,
                (double) zeros / v.length);
    }

    /**
     * A histogram of {@code bins} equal bins between the smallest and largest value.
     *
     * @param counts values per bin; bin i covers [min + i·width, min + (i+1)·width)
     */
    public record Histogram(double min, double max, long[] counts) {
        public static Histogram of(float[] v, int bins) {
            Range r = Range.of(v);
            long[] c = new long[bins];
            double span = r.max() - r.min();
            for (float f : v) {
                if (!Float.isFinite(f)) {
                    continue;
                }
                int b = span > 0 ? (int) Math.min(bins - 1, Math.floor((f - r.min()) / span * bins)) : bins / 2;
                c[b]++;
            }
            return new Histogram(r.min(), r.max(), c);
        }
    }
}
