package org.convstudio.analysis.image;

/**
 * Grad-CAM (Selvaraju et al. 2017): the weight of each channel k of a convolutional layer is the mean over
 * positions of d score / d A_k; the map is ReLU(Σ_k weight_k · A_k), at the layer's resolution, then
 * enlarged to the input's size.
 */
public final class GradCam {

    private GradCam() {
    }

    /**
     * The class-activation map and the channel weights.
     *
     * @param map     H×W, row-major, ReLU applied
     * @param weights one per channel (the gradient's spatial mean)
     */
    public record Result(float[] map, float[] weights, int height, int width) {
    }

    /**
     * Combines a layer's output and the gradient of the score with respect to it, both C×H×W of one sample.
     */
    public static Result combine(float[] activation, float[] gradient, int channels, int height, int width) {
        int hw = height * width;
        if (activation.length != channels * hw || gradient.length != channels * hw) {
            throw new IllegalArgumentException("activation and gradient must both hold " + channels * hw + " values");
        }
        float[] weights = new float[channels];
        for (int k = 0; k < channels; k++) {
            double s = 0;
            for (int i = 0; i < hw; i++) {
                s += gradient[k * hw + i];
            }
            weights[k] = (float) (s / hw);
        }
        float[] map = new float[hw];
        for (int i = 0; i < hw; i++) {
            double s = 0;
            for (int k = 0; k < channels; k++) {
                s += weights[k] * activation[k * hw + i];
            }
            map[i] = (float) Math.max(0, s);
        }
        return new Result(map, weights, height, width);
    }

    /** Bilinear resize of an h×w map to H×W (align-corners false, as image libraries do). */
    public static float[] resize(float[] map, int h, int w, int outH, int outW) {
        float[] out = new float[outH * outW];
        for (int y = 0; y < outH; y++) {
            double sy = Math.max(0, Math.min(h - 1, (y + 0.5) * h / outH - 0.5));
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(h - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < outW; x++) {
                double sx = Math.max(0, Math.min(w - 1, (x + 0.5) * w / outW - 0.5));
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(w - 1, x0 + 1);
                double fx = sx - x0;
                double top = map[y0 * w + x0] * (1 - fx) + map[y0 * w + x1] * fx;
                double bottom = map[y1 * w + x0] * (1 - fx) + map[y1 * w + x1] * fx;
                out[y * outW + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }
}
