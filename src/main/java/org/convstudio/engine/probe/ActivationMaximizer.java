package org.convstudio.engine.probe;

import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * "What a unit wants" (Erhan et al. 2009; Yosinski et al. 2015): gradient ascent on the input to maximise
 * the mean activation of one channel, regularised by random jitter (the image is shifted by up to a few
 * pixels before each step), a light blur every few steps and L2 decay towards zero.
 *
 * @param steps      gradient steps
 * @param stepSize   step along the gradient normalised to mean |g| = 1, in input units
 * @param l2         fraction of the image removed each step (decay)
 * @param jitter     largest random shift in pixels
 * @param blurEvery  blur with a 3×3 binomial kernel every this many steps (0: never)
 */
public record ActivationMaximizer(int steps, float stepSize, float l2, int jitter, int blurEvery) {

    /** 64 steps of 0.05, decay 1e-3, jitter 1 px, blur every 8 steps. */
    public static ActivationMaximizer defaults() {
        return new ActivationMaximizer(64, 0.05f, 1e-3f, 1, 8);
    }

    /** The image found and the channel's mean activation for it. */
    public record Result(float[] image, float activation) {
    }

    /**
     * Runs the ascent from small noise. Checks {@code cancelled} between steps.
     *
     * @throws CancellationException when cancelled
     */
    public Result run(InputGradients gradients, String node, int channel, long seed, BooleanSupplier cancelled) {
        int[] chw = gradients.probe().inputShape();
        int len = chw[0] * chw[1] * chw[2];
        Random r = new Random(seed);
        float[] img = new float[len];
        for (int i = 0; i < len; i++) {
            img[i] = (float) (r.nextGaussian() * 0.1);
        }
        Target target = new Target.ChannelMean(node, channel);
        for (int step = 0; step < steps; step++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("activation maximisation cancelled");
            }
            int dy = jitter == 0 ? 0 : r.nextInt(2 * jitter + 1) - jitter;
            int dx = jitter == 0 ? 0 : r.nextInt(2 * jitter + 1) - jitter;
            float[] shifted = roll(img, chw, dy, dx);
            float[] g = roll(gradients.gradient(shifted, 1, target).gradient(), chw, -dy, -dx);
            double meanAbs = 0;
            for (float v : g) {
                meanAbs += Math.abs(v);
            }
            meanAbs /= len;
            float scale = meanAbs > 0 ? (float) (stepSize / meanAbs) : 0f;
            for (int i = 0; i < len; i++) {
                img[i] = (img[i] + scale * g[i]) * (1 - l2);
            }
            if (blurEvery > 0 && (step + 1) % blurEvery == 0) {
                img = blur(img, chw);
            }
        }
        float act = gradients.gradient(img, 1, target).values()[0];
        return new Result(img, act);
    }

    /** The image shifted by (dy, dx) with wrap-around. */
    static float[] roll(float[] img, int[] chw, int dy, int dx) {
        if (dy == 0 && dx == 0) {
            return img.clone();
        }
        int h = chw[1];
        int w = chw[2];
        float[] out = new float[img.length];
        for (int c = 0; c < chw[0]; c++) {
            int off = c * h * w;
            for (int y = 0; y < h; y++) {
                int sy = Math.floorMod(y - dy, h);
                for (int x = 0; x < w; x++) {
                    out[off + y * w + x] = img[off + sy * w + Math.floorMod(x - dx, w)];
                }
            }
        }
        return out;
    }

    /** 3×3 binomial blur (1 2 1)/4 per axis, edges clamped. */
    static float[] blur(float[] img, int[] chw) {
        int h = chw[1];
        int w = chw[2];
        float[] tmp = new float[img.length];
        float[] out = new float[img.length];
        for (int c = 0; c < chw[0]; c++) {
            int off = c * h * w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float l = img[off + y * w + Math.max(0, x - 1)];
                    float rr = img[off + y * w + Math.min(w - 1, x + 1)];
                    tmp[off + y * w + x] = (l + 2 * img[off + y * w + x] + rr) / 4;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float u = tmp[off + Math.max(0, y - 1) * w + x];
                    float d = tmp[off + Math.min(h - 1, y + 1) * w + x];
                    out[off + y * w + x] = (u + 2 * tmp[off + y * w + x] + d) / 4;
                }
            }
        }
        return out;
    }
}
