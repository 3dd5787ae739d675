package org.convstudio.cli;

import java.util.Random;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.embed.EmbedImages;
import org.convstudio.engine.data.ImageSet;

/**
 * The images the {@code embed} command maps: the validation split followed by the training split
 * (so the first samples are images no network was trained on), the first {@code --samples} of them,
 * or, with {@code --synthesize N}, the whole set extended to N images by jittered copies.
 */
final class EmbedData {

    private EmbedData() {
    }

    /** Validation images first, then training images (see {@link EmbedImages}). */
    static ImageSet validationThenTrain(DataSplit split) {
        return EmbedImages.validationThenTrain(split);
    }

    static ImageSet head(ImageSet s, int n) {
        return EmbedImages.head(s, n);
    }

    /**
     * Extends {@code s} to {@code total} images: image i ≥ size is a copy of image (i mod size) shifted by up to
     * two pixels in each direction (never zero in both) with a little Gaussian noise (σ = 4 % of the value range),
     * a stand-in for a larger data set of the same kind when none is available offline (benchmarks).
     */
    static ImageSet synthesize(ImageSet s, int total, long seed) {
        if (total <= s.size()) {
            return s;
        }
        int len = s.imageLength();
        int h = s.height();
        int w = s.width();
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : s.pixels()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        float noise = 0.04f * (hi - lo);
        float[] px = new float[total * len];
        int[] labels = new int[total];
        System.arraycopy(s.pixels(), 0, px, 0, s.pixels().length);
        System.arraycopy(s.labels(), 0, labels, 0, s.size());
        Random rnd = new Random(seed);
        for (int i = s.size(); i < total; i++) {
            int src = i % s.size();
            int dx;
            int dy;
            do {
                dx = rnd.nextInt(5) - 2;
                dy = rnd.nextInt(5) - 2;
            } while (dx == 0 && dy == 0);
            labels[i] = s.labels()[src];
            for (int c = 0; c < s.channels(); c++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int sy = y - dy;
                        int sx = x - dx;
                        float v = sy >= 0 && sy < h && sx >= 0 && sx < w ? s.pixels()[src * len + (c * h + sy) * w + sx] : lo;
                        v += (float) (rnd.nextGaussian() * noise);
                        px[i * len + (c * h + y) * w + x] = Math.max(lo, Math.min(hi, v));
                    }
                }
            }
        }
        return new ImageSet(s.name() + "+jitter", s.channels(), h, w, px, labels, s.classNames());
    }
}
