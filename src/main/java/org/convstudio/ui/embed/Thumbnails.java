package org.convstudio.ui.embed;

import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import org.convstudio.engine.data.ImageSet;

/** A sample's image as a small JavaFX image (hover card, gallery); a few hundred pixels each. */
final class Thumbnails {

    private Thumbnails() {
    }

    /** Image {@code i} of {@code images}, contrast-stretched to its own range (grey or colour). */
    static Image of(ImageSet images, int i) {
        float[] px = images.image(i);
        int c = images.channels();
        int hh = images.height();
        int ww = images.width();
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : px) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double range = Math.max(hi - lo, 1e-6);
        WritableImage img = new WritableImage(ww, hh);
        var w = img.getPixelWriter();
        int plane = hh * ww;
        for (int y = 0; y < hh; y++) {
            for (int x = 0; x < ww; x++) {
                int o = y * ww + x;
                int r = (int) Math.round(255 * (px[o] - lo) / range);
                int g = c >= 3 ? (int) Math.round(255 * (px[plane + o] - lo) / range) : r;
                int b = c >= 3 ? (int) Math.round(255 * (px[2 * plane + o] - lo) / range) : r;
                w.setArgb(x, y, 0xff000000 | r << 16 | g << 8 | b);
            }
        }
        return img;
    }
}
