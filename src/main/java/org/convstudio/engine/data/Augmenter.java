package org.convstudio.engine.data;

import java.util.Random;

/**
 * Random data augmentation on a batch of CHW float images, in place (run it on the batch buffer, which is a
 * copy, never on an {@link ImageSet}'s arrays): every image is shifted by a random whole number of pixels in
 * [-maxShift, maxShift] along each axis and rotated by a random angle in [-maxDegrees, maxDegrees] about its
 * centre (bilinear sampling). Pixels that come from outside the image get the per-channel fill value
 * (0 by default; use {@link Normalization#normalizedZero()} for normalised images). Deterministic for a
 * given {@link Random} state. Not thread-safe (keeps one scratch image).
 */
public final class Augmenter {

    private final int channels;
    private final int height;
    private final int width;
    private final int maxShift;
    private final double maxDegrees;
    private final float[] fill;
    private final float[] scratch;

    public Augmenter(ImageShape shape, int maxShift, double maxDegrees) {
        this(shape, maxShift, maxDegrees, null);
    }

    /**
     * @param fill per-channel value for pixels shifted or rotated in from outside; null for zeros
     */
    public Augmenter(ImageShape shape, int maxShift, double maxDegrees, float[] fill) {
        if (maxShift < 0 || maxDegrees < 0 || Double.isNaN(maxDegrees)) {
            throw new IllegalArgumentException("maxShift and maxDegrees must be >= 0");
        }
        this.channels = shape.channels();
        this.height = shape.height();
        this.width = shape.width();
        this.maxShift = maxShift;
        this.maxDegrees = maxDegrees;
        if (fill != null && fill.length != channels) {
            throw new IllegalArgumentException("fill needs one value per channel (" + channels + ")");
        }
        this.fill = fill == null ? new float[channels] : fill.clone();
        this.scratch = new float[shape.length()];
    }

    /** True if this augmenter changes anything. */
    public boolean isActive() {
        return maxShift > 0 || maxDegrees > 0;
    }

    /** Augments the first {@code count} images of {@code batchPixels} in place. */
    public void augment(float[] batchPixels, int count, Random rnd) {
        if (!isActive()) {
            return;
        }
        int len = channels * height * width;
        for (int i = 0; i < count; i++) {
            int dx = maxShift > 0 ? rnd.nextInt(2 * maxShift + 1) - maxShift : 0;
            int dy = maxShift > 0 ? rnd.nextInt(2 * maxShift + 1) - maxShift : 0;
            double deg = maxDegrees > 0 ? (rnd.nextDouble() * 2 - 1) * maxDegrees : 0;
            transform(batchPixels, i * len, dx, dy, deg);
        }
    }

    /**
     * Moves the image at {@code pixels[offset..]} right by {@code dx} and down by {@code dy} pixels and rotates
     * it by {@code degrees} (clockwise on screen, since rows go down) about its centre, in place.
     */
    public void transform(float[] pixels, int offset, double dx, double dy, double degrees) {
        int plane = height * width;
        int len = channels * plane;
        System.arraycopy(pixels, offset, scratch, 0, len);
        if (degrees == 0 && dx == Math.rint(dx) && dy == Math.rint(dy)) {
            shiftWhole(pixels, offset, (int) dx, (int) dy);
            return;
        }
        double rad = Math.toRadians(degrees);
        double cos = Math.cos(rad);
        double sin = Math.sin(rad);
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // inverse mapping: where in the source does output (x, y) come from?
                double ux = x - dx - cx;
                double uy = y - dy - cy;
                double sx = cos * ux + sin * uy + cx;
                double sy = -sin * ux + cos * uy + cy;
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                float fx = (float) (sx - x0);
                float fy = (float) (sy - y0);
                for (int c = 0; c < channels; c++) {
                    int base = c * plane;
                    float v00 = sample(base, x0, y0, c);
                    float v10 = sample(base, x0 + 1, y0, c);
                    float v01 = sample(base, x0, y0 + 1, c);
                    float v11 = sample(base, x0 + 1, y0 + 1, c);
                    float top = v00 + (v10 - v00) * fx;
                    float bottom = v01 + (v11 - v01) * fx;
                    pixels[offset + base + y * width + x] = top + (bottom - top) * fy;
                }
            }
        }
    }

    private float sample(int base, int x, int y, int c) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return fill[c];
        }
        return scratch[base + y * width + x];
    }

    private void shiftWhole(float[] pixels, int offset, int dx, int dy) {
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            int base = c * plane;
            for (int y = 0; y < height; y++) {
                int sy = y - dy;
                int row = offset + base + y * width;
                if (sy < 0 || sy >= height) {
                    java.util.Arrays.fill(pixels, row, row + width, fill[c]);
                    continue;
                }
                for (int x = 0; x < width; x++) {
                    int sx = x - dx;
                    pixels[row + x] = sx < 0 || sx >= width ? fill[c] : scratch[base + sy * width + sx];
                }
            }
        }
    }
}
