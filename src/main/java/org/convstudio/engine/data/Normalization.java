package org.convstudio.engine.data;

import java.util.Arrays;

/**
 * Per-channel normalisation {@code (x - mean[c]) / std[c]}, with mean and standard deviation computed on
 * the training split and applied to both splits (and to any image shown to the trained network).
 */
public record Normalization(float[] mean, float[] std) {

    /** A standard deviation below this (a constant channel) is replaced by 1. */
    public static final float MIN_STD = 1e-6f;

    public Normalization {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and std need one value per channel");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Mean and standard deviation of every channel of {@code train}. */
    public static Normalization fit(ImageSet train) {
        int c = train.channels();
        int plane = train.height() * train.width();
        double[] sum = new double[c];
        double[] sumSq = new double[c];
        float[] px = train.pixels();
        for (int i = 0; i < train.size(); i++) {
            for (int ch = 0; ch < c; ch++) {
                int off = (i * c + ch) * plane;
                double s = 0;
                double q = 0;
                for (int p = 0; p < plane; p++) {
                    double v = px[off + p];
                    s += v;
                    q += v * v;
                }
                sum[ch] += s;
                sumSq[ch] += q;
            }
        }
        double n = Math.max(1.0, (double) train.size() * plane);
        float[] mean = new float[c];
        float[] std = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double m = sum[ch] / n;
            double var = Math.max(0, sumSq[ch] / n - m * m);
            mean[ch] = (float) m;
            std[ch] = (float) Math.sqrt(var) < MIN_STD ? 1f : (float) Math.sqrt(var);
        }
        return new Normalization(mean, std);
    }

    /** Fits on the training split and applies to both splits. */
    public static DataSplit fitAndApply(DataSplit split) {
        return fit(split.train()).apply(split);
    }

    /** Both splits normalised (new arrays). */
    public DataSplit apply(DataSplit split) {
        return new DataSplit(apply(split.train()), apply(split.test()), split.warnings());
    }

    /** A normalised copy of {@code set}. */
    public ImageSet apply(ImageSet set) {
        checkChannels(set.channels());
        float[] px = set.pixels().clone();
        applyInPlace(px, set.size(), set.height() * set.width());
        return new ImageSet(set.name(), set.channels(), set.height(), set.width(), px, set.labels(), set.classNames());
    }

    /** Normalises {@code count} CHW images (each of {@code channels()} planes of {@code plane} floats) in place. */
    public void applyInPlace(float[] pixels, int count, int plane) {
        int c = mean.length;
        for (int i = 0; i < count; i++) {
            for (int ch = 0; ch < c; ch++) {
                int off = (i * c + ch) * plane;
                float m = mean[ch];
                float inv = 1f / std[ch];
                for (int p = 0; p < plane; p++) {
                    pixels[off + p] = (pixels[off + p] - m) * inv;
                }
            }
        }
    }

    /** What a pixel value of 0 becomes per channel (a good fill value for augmenting normalised images). */
    public float[] normalizedZero() {
        float[] z = new float[mean.length];
        for (int ch = 0; ch < z.length; ch++) {
            z[ch] = -mean[ch] / std[ch];
        }
        return z;
    }

    /** Number of channels. */
    public int channels() {
        return mean.length;
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    private void checkChannels(int c) {
        if (c != mean.length) {
            throw new IllegalArgumentException("normalisation is for " + mean.length + " channels, images have " + c);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
