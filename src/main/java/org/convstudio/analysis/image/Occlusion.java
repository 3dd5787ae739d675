package org.convstudio.analysis.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Occlusion sensitivity (Zeiler &amp; Fergus 2014): a patch slides over the image, filled with grey or with
 * the image's mean; the drop of the class score at each position says how much the covered pixels mattered.
 * Patch and stride are fractions of the input size, so the same settings work for 28×28 and 227×227.
 *
 * @param patchFraction  patch side as a fraction of the image's shorter side (e.g. 0.25)
 * @param strideFraction stride as a fraction of the shorter side (e.g. 0.125)
 * @param fill           what replaces the covered pixels
 */
public record Occlusion(double patchFraction, double strideFraction, Fill fill) {

    /** What the patch is filled with. */
    public enum Fill {
        /** A constant grey value per channel (given by the caller: 0.5 of the raw range, normalised). */
        GREY,
        /** The image's own mean per channel. */
        MEAN
    }

    public Occlusion {
        if (!(patchFraction > 0 && patchFraction <= 1) || !(strideFraction > 0 && strideFraction <= 1)) {
            throw new IllegalArgumentException("patch and stride must be fractions of the image size in (0, 1]");
        }
    }

    /** Patch 1/4 of the image, stride 1/8, grey. */
    public static Occlusion defaults() {
        return new Occlusion(0.25, 0.125, Fill.GREY);
    }

    /** Scores a batch: {@code count} CHW images, one score per image. */
    @FunctionalInterface
    public interface Scorer {
        float[] scores(float[] images, int count);
    }

    /**
     * The sensitivity map and the most sensitive patch.
     *
     * @param map      H×W: mean score drop over the patches covering each pixel
     * @param baseline the score of the unoccluded image
     * @param top,left,size the patch whose occlusion lowered the score most
     */
    public record Result(float[] map, float baseline, int top, int left, int size, int height, int width) {
    }

    public int patch(int h, int w) {
        return Math.max(1, (int) Math.round(patchFraction * Math.min(h, w)));
    }

    public int stride(int h, int w) {
        return Math.max(1, (int) Math.round(strideFraction * Math.min(h, w)));
    }

    /**
     * Runs the occlusion over one C×H×W image.
     *
     * @param grey the per-channel grey value (used with {@link Fill#GREY})
     * @param batch how many occluded images to score at once
     */
    public Result run(float[] image, int c, int h, int w, float[] grey, Scorer scorer, int batch) {
        int p = patch(h, w);
        int s = stride(h, w);
        float[] fillValue = fill == Fill.GREY ? grey.clone() : channelMeans(image, c, h * w);
        List<int[]> positions = new ArrayList<>();
        for (int y = 0; ; y += s) {
            int top = Math.min(y, h - p);
            for (int x = 0; ; x += s) {
                int left = Math.min(x, w - p);
                positions.add(new int[] {top, left});
                if (left >= w - p) {
                    break;
                }
            }
            if (top >= h - p) {
                break;
            }
        }
        float baseline = scorer.scores(image.clone(), 1)[0];
        int len = c * h * w;
        float[] drops = new float[positions.size()];
        for (int from = 0; from < positions.size(); from += batch) {
            int n = Math.min(batch, positions.size() - from);
            float[] imgs = new float[n * len];
            for (int k = 0; k < n; k++) {
                System.arraycopy(image, 0, imgs, k * len, len);
                int[] pos = positions.get(from + k);
                for (int ch = 0; ch < c; ch++) {
                    for (int yy = pos[0]; yy < pos[0] + p; yy++) {
                        int off = k * len + ch * h * w + yy * w;
                        java.util.Arrays.fill(imgs, off + pos[1], off + pos[1] + p, fillValue[ch]);
                    }
                }
            }
            float[] sc = scorer.scores(imgs, n);
            for (int k = 0; k < n; k++) {
                drops[from + k] = baseline - sc[k];
            }
        }
        float[] sum = new float[h * w];
        int[] cover = new int[h * w];
        int best = 0;
        for (int i = 0; i < positions.size(); i++) {
            int[] pos = positions.get(i);
            if (drops[i] > drops[best]) {
                best = i;
            }
            for (int yy = pos[0]; yy < pos[0] + p; yy++) {
                for (int xx = pos[1]; xx < pos[1] + p; xx++) {
                    sum[yy * w + xx] += drops[i];
                    cover[yy * w + xx]++;
                }
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] = cover[i] == 0 ? 0 : sum[i] / cover[i];
        }
        int[] b = positions.get(best);
        return new Result(sum, baseline, b[0], b[1], p, h, w);
    }

    static float[] channelMeans(float[] image, int c, int plane) {
        float[] m = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double s = 0;
            for (int i = 0; i < plane; i++) {
                s += image[ch * plane + i];
            }
            m[ch] = (float) (s / plane);
        }
        return m;
    }
}
