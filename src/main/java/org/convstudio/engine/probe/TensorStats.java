package org.convstudio.engine.probe;

/**
 * Summary of a tensor's values: what a histogram's caption or a "dead or exploding layer" check needs.
 *
 * @param count number of values
 * @param mean  their mean
 * @param std   their (population) standard deviation
 * @param min   the smallest value
 * @param max   the largest value
 * @param rms   root mean square (the L2 norm over √count)
 */
public record TensorStats(int count, double mean, double std, double min, double max, double rms) {

    /** Statistics of {@code v} (all zeros for an empty array). */
    public static TensorStats of(float[] v) {
        if (v.length == 0) {
            return new TensorStats(0, 0, 0, 0, 0, 0);
        }
        double sum = 0;
        double sq = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float f : v) {
            sum += f;
            sq += (double) f * f;
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        double mean = sum / v.length;
        double var = Math.max(0, sq / v.length - mean * mean);
        return new TensorStats(v.length, mean, Math.sqrt(var), min, max, Math.sqrt(sq / v.length));
    }

    /** RMS of {@code after - before} over RMS of {@code before}: the update-to-weight ratio (0 when both are 0). */
    public static double changeRatio(float[] before, float[] after) {
        if (before.length != after.length) {
            throw new IllegalArgumentException("arrays of " + before.length + " and " + after.length + " values");
        }
        double d = 0;
        double w = 0;
        for (int i = 0; i < before.length; i++) {
            double diff = (double) after[i] - before[i];
            d += diff * diff;
            w += (double) before[i] * before[i];
        }
        return w == 0 ? (d == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(d / w);
    }
}
